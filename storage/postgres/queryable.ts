import type pg from 'pg';

/** A pool or one checked-out client: whatever runs a query. */
export type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

/**
 * Runs `fn` atomically on some connection: over the pool it checks out a client and wraps `fn` in
 * BEGIN/COMMIT; inside a transaction it is `fn(client)` (already atomic).
 */
export type Atomic = <T>(fn: (q: Queryable) => Promise<T>) => Promise<T>;

/** Increases the store version (inside the caller's transaction). */
export async function bumpVersion(q: Queryable): Promise<void> {
  await q.query("UPDATE meta SET value = (value::bigint + 1)::text WHERE key = 'store_version'");
}

/** Drops null fields, so rows read like the SQLite adapter's (absent, not null). */
export function nullsToUndefined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === null) delete o[k];
  return o;
}
