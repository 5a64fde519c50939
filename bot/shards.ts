import path from 'node:path';
import { ShardingManager, type Shard } from 'discord.js';
import type { Config } from '../app/config.js';
import { UserError } from '../core/errors.js';
import { projectRoot } from '../core/paths.js';
import { DEFAULT_API } from './client.js';
import type { Logger } from './log.js';

/** Options for {@link startShards}; tests pass extra environment for the children. */
export interface ShardOptions {
  log: Logger;
  /** Variables added to each child's environment (the children otherwise inherit this process's). */
  childEnv?: Record<string, string>;
  /** Pause between two shards' start (Discord allows one IDENTIFY per 5 s per bucket; default 5.5 s). */
  spawnDelayMs?: number;
  fetch?: typeof fetch;
}

/** A running shard manager. */
export interface RunningShards {
  manager: ShardingManager;
  count: number;
  /** Stops every child process. Safe to call twice. */
  stop(): void;
}

/**
 * The shard count Discord recommends (GET /gateway/bot), asked at DISCORD_API_URL. discord.js's own
 * `auto` always asks discord.com, so we ask ourselves and give the manager a number.
 */
export async function recommendedShards(config: Config, fetchFn: typeof fetch = fetch): Promise<number> {
  const url = `${config.DISCORD_API_URL ?? DEFAULT_API}/v10/gateway/bot`;
  const res = await fetchFn(url, { headers: { Authorization: `Bot ${config.DISCORD_TOKEN ?? ''}` } }).catch((err: unknown) => {
    throw new Error(`could not ask ${new URL(url).host} for the recommended shard count (${(err as Error).message}); give a number instead of auto`);
  });
  if (!res.ok) throw new UserError('CONFIG_INVALID', { detail: `Discord refused GET /gateway/bot (HTTP ${res.status}); check DISCORD_TOKEN` });
  const { shards } = (await res.json()) as { shards?: unknown };
  return typeof shards === 'number' && Number.isInteger(shards) && shards >= 1 ? shards : 1;
}

/**
 * Runs discord.js's ShardingManager over the compiled bot entry (dist/bot/main.js): one child process
 * per shard, started one after the other (each waits for the previous one's READY, so only one child
 * migrates the store and loads the bundled documents). All children share DATA_DIR's store; each keeps
 * its vector index replica in INDEX_DIR = <INDEX_DIR or DATA_DIR>/replicas/shard-<id>.
 */
export async function startShards(config: Config, opts: ShardOptions): Promise<RunningShards> {
  if (config.sharding.role !== 'manager') throw new Error('startShards needs SHARDS or --shards');
  const wanted = config.sharding.shards;
  const count = wanted === 'auto' ? await recommendedShards(config, opts.fetch) : wanted;
  const file = path.join(projectRoot(), 'dist', 'bot', 'main.js');
  const base = config.INDEX_DIR ? path.resolve(config.INDEX_DIR) : config.dataDir;
  let stopped = false;
  const manager = new ShardingManager(file, { token: config.DISCORD_TOKEN, totalShards: count, mode: 'process', respawn: true });
  manager.on('shardCreate', (shard: Shard) => {
    // Shard#env is what the child is forked with: its own replica folder, and the caller's extra variables.
    Object.assign(shard.env as Record<string, unknown>, opts.childEnv ?? {}, { INDEX_DIR: path.join(base, 'replicas', `shard-${shard.id}`) });
    shard.on('death', () => {
      if (!stopped) opts.log.warn('shard process exited; it is restarted', { shard: shard.id });
    });
    opts.log.info('starting shard', { shard: shard.id, of: count });
  });
  const stop = () => {
    if (stopped) return;
    stopped = true;
    for (const shard of manager.shards.values()) shard.kill();
  };
  try {
    await manager.spawn({ amount: count, delay: opts.spawnDelayMs ?? 5_500, timeout: 120_000 });
  } catch (err) {
    stop();
    throw err;
  }
  opts.log.info('all shards connected', { shards: count });
  return { manager, count, stop };
}
