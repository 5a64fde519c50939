import { once } from 'node:events';
import { Client, Events, GatewayIntentBits, Partials } from 'discord.js';
import type { App } from '../app/app.js';
import type { Config } from '../app/config.js';
import { UserError } from '../core/errors.js';
import type { BotContext } from './context.js';
import { DISCORD_CDN_HOSTS, downloadAttachment } from './download.js';
import { onInteraction } from './handlers/interaction.js';
import { createMessageHandler } from './handlers/message.js';
import { createLogger, errorFields, type Logger } from './log.js';
import { AnswerMemory } from './memory.js';
import { DEFAULT_RATE_LIMITS, RateLimiter, type RateLimitOptions } from './rate-limit.js';
import { NO_MENTIONS } from './render/payload.js';
import { registerCommands } from './register.js';
import { startWatchDelivery, type WatchDelivery } from './watch-delivery.js';
import { ThreadMemory } from './threads.js';

/** The Discord REST base used when DISCORD_API_URL is not set (without /v10). */
export const DEFAULT_API = 'https://discord.com/api';

/** Options for {@link startBot}; tests inject a logger, limits and a clock. */
export interface StartOptions {
  log?: Logger;
  rateLimits?: RateLimitOptions;
  now?: () => number;
  /** Register the slash commands after connecting (default true). */
  registerCommands?: boolean;
  /** Ask for the privileged Message Content intent (default true; falls back without it if refused). */
  messageContent?: boolean;
  fetch?: typeof fetch;
  /** How long to wait for the gateway's READY and guilds (default 30 s). */
  readyTimeoutMs?: number;
}

// Shards other than 0 leave the store's watch outbox to shard 0, so no notice is sent twice.
const otherShardsDeliverNothing: WatchDelivery = { tick: async () => ({ sent: 0, failed: 0 }), stop: () => undefined };

/** A running bot. */
export interface RunningBot {
  client: Client<true>;
  /** Whether the Message Content intent was granted. */
  messageContent: boolean;
  /** Delivers queued watch notices now (the loop does it every WATCH_POLL_MS). */
  watches: WatchDelivery;
  /** Disconnects from Discord. Safe to call twice. Does not close the app. */
  stop(): Promise<void>;
}

function createClient(config: Config, messageContent: boolean): Client {
  const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages];
  if (messageContent) intents.push(GatewayIntentBits.MessageContent);
  return new Client({
    intents,
    partials: [Partials.Channel], // direct messages arrive in uncached DM channels
    allowedMentions: NO_MENTIONS,
    failIfNotExists: false,
    rest: { api: config.DISCORD_API_URL ?? DEFAULT_API },
  });
}

function safe<A extends unknown[]>(log: Logger, event: string, fn: (...args: A) => unknown): (...args: A) => void {
  return (...args: A) => {
    try {
      Promise.resolve(fn(...args)).catch((err: unknown) => log.error('listener failed', { event, ...errorFields(err) }));
    } catch (err) {
      log.error('listener failed', { event, ...errorFields(err) });
    }
  };
}

function wire(client: Client, ctx: BotContext): void {
  const { log } = ctx;
  const onMessage = createMessageHandler(ctx, () => client.user?.id ?? '');
  client.on(Events.InteractionCreate, safe(log, 'interactionCreate', (i) => onInteraction(i, ctx)));
  client.on(Events.MessageCreate, safe(log, 'messageCreate', onMessage));
  client.on(Events.Error, (err) => log.error('client error', errorFields(err)));
  client.on(Events.Warn, (msg) => log.warn('discord.js warning', { detail: msg }));
  client.on(Events.ShardError, (err, shard) => log.warn('gateway connection error', { shard, ...errorFields(err) }));
  client.on(Events.ShardDisconnect, (ev, shard) => log.warn('gateway disconnected for good', { shard, code: ev.code }));
  client.on(Events.ShardReconnecting, (shard) => log.info('gateway reconnecting', { shard }));
  client.on(Events.ShardResume, (shard, replayed) => log.info('gateway resumed', { shard, replayed }));
}

