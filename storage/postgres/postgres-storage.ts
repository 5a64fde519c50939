import pg from 'pg';
import { UserError } from '../../core/errors.js';
import type { Storage, StoragePorts } from '../../core/ports.js';
import { migratePostgres } from './migrations.js';
import { pgClaims } from './pg-claims.js';
import { pgDocuments } from './pg-documents.js';
import { pgIntegrity } from './pg-check.js';
import { pgGaps } from './pg-gaps.js';
import { busyAsStoreBusy } from './pg-errors.js';
import { pgRecords } from './pg-records.js';
import { pgLexical, pgMeta, pgVectors } from './pg-search.js';
import type { Atomic, Queryable } from './queryable.js';
import { parsePostgresUrl } from './url.js';
import { pgWatches } from './pg-watches.js';

/**
 * Opens the storage ports over the PostgreSQL database of `url` (a `DATABASE_URL`), applying its
 * migrations. A bad URL or an unreachable server is a CONFIG_INVALID `UserError` (without the URL,
 * which may hold a password).
 */
export async function openPostgresStorage(url: string, opts: { maxConnections?: number } = {}): Promise<Storage> {
  parsePostgresUrl(url);
  const pool = new pg.Pool({ connectionString: url, max: opts.maxConnections ?? 4 });
  // An idle client whose server went away emits 'error'; without a listener that ends the process.
  // The next query reports the problem instead.
  pool.on('error', () => undefined);
  try {
    await migratePostgres(pool);
  } catch (err) {
    await pool.end().catch(() => undefined);
    const code = (err as { code?: string }).code ?? (err as Error).message;
    throw new UserError('CONFIG_INVALID', { detail: `cannot open the PostgreSQL database of DATABASE_URL (${code})` });
  }
  return postgresStorage(pool);
}

/** The ports over an open pool whose database is migrated. */
export function postgresStorage(pool: pg.Pool): Storage {
  const atomic: Atomic = (fn) => inTransaction(pool, fn);
  return {
    kind: 'postgres',
    ...portsOver(pool, atomic),
    integrity: pgIntegrity(pool),
    withTransaction: (fn) => inTransaction(pool, (client) => fn(portsOver(client, (inner) => inSavepoint(client, inner)))),
    close: () => pool.end(),
  };
}

function portsOver(q: Queryable, atomic: Atomic): StoragePorts {
  return {
    documents: pgDocuments(q, atomic), lexical: pgLexical(q), vectors: pgVectors(q, atomic), meta: pgMeta(q),
    records: pgRecords(q), gaps: pgGaps(q),
    claims: pgClaims(q, atomic), watches: pgWatches(q),
  };
}

async function inTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  // A server out of reach is STORE_BUSY, as a locked SQLite file is: best-effort writers skip it.
  const client = await busyAsStoreBusy(() => pool.connect());
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/**
 * A change of several statements inside an open transaction: a savepoint, so that when it fails only
 * its own statements are undone and the transaction goes on (as SQLite's nested transactions do).
 */
async function inSavepoint<T>(client: pg.PoolClient, fn: (q: Queryable) => Promise<T>): Promise<T> {
  await client.query('SAVEPOINT port_change');
  try {
    const result = await fn(client);
    await client.query('RELEASE SAVEPOINT port_change');
    return result;
  } catch (err) {
    await client.query('ROLLBACK TO SAVEPOINT port_change');
    await client.query('RELEASE SAVEPOINT port_change');
    throw err;
  }
}
