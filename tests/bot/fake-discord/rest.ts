import type { IncomingMessage } from 'node:http';
import { snowflake } from './ids.js';
import { parseMultipart, type UploadedFile } from './multipart.js';
import { messageObject, threadChannel, type ApiMessage, type ApiUser, type GuildSetup } from './payloads.js';

/** One HTTP request the bot made. */
export interface RecordedRequest {
  method: string;
  /** Path with `%40original` decoded to `@original`. */
  path: string;
  rawPath: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  body: any;
  status: number;
  /** The JSON the fake answered with. */
  response?: any;
  /** Files of a multipart upload (the JSON part is `body`). */
  files?: UploadedFile[];
}

/** An interaction the fake dispatched, and its response message once acknowledged. */
export interface StoredInteraction {
  id: string;
  token: string;
  payload: any;
  acked: boolean;
  original?: ApiMessage;
}

/** What the REST routes read and change. */
export interface RestState {
  token: string;
  appId: string;
  bot: ApiUser;
  guild: GuildSetup;
  gatewayUrl: string;
  /** The shard count GET /gateway/bot recommends (default 1). */
  shards?: number;
  messages: Map<string, ApiMessage>;
  files: Map<string, { bytes: Uint8Array; contentType: string }>;
  interactions: Map<string, StoredInteraction>;
  /** DM channel id per user, users whose DMs are closed, and messages by enforced nonce. */
  dmChannels: Map<string, string>;
  closedDms: Set<string>;
  nonces: Map<string, ApiMessage>;
  /** Channels where the bot may not post (403 Missing Permissions), and threads it opened. */
  deniedChannels: Set<string>;
  threads: Map<string, any>;
}

/** Reads and parses a request into a record (JSON bodies parsed, `%40original` decoded). */
export async function readRequest(req: IncomingMessage): Promise<RecordedRequest> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const bytes = Buffer.concat(chunks);
  const raw = bytes.toString('utf8');
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  let body: any = raw;
  let files: UploadedFile[] | undefined;
  const type = String(req.headers['content-type'] ?? '');
  if (type.startsWith('multipart/form-data')) ({ body, files } = parseMultipart(bytes, type));
  else if (type.includes('application/json') && raw) {
    try {
      body = JSON.parse(raw);
    } catch {
      body = raw;
    }
  }
  return {
    method: req.method ?? 'GET',
    path: decodeURIComponent(url.pathname),
    rawPath: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers: req.headers,
    body,
    ...(files ? { files } : {}),
    status: 0,
  };
}

type Reply = (status: number, json?: unknown, type?: string) => void;

/** The interaction with this token. */
export function byToken(s: RestState, token: string): StoredInteraction | undefined {
  return [...s.interactions.values()].find((i) => i.token === token);
}

/** Answers one REST request the way Discord would (for the routes the bot uses). */
export function handleRest(s: RestState, r: RecordedRequest, reply: Reply): void {
  const { method, path } = r;
  let m: RegExpExecArray | null;
  if (method === 'GET' && (m = /^\/files\/(.+)$/.exec(path))) {
    const f = s.files.get(m[1]!);
    return f ? reply(200, f.bytes, f.contentType) : reply(404, { message: 'Not found', code: 0 });
  }
  if ((m = /^\/api\/v10\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path)) && method === 'POST') {
    return callback(s, m[1]!, m[2]!, r, reply);
  }
  if ((m = /^\/api\/v10\/webhooks\/(\d+)\/([^/]+)(\/messages\/(@original|\d+))?$/.exec(path))) {
    return webhook(s, m[2]!, m[4], r, reply);
  }
  if (r.headers.authorization !== `Bot ${s.token}`) return reply(401, { message: '401: Unauthorized', code: 0 });
  if (method === 'GET' && path === '/api/v10/gateway/bot') {
    return reply(200, {
      url: s.gatewayUrl,
      shards: s.shards ?? 1,
      session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
    });
  }
  if (method === 'PUT' && /^\/api\/v10\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path)) {
    const cmds = Array.isArray(r.body) ? r.body : [];
    return reply(200, cmds.map((c: any) => ({ ...c, id: snowflake(), application_id: s.appId, version: snowflake() })));
  }
  if (method === 'POST' && /^\/api\/v10\/channels\/\d+\/typing$/.test(path)) return reply(204);
  if (method === 'POST' && (m = /^\/api\/v10\/channels\/(\d+)\/messages\/(\d+)\/threads$/.exec(path))) {
    if (s.deniedChannels.has(m[1]!)) return reply(403, { message: 'Missing Permissions', code: 50013 });
    const thread = threadChannel({ id: m[2]!, guildId: s.guild.id, parentId: m[1]!, name: String(r.body?.name ?? 'thread'), ownerId: s.bot.id });
    s.threads.set(thread.id, thread);
    return reply(201, thread);
  }
  if (method === 'GET' && (m = /^\/api\/v10\/channels\/(\d+)$/.exec(path)) && s.threads.has(m[1]!)) return reply(200, s.threads.get(m[1]!));
  if (method === 'POST' && path === '/api/v10/users/@me/channels') {
    const userId = String(r.body?.recipient_id ?? '');
    let id = s.dmChannels.get(userId);
    if (!id) s.dmChannels.set(userId, id = snowflake());
    return reply(200, { id, type: 1, last_message_id: null, recipients: [{ id: userId, username: `user${userId.slice(-4)}`, discriminator: '0', avatar: null, global_name: null }] });
  }
  if (method === 'POST' && (m = /^\/api\/v10\/channels\/(\d+)\/messages$/.exec(path))) {
    if (s.deniedChannels.has(m[1]!)) return reply(403, { message: 'Missing Permissions', code: 50013 });
    const dmOf = [...s.dmChannels].find(([, c]) => c === m![1])?.[0];
    if (dmOf && s.closedDms.has(dmOf)) return reply(403, { message: 'Cannot send messages to this user', code: 50007 });
    const nonce = r.body?.enforce_nonce && r.body?.nonce ? `${m[1]}:${r.body.nonce}` : undefined;
    if (nonce && s.nonces.has(nonce)) return reply(200, s.nonces.get(nonce));
    const guildId = s.guild.channels.some((c) => c.id === m![1]) ? s.guild.id : undefined;
    const msg = messageObject({ ...r.body, channel_id: m[1]!, author: s.bot, guild_id: guildId });
    s.messages.set(msg.id, msg);
    if (nonce) s.nonces.set(nonce, msg);
    return reply(200, msg);
  }
  if (method === 'GET' && (m = /^\/api\/v10\/channels\/(\d+)\/messages$/.exec(path))) {
    const before = r.query.before ? BigInt(r.query.before) : undefined;
    const list = [...s.messages.values()].filter((x) => x.channel_id === m![1] && (before === undefined || BigInt(x.id) < before))
      .sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1)).slice(0, Number(r.query.limit ?? 50));
    return reply(200, list);
  }
  if (method === 'GET' && (m = /^\/api\/v10\/channels\/(\d+)\/messages\/(\d+)$/.exec(path))) {
    const msg = s.messages.get(m[2]!);
    return msg ? reply(200, msg) : reply(404, { message: 'Unknown Message', code: 10008 });
  }
  return reply(404, { message: '404: Not Found', code: 0 });
}