async function connect(client: Client, token: string, timeoutMs: number): Promise<void> {
  const ready = once(client, Events.ClientReady, { signal: AbortSignal.timeout(timeoutMs) });
  ready.catch(() => undefined);
  await client.login(token);
  try {
    await ready;
  } catch {
    throw new Error(`Discord did not send READY and the guilds within ${timeoutMs} ms`);
  }
}

/**
 * Connects the bot to Discord and answers with `app`. Asks for the Message Content intent and, if the
 * Developer Portal has not enabled it, reconnects without it (mentions, DMs and slash commands still work).
 * Registers the slash commands after connecting.
 */
export async function startBot(app: App, config: Config, opts: StartOptions = {}): Promise<RunningBot> {
  const token = config.DISCORD_TOKEN;
  if (!token) throw new UserError('CONFIG_MISSING', { name: 'DISCORD_TOKEN', hint: 'the bot token from the Discord Developer Portal' });
  const log = opts.log ?? createLogger({ level: config.LOG_LEVEL, secrets: [token, config.LLM_API_KEY, config.EMBEDDINGS_API_KEY, config.DATABASE_URL] });
  const apiHost = config.DISCORD_API_URL ? new URL(config.DISCORD_API_URL).host : null;
  const allowedHosts = [...DISCORD_CDN_HOSTS, ...(apiHost ? [apiHost] : [])];
  const ctx: BotContext = {
    app,
    config,
    log,
    limiter: new RateLimiter(opts.rateLimits ?? DEFAULT_RATE_LIMITS, opts.now),
    memory: new AnswerMemory(),
    threads: new ThreadMemory(opts.now),
    roles: { moderatorRoleIds: config.MODERATOR_ROLE_IDS, maintainerRoleIds: config.MAINTAINER_ROLE_IDS },
    download: (att) =>
      downloadAttachment(att, {
        maxBytes: config.MAX_UPLOAD_BYTES,
        timeoutMs: config.FETCH_TIMEOUT_MS,
        allowedHosts,
        ...(opts.fetch ? { fetch: opts.fetch } : {}),
      }),
  };
  const timeout = opts.readyTimeoutMs ?? 30_000;
  let messageContent = opts.messageContent ?? true;
  let client = createClient(config, messageContent);
  wire(client, ctx);
  try {
    await connect(client, token, timeout);
  } catch (err) {
    if (!messageContent || !/disallowed intents/i.test((err as Error).message)) throw err;
    await client.destroy();
    log.warn(
      'the Message Content intent is not enabled for this application in the Developer Portal; continuing without it. ' +
        'Mentions, DMs and slash commands work; replies to answers that do not mention the bot cannot be read.',
    );
    messageContent = false;
    client = createClient(config, false);
    wire(client, ctx);
    await connect(client, token, timeout);
  }
  const ready = client as Client<true>;
  const shard = config.sharding.role === 'shard' ? config.sharding.id : undefined;
  log.info('connected to Discord', { user: ready.user.id, guilds: ready.guilds.cache.size, messageContent, ...(shard !== undefined && { shard }) });
  // Commands and watch notices are global (REST, not per gateway session): with shards, shard 0 alone does them.
  const first = shard === undefined || shard === 0;
  if (opts.registerCommands !== false && first) {
    try {
      const r = await registerCommands(ready.rest, config);
      log.info('slash commands registered', r);
    } catch (err) {
      log.error('could not register the slash commands; check DISCORD_APPLICATION_ID, DISCORD_GUILD_ID and the applications.commands scope', errorFields(err));
    }
  }
  const watches = first ? startWatchDelivery(ready, ctx) : otherShardsDeliverNothing;
  let stopped = false;
  return {
    client: ready,
    messageContent,
    watches,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      watches.stop();
      ready.removeAllListeners(Events.ShardReconnecting);
      await ready.destroy();
    },
  };
}
