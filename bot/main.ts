import { pathToFileURL } from 'node:url';
import type { App } from '../app/app.js';
import { loadConfig, type Config } from '../app/config.js';
import { createApp } from '../app/create-app.js';
import { isUserError } from '../core/errors.js';
import { startBot, type RunningBot } from './client.js';
import { createLogger, errorFields, type Logger } from './log.js';
import { startShards, type RunningShards } from './shards.js';

/** What `main` needs from the outside world; tests replace parts of it. */
export interface MainDeps {
  loadConfig: () => Config;
  createApp: (config: Config) => Promise<App>;
  startBot: (app: App, config: Config) => Promise<RunningBot>;
  /** Runs the shard manager (SHARDS or --shards): one child process per shard, each running this file. */
  startShards: (config: Config, log: Logger) => Promise<RunningShards>;
  /** Prints one line for the person starting the bot. */
  say: (line: string) => void;
  exit: (code: number) => void;
  onSignal: (signal: NodeJS.Signals, handler: () => void) => void;
  /** Installs a last-resort handler for promise rejections nobody caught. */
  onUnhandled: (handler: (reason: unknown) => void) => void;
}

const defaults: MainDeps = {
  loadConfig: () => loadConfig({ overrides: shardsFlag(process.argv.slice(2)) }),
  createApp,
  startBot: (app, config) => startBot(app, config),
  startShards: (config, log) => startShards(config, { log }),
  say: (line) => process.stderr.write(`${line}\n`),
  exit: (code) => process.exit(code),
  onSignal: (signal, handler) => process.once(signal, handler),
  onUnhandled: (handler) => process.on('unhandledRejection', handler),
};

/** The variables the bot cannot start without, in one line, or null when all are set. */
export function missingLine(config: Config): string | null {
  const missing = (['DISCORD_TOKEN', 'DISCORD_APPLICATION_ID'] as const).filter((k) => !config[k]);
  if (missing.length === 0) return null;
  return (
    `${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set: add ${missing.length > 1 ? 'them' : 'it'} to .env ` +
    `(see bot/README-discord.md) to run the Discord bot, or ask from the terminal with: npm run ask -- "What did Pakistan say?"`
  );
}

/** `--shards auto` or `--shards N` (also `--shards=N`) from the command line, as a config override. */
export function shardsFlag(argv: readonly string[]): { SHARDS?: string } {
  const i = argv.findIndex((a) => a === '--shards' || a.startsWith('--shards='));
  if (i < 0) return {};
  const a = argv[i]!;
  const value = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[i + 1];
  return { SHARDS: value ?? 'missing' }; // fails validation with a clear message
}

/** The manager process: starts the shards and stops them on SIGTERM/SIGINT; it opens no store itself. */
async function manage(d: MainDeps, config: Config, log: Logger): Promise<void> {
  let shards: RunningShards | null = null;
  const shutdown = (signal: string) => {
    log.info('shutting down the shards', { signal });
    shards?.stop();
    d.exit(0);
  };
  d.onSignal('SIGTERM', () => shutdown('SIGTERM'));
  d.onSignal('SIGINT', () => shutdown('SIGINT'));
  try {
    shards = await d.startShards(config, log);
  } catch (err) {
    d.say(isUserError(err) ? err.message : `Could not start the shards: ${startHint(err)}`);
    return d.exit(1);
  }
}

/** Loads the config, builds the app, starts the bot and stops both cleanly on SIGTERM/SIGINT. */
export async function main(deps: Partial<MainDeps> = {}): Promise<void> {
  const d = { ...defaults, ...deps };
  let config: Config;
  try {
    config = d.loadConfig();
  } catch (err) {
    d.say(isUserError(err) ? err.message : `Could not read the configuration: ${(err as Error).message}`);
    return d.exit(1);
  }
  const missing = missingLine(config);
  if (missing) {
    d.say(missing);
    return d.exit(1);
  }
  const log = createLogger({ level: config.LOG_LEVEL, secrets: [config.DISCORD_TOKEN, config.LLM_API_KEY, config.EMBEDDINGS_API_KEY, config.DATABASE_URL] });
  d.onUnhandled((reason) => log.error('unhandled rejection', errorFields(reason)));
  if (config.sharding.role === 'manager') return manage(d, config, log);
  let app: App | null = null;
  let bot: RunningBot | null = null;
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('shutting down', { signal });
    void (async () => {
      try {
        await bot?.stop();
        await app?.close();
      } catch (err) {
        log.error('error while shutting down', errorFields(err));
      }
      d.exit(0);
    })();
  };
  d.onSignal('SIGTERM', () => shutdown('SIGTERM'));
  d.onSignal('SIGINT', () => shutdown('SIGINT'));
  try {
    app = await d.createApp(config);
    bot = await d.startBot(app, config);
  } catch (err) {
    d.say(isUserError(err) ? err.message : `Could not start the bot: ${startHint(err)}`);
    if (!isUserError(err)) log.error('start-up failed', errorFields(err));
    await app?.close().catch(() => undefined);
    return d.exit(1);
  }
}

function startHint(err: unknown): string {
  const msg = (err as Error)?.message ?? String(err);
  if (/token/i.test(msg)) return `${msg} Check DISCORD_TOKEN (Developer Portal → Bot → Reset Token).`;
  if (/intents/i.test(msg)) return `${msg} Enable the intents under Developer Portal → Bot → Privileged Gateway Intents.`;
  return msg;
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(entry).href) void main();