function callback(s: RestState, id: string, token: string, r: RecordedRequest, reply: Reply): void {
  const it = s.interactions.get(id);
  if (!it || it.token !== token) return reply(404, { message: 'Unknown interaction', code: 10062 });
  if (it.acked) return reply(400, { message: 'Interaction has already been acknowledged.', code: 40060 });
  it.acked = true;
  const type = r.body?.type;
  if (type === 4 || type === 5) {
    const data = r.body.data ?? {};
    it.original = messageObject({
      ...data,
      channel_id: it.payload.channel?.id ?? it.payload.channel_id,
      author: s.bot,
      webhook_id: s.appId,
      flags: (data.flags ?? 0) | (type === 5 ? 128 : 0),
      guild_id: it.payload.guild_id,
    });
    s.messages.set(it.original.id, it.original);
  }
  if (r.query.with_response !== 'true') return reply(204);
  const ephemeral = ((it.original?.flags ?? 0) & 64) !== 0;
  reply(200, {
    interaction: { id, type: it.payload.type, response_message_id: it.original?.id, response_message_loading: type === 5, response_message_ephemeral: ephemeral },
    resource: { type, ...(it.original ? { message: it.original } : {}) },
  });
}

/** Attachment objects for the files of an upload (served back at /files/<id>). */
function attachmentsOf(r: RecordedRequest): any[] {
  return (r.files ?? []).map((f) => ({ id: snowflake(), filename: f.filename, size: f.bytes.length, content_type: f.contentType, url: `http://127.0.0.1/files/${f.filename}`, proxy_url: `http://127.0.0.1/files/${f.filename}` }));
}

function webhook(s: RestState, token: string, which: string | undefined, r: RecordedRequest, reply: Reply): void {
  const it = byToken(s, token);
  if (!it) return reply(404, { message: 'Unknown Webhook', code: 10015 });
  if (r.method === 'POST' && which === undefined) {
    if (!it.acked) return reply(400, { message: 'Interaction has not been acknowledged.', code: 40060 });
    const channelId = it.payload.channel?.id ?? it.payload.channel_id;
    const msg = messageObject({ ...r.body, channel_id: channelId, author: s.bot, webhook_id: s.appId, guild_id: it.payload.guild_id });
    s.messages.set(msg.id, msg);
    return reply(200, msg);
  }
  const target = which === '@original' ? it.original : which ? s.messages.get(which) : undefined;
  if (!target) return reply(404, { message: 'Unknown Message', code: 10008 });
  if (r.method === 'GET') return reply(200, target);
  if (r.method === 'DELETE') {
    s.messages.delete(target.id);
    return reply(204);
  }
  if (r.method === 'PATCH') {
    const body = r.body ?? {};
    for (const k of ['content', 'embeds', 'components'] as const) {
      if (k in body) (target as any)[k] = body[k] ?? (k === 'content' ? '' : []);
    }
    if (r.files?.length) target.attachments = attachmentsOf(r);
    target.flags = (target.flags ?? 0) & ~128;
    target.edited_timestamp = new Date().toISOString();
    return reply(200, target);
  }
  return reply(405, { message: 'Method not allowed', code: 0 });
}
