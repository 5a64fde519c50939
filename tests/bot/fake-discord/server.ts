import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { interactionToken, snowflake } from './ids.js';
import { guildCreate, readyPayload, type ApiMessage, type ApiUser, type GuildSetup } from './payloads.js';
import { byToken, handleRest, readRequest, type RecordedRequest, type RestState, type StoredInteraction } from './rest.js';
import { waitUntil } from './wait.js';

export type { RecordedRequest } from './rest.js';

/** Options of the fake. */
export interface FakeOptions {
  token: string;
  appId: string;
  bot: ApiUser;
  guild: GuildSetup;
  heartbeatIntervalMs?: number;
  /** Close with 4014 (disallowed intents) when IDENTIFY asks for any of these intent bits. */
  refuseIntents?: number;
  /** The shard count GET /gateway/bot recommends (default 1). */
  shards?: number;
  /** More guilds the bot is in; each session gets those of its shard ((id >> 22) % count). */
  otherGuilds?: GuildSetup[];
}

/** One gateway session (a shard): its socket while connected, its sequence and id for RESUME. */
interface Session {
  ws: WebSocket | null;
  seq: number;
  id: string;
  shard: [number, number];
}

/** The shard that receives a guild's events, as Discord computes it. */
export function shardOfGuild(guildId: string, count: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(count));
}

/**
 * A fake Discord on 127.0.0.1: the REST routes the bot uses and a JSON gateway (HELLO, IDENTIFY/READY,
 * GUILD_CREATE, heartbeats, RESUME, op 7), one session per shard that IDENTIFY names. Events of a guild
 * go to the session of its shard; others (DMs) to shard 0. Every request is recorded for assertions.
 */
export class FakeDiscord extends EventEmitter {
  readonly requests: RecordedRequest[] = [];
  readonly gatewayLog: { op: number; d?: any }[] = [];
  readonly messages = new Map<string, ApiMessage>();
  readonly files = new Map<string, { bytes: Uint8Array; contentType: string }>();
  /** DM channel ids by user, and the users whose DMs are closed (sending there fails with 50007). */
  readonly dmChannels = new Map<string, string>();
  readonly closedDms = new Set<string>();
  /** Channels where posting fails with 403 Missing Permissions; threads the bot opened (by id). */
  readonly deniedChannels = new Set<string>();
  readonly threads = new Map<string, any>();
  /** Every dispatch sent, with the shard whose session it went to. */
  readonly dispatches: { shard: number; t: string; id?: string }[] = [];
  identifies = 0;
  resumes = 0;
  connections = 0;
  readonly #interactions = new Map<string, StoredInteraction>();
  readonly #rest: RestState;
  readonly #server: Server;
  readonly #wss: WebSocketServer;
  /** Sessions by shard id. */
  readonly #sessions = new Map<number, Session>();
  #shardCount = 1;
  port = 0;

