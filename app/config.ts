import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import dotenv from 'dotenv';
import { z } from 'zod';
import { UserError } from '../core/errors.js';

const idList = z
  .string()
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
  .pipe(z.array(z.string().regex(/^\d{5,25}$/, 'must be comma-separated Discord ids (digits)')));

const intIn = (min: number, max: number, dflt: number) =>
  z.coerce.number().int().min(min).max(max).default(dflt);

const schema = z.object({
  DATA_DIR: z.string().min(1).default('./data'),
  /**
   * The shared corpus in PostgreSQL (postgres:// or postgresql://); unset: SQLite in DATA_DIR. The
   * message of a bad value never repeats it (it may hold a password).
   */
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// or postgresql:// URL').optional(),
  /** Connections this process opens to DATABASE_URL. */
  DATABASE_POOL: intIn(1, 100, 4),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  EMBEDDINGS: z.enum(['builtin', 'transformers', 'ollama', 'openai']).default('builtin'),
  EMBEDDINGS_MODEL: z.string().optional(),
  EMBEDDINGS_BASE_URL: z.string().url().optional(),
  EMBEDDINGS_API_KEY: z.string().optional(),
  EMBEDDINGS_DIMENSIONS: z.coerce.number().int().min(1).max(16_384).optional(),
  EMBEDDINGS_TIMEOUT_MS: intIn(100, 600_000, 60_000),
  ANSWER_MODE: z.enum(['extractive', 'llm']).default('extractive'),
  CLAIMS_MODE: z.enum(['rules', 'llm']).default('rules'),
  LLM_PROVIDER: z.enum(['ollama', 'openai']).optional(),
  LLM_MODEL: z.string().optional(),
  LLM_BASE_URL: z.string().url().optional(),
  LLM_API_KEY: z.string().optional(),
  LLM_TIMEOUT_MS: intIn(100, 600_000, 20_000),
  RETRIEVAL_K: intIn(1, 50, 8),
  /** An answer on a disputed or unverified claim notes when its newest source is older than this many days. */
  STALE_SOURCE_DAYS: intIn(1, 36_500, 30),
  RETRIEVAL_MODE: z.enum(['hybrid', 'lexical', 'dense']).default('hybrid'),
  MAX_UPLOAD_BYTES: intIn(1_000, 1_000_000_000, 20_000_000),
  FETCH_TIMEOUT_MS: intIn(100, 120_000, 15_000),
  DISCORD_TOKEN: z.string().min(1).optional(),
  DISCORD_APPLICATION_ID: z.string().regex(/^\d{5,25}$/, 'must be a Discord application id (digits)').optional(),
  DISCORD_GUILD_ID: z.string().regex(/^\d{5,25}$/, 'must be a Discord guild id (digits)').optional(),
  DISCORD_API_URL: z.string().url().optional(),
  ALLOWED_CHANNEL_IDS: idList.default([]),
  MODERATOR_ROLE_IDS: idList.default([]),
  MAINTAINER_ROLE_IDS: idList.default([]),
  WATCH_MAX_PER_MEMBER: intIn(1, 1000, 25),
  WATCH_POLL_MS: intIn(200, 600_000, 5_000),
  WATCH_SEND_PER_POLL: intIn(1, 500, 20),
  THREAD_ANSWERS: z.enum(['off', 'busy', 'always']).default('off'),
  THREAD_BUSY_MESSAGES: intIn(2, 1000, 10),
  FORUM_CHANNEL_IDS: idList.default([]),
  /** Where this process keeps its vector index replica (default DATA_DIR); the shard manager sets one per shard. */
  INDEX_DIR: z.string().min(1).optional(),
  /** `auto` or a count: run that many gateway shards, one child process each. In a shard child, discord.js sets it to the shard's id. */
  SHARDS: z.string().regex(/^(auto|\d{1,5})$/, 'must be auto or a number of shards').optional(),
  /** Set by discord.js's ShardingManager in its children (with SHARDS = the shard id and SHARD_COUNT). */
  SHARDING_MANAGER: z.string().optional(),
  SHARD_COUNT: z.coerce.number().int().min(1).max(100_000).optional(),
});

