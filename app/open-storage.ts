import type { Storage } from '../core/ports.js';
import { openPostgresStorage } from '../storage/postgres/postgres-storage.js';
import { sqliteStorage } from '../storage/sqlite/sqlite-storage.js';
import { Store } from '../storage/sqlite/store.js';
import type { Config } from './config.js';

/**
 * The storage the configuration names: PostgreSQL at DATABASE_URL (one corpus for many processes and
 * machines), else the SQLite store in DATA_DIR. The SQLite `Store` is returned beside it for the few
 * SQLite-only tools (`corpus check`'s integrity checks).
 */
export async function openStorage(config: Pick<Config, 'DATABASE_URL' | 'DATABASE_POOL' | 'dataDir'>):
Promise<{ storage: Storage; store?: Store }> {
  if (config.DATABASE_URL) return { storage: await openPostgresStorage(config.DATABASE_URL, { maxConnections: config.DATABASE_POOL }) };
  const store = Store.open(config.dataDir);
  return { storage: sqliteStorage(store), store };
}
