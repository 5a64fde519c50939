/** Log levels, least to most severe. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

/** A structured logger writing one JSON object per line. */
export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/** Options for {@link createLogger}. */
export interface LoggerOptions {
  level?: LogLevel;
  /** Values never to print (the bot token); replaced by "[redacted]" wherever they appear. */
  secrets?: readonly (string | undefined)[];
  /** Where lines go; stderr by default. */
  write?: (line: string) => void;
  now?: () => Date;
}

/** Turns an error into loggable fields: name, message, code, status, stack; never request URLs or bodies. */
export function errorFields(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { error: { message: String(err) } };
  const e = err as Error & { code?: unknown; status?: unknown; method?: unknown };
  return {
    error: {
      name: e.name,
      message: e.message,
      ...(e.code !== undefined ? { code: e.code } : {}),
      ...(typeof e.status === 'number' ? { status: e.status } : {}),
      ...(typeof e.method === 'string' ? { method: e.method } : {}),
      stack: e.stack?.split('\n').slice(0, 8).join('\n'),
    },
  };
}

/** Removes secrets and interaction/webhook tokens from a line. */
export function redact(line: string, secrets: readonly string[]): string {
  let out = line;
  for (const s of secrets) if (s.length >= 6) out = out.split(s).join('[redacted]');
  return out.replace(/\/(interactions\/\d+|webhooks\/\d+)\/[A-Za-z0-9._-]{20,}/g, '/$1/[redacted]');
}

/** Creates a JSON-lines logger (to stderr unless `write` is given). */
export function createLogger(opts: LoggerOptions = {}): Logger {
  const min = ORDER[opts.level ?? 'info'];
  const secrets = (opts.secrets ?? []).filter((s): s is string => typeof s === 'string' && s !== '');
  const write = opts.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const now = opts.now ?? (() => new Date());
  const emit = (level: LogLevel, msg: string, fields?: Record<string, unknown>) => {
    if (ORDER[level] < min) return;
    let line: string;
    try {
      line = JSON.stringify({ time: now().toISOString(), level, msg, ...fields }, (_k, v: unknown) =>
        typeof v === 'bigint' ? v.toString() : v,
      );
    } catch {
      line = JSON.stringify({ time: now().toISOString(), level, msg, note: 'fields were not serialisable' });
    }
    write(redact(line, secrets));
  };
  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
  };
}