/** How this process takes part in sharding: the manager of `shards`, one shard child, or neither. */
export type Sharding = { role: 'manager'; shards: 'auto' | number } | { role: 'shard'; id: number; count: number } | { role: 'none' };

/** Validated configuration, read once at start-up and passed down. */
export type Config = z.infer<typeof schema> & { dataDir: string; sharding: Sharding };

/**
 * The folder of this process's vector index replica: INDEX_DIR, else, in a shard child, a replica of its
 * own under DATA_DIR/replicas (two processes must never write one index file), else DATA_DIR.
 * Derived from `dataDir` when asked, so a copy of the config pointed at another DATA_DIR follows it.
 */
export function indexDirOf(config: Pick<Config, 'INDEX_DIR' | 'dataDir' | 'sharding'>): string {
  if (config.INDEX_DIR) return path.resolve(config.INDEX_DIR);
  const s = config.sharding;
  return s.role === 'shard' ? path.join(config.dataDir, 'replicas', `shard-${s.id}`) : config.dataDir;
}

/** Options for {@link loadConfig}; tests pass `env` and `envFile` explicitly. */
export interface LoadConfigOptions {
  env?: Record<string, string | undefined>;
  /** Path of a `.env` file; its values are used where `env` does not set them. */
  envFile?: string | null;
  /** Overrides from the command line (e.g. `--data-dir`). */
  overrides?: Partial<Record<keyof z.input<typeof schema>, string>>;
}

/**
 * Reads configuration from the environment and `.env`, validates it and returns it.
 * Throws a `UserError` naming the first bad variable; never prints a stack trace.
 */
export function loadConfig(opts: LoadConfigOptions = {}): Config {
  const env = opts.env ?? process.env;
  const envFile = opts.envFile === undefined ? '.env' : opts.envFile;
  let fromFile: Record<string, string> = {};
  if (envFile && existsSync(envFile)) {
    fromFile = parseEnvFile(readFileSync(envFile, 'utf8'), envFile);
  }
  const raw: Record<string, string | undefined> = {};
  for (const key of Object.keys(schema.shape)) {
    const v = opts.overrides?.[key as keyof typeof opts.overrides] ?? env[key] ?? fromFile[key];
    raw[key] = v === '' ? undefined : v;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'configuration');
    throw new UserError('CONFIG_INVALID', { detail: `${name} ${issue.message}` });
  }
  return { ...parsed.data, dataDir: path.resolve(parsed.data.DATA_DIR), sharding: shardingOf(parsed.data) };
}

function shardingOf(data: z.infer<typeof schema>): Sharding {
  if (data.SHARDING_MANAGER && data.SHARDS !== undefined && data.SHARDS !== 'auto') {
    return { role: 'shard', id: Number(data.SHARDS), count: data.SHARD_COUNT ?? 1 };
  }
  if (data.SHARDS === undefined) return { role: 'none' };
  if (data.SHARDS === 'auto') return { role: 'manager', shards: 'auto' };
  const n = Number(data.SHARDS);
  if (n < 1) throw new UserError('CONFIG_INVALID', { detail: 'SHARDS must be auto or at least 1' });
  return { role: 'manager', shards: n };
}

function parseEnvFile(text: string, file: string): Record<string, string> {
  text.split(/\r?\n/).forEach((line, i) => {
    const t = line.trim();
    if (t === '' || t.startsWith('#')) return;
    if (!/^(export\s+)?[A-Za-z_][A-Za-z0-9_]*\s*=/.test(t)) {
      throw new UserError('CONFIG_INVALID', { detail: `${file} line ${i + 1} is not NAME=value` });
    }
  });
  return dotenv.parse(text);
}