  constructor(readonly opts: FakeOptions) {
    super();
    this.#server = createServer((req, res) => void this.#onHttp(req, res));
    this.#wss = new WebSocketServer({ server: this.#server });
    this.#wss.on('connection', (ws) => this.#onSocket(ws));
    const self = this;
    this.#rest = {
      ...opts,
      messages: this.messages,
      files: this.files,
      interactions: this.#interactions,
      dmChannels: this.dmChannels,
      closedDms: this.closedDms,
      nonces: new Map(),
      deniedChannels: this.deniedChannels,
      threads: this.threads,
      get gatewayUrl() {
        return self.gatewayUrl;
      },
    };
  }

  /** Starts listening on a free port of 127.0.0.1. */
  static async start(opts: FakeOptions): Promise<FakeDiscord> {
    const fake = new FakeDiscord(opts);
    await new Promise<void>((resolve) => fake.#server.listen(0, '127.0.0.1', resolve));
    fake.port = (fake.#server.address() as AddressInfo).port;
    return fake;
  }

  /** The value for DISCORD_API_URL. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /** Resolves with the first recorded request matching `pred` (past or future). */
  waitForRequest(pred: (r: RecordedRequest) => boolean, timeoutMs = 8000): Promise<RecordedRequest> {
    const seen = () => `no matching request; saw:\n${this.requests.map((r) => `${r.method} ${r.path}`).join('\n')}`;
    return waitUntil(this, 'request', () => this.requests.find(pred), timeoutMs, seen);
  }

  /** Resolves when the bot has an open, identified or resumed gateway session. */
  async waitForSession(kind: 'ready' | 'resumed', count: number, timeoutMs = 8000): Promise<void> {
    const open = () => [...this.#sessions.values()].some((x) => x.ws !== null);
    const done = () => ((kind === 'ready' ? this.identifies : this.resumes) >= count && open() ? true : undefined);
    await waitUntil(this, 'session', done, timeoutMs, () => `no ${kind} #${count}`);
  }

  /** Sends a dispatch event to the connected bot: to the session of the event's guild (shard 0 without one). */
  dispatch(t: string, d: unknown): void {
    const guildId = (d as { guild_id?: string } | null)?.guild_id;
    this.#send(guildId ? shardOfGuild(guildId, this.#shardCount) : 0, t, d);
  }

  /** The identified sessions: their `[shard, count]` and whether each is connected now. */
  get sessions(): { shard: [number, number]; connected: boolean }[] {
    return [...this.#sessions.values()].map((x) => ({ shard: x.shard, connected: x.ws !== null }));
  }

  #send(shard: number, t: string, d: unknown): void {
    const session = this.#sessions.get(shard);
    if (!session?.ws) throw new Error(`the bot is not connected${shard ? ` on shard ${shard}` : ''}`);
    session.seq += 1;
    this.dispatches.push({ shard, t, ...((d as { id?: unknown } | null)?.id ? { id: String((d as { id: unknown }).id) } : {}) });
    session.ws.send(JSON.stringify({ op: 0, t, s: session.seq, d }));
  }

  /** Dispatches INTERACTION_CREATE for a payload built by the helpers; returns its id and token. */
  interact(payload: any): { id: string; token: string } {
    const id = payload.id ?? snowflake();
    const token = payload.token ?? interactionToken();
    const full = { ...payload, id, token, application_id: this.opts.appId };
    this.#interactions.set(id, { id, token, payload: full, acked: false });
    this.dispatch('INTERACTION_CREATE', full);
    return { id, token };
  }

  /** The original response message of an interaction, once acknowledged. */
  originalMessage(token: string): ApiMessage | undefined {
    return byToken(this.#rest, token)?.original;
  }

  /** Stores a message as if it existed in Discord (for fetches) and returns it. */
  storeMessage(m: ApiMessage): ApiMessage {
    this.messages.set(m.id, m);
    return m;
  }

  /** Serves bytes at `/files/<name>` (an attachment's CDN URL). */
  serveFile(name: string, bytes: Uint8Array, contentType: string): string {
    this.files.set(name, { bytes, contentType });
    return `http://127.0.0.1:${this.port}/files/${encodeURIComponent(name)}`;
  }

  /** The messages the bot created in a user's DM channel. */
  dmsTo(userId: string): ApiMessage[] {
    const id = this.dmChannels.get(userId);
    return id ? [...this.messages.values()].filter((m) => m.channel_id === id) : [];
  }

  /** Asks the bot to reconnect (gateway op 7). */
  requestReconnect(): void {
    for (const x of this.#sessions.values()) x.ws?.send(JSON.stringify({ op: 7, d: null }));
  }

  /** Drops the gateway connection without a close frame. */
  dropConnection(): void {
    for (const x of this.#sessions.values()) {
      const ws = x.ws;
      x.ws = null;
      ws?.terminate();
    }
  }

  /** The requests with a message body the bot sent (replies, edits, follow-ups, channel messages). */
  messageBodies(): RecordedRequest[] {
    return this.requests.filter(
      (r) =>
        (r.method === 'POST' && /\/callback$/.test(r.path) && [4, 7].includes(r.body?.type)) ||
        (r.method === 'PATCH' && /\/webhooks\//.test(r.path)) ||
        (r.method === 'POST' && /^\/api\/v10\/webhooks\/\d+\/[^/]+$/.test(r.path)) ||
        (r.method === 'POST' && /^\/api\/v10\/channels\/\d+\/messages$/.test(r.path)),
    );
  }

  async close(): Promise<void> {
    for (const ws of this.#wss.clients) ws.terminate();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #onSocket(ws: WebSocket): void {
    this.connections += 1;
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.opts.heartbeatIntervalMs ?? 1000 } }));
    ws.on('message', (raw) => {
      let msg: { op: number; d?: any };
      try {
        msg = JSON.parse(String(raw));
      } catch {
        return ws.close(4002, 'Decode error');
      }
      this.gatewayLog.push(msg);
      if (msg.op === 1) return ws.send(JSON.stringify({ op: 11 }));
      if (msg.op === 2) return this.#identify(ws, msg.d);
      if (msg.op === 6) return this.#resume(ws, msg.d);
    });
    ws.on('close', () => {
      for (const x of this.#sessions.values()) if (x.ws === ws) x.ws = null;
    });
  }

  #identify(ws: WebSocket, d: any): void {
    if (d?.token !== this.opts.token) return ws.close(4004, 'Authentication failed');
    if (this.opts.refuseIntents && (Number(d.intents) & this.opts.refuseIntents) !== 0) {
      return ws.close(4014, 'Disallowed intent(s)');
    }
    const shard: [number, number] = Array.isArray(d.shard) ? [Number(d.shard[0]), Number(d.shard[1])] : [0, 1];
    this.identifies += 1;
    this.#shardCount = shard[1];
    const session: Session = { ws, seq: 0, id: `session-${snowflake()}`, shard };
    this.#sessions.set(shard[0], session);
    const guilds = [this.opts.guild, ...(this.opts.otherGuilds ?? [])].filter((g) => shardOfGuild(g.id, shard[1]) === shard[0]);
    this.#send(shard[0], 'READY', readyPayload({ ...this.opts, guilds }, session.id, this.gatewayUrl, shard));
    for (const g of guilds) {
      const threads = [...this.threads.values()].filter((t) => t.guild_id === g.id);
      this.#send(shard[0], 'GUILD_CREATE', guildCreate({ bot: this.opts.bot, guild: g }, threads));
    }
    this.emit('session');
  }

  #resume(ws: WebSocket, d: any): void {
    const session = [...this.#sessions.values()].find((x) => x.id === d?.session_id);
    if (d?.token !== this.opts.token || !session) {
      return ws.send(JSON.stringify({ op: 9, d: false }));
    }
    session.ws = ws;
    this.resumes += 1;
    this.#send(session.shard[0], 'RESUMED', {});
    this.emit('session');
  }

  async #onHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rec = await readRequest(req);
    const reply = (status: number, json?: unknown, type = 'application/json') => {
      rec.status = status;
      if (!(json instanceof Uint8Array)) rec.response = json;
      this.requests.push(rec);
      this.emit('request', rec);
      if (json === undefined) return res.writeHead(status).end();
      const data = json instanceof Uint8Array ? json : JSON.stringify(json);
      res.writeHead(status, { 'content-type': type }).end(data);
    };
    try {
      handleRest(this.#rest, rec, reply);
    } catch (err) {
      reply(500, { message: String(err), code: 0 });
    }
  }
}
