import { UserError } from '../../core/errors.js';
import { isBusy, Store } from './store.js';
import type { Storage, StoragePorts } from '../../core/ports.js';
import { Serial } from '../serial.js';
import { ftsMatchForWords } from './fts-match.js';
import { sqliteClaims } from './sqlite-claims.js';
import type { Sync } from './sqlite-rows.js';
import { sqliteWatches } from './sqlite-watches.js';

/**
 * The storage ports over today's SQLite `Store` (corpus/store.ts): its synchronous methods wrapped in
 * promises, with the same schema, FTS5 bm25 ranking and store version. Calls run one at a time; a
 * transaction holds the connection from BEGIN to COMMIT, and the Store's own transactions inside it
 * become savepoints (better-sqlite3 nests them).
 */
export function sqliteStorage(store: Store, opts: { closeStore?: boolean } = {}): Storage {
  const serial = new Serial();
  const direct = sqlitePorts(store);
  const outside = queuedPorts(direct, serial);
  return {
    kind: 'sqlite',
    ...outside,
    withTransaction: (fn) => serial.run(() => inTransaction(store, () => fn(direct))),
    close: () => serial.run(() => { if (opts.closeStore !== false) store.close(); }),
  };
}

/** Opens (creating if needed) the SQLite store in `dataDir` behind the ports. */
export function openSqliteStorage(dataDir: string): Storage {
  return sqliteStorage(Store.open(dataDir));
}

/** The ports straight over the store, for use inside a transaction that already holds the connection. */
function sqlitePorts(store: Store): StoragePorts {
  const now = <T>(fn: () => T): Promise<T> => Promise.resolve().then(fn);
  return {
    documents: {
      insertDocuments: (items) => now(() => store.insertDocuments(items)),
      getDocument: (id) => now(() => store.getDocument(id)),
      findByHash: (hash) => now(() => store.findByHash(hash)),
      listDocuments: () => now(() => store.listDocuments()),
      removeDocument: (id) => now(() => store.removeDocument(id)),
      getPassages: (ids) => now(() => store.getChunks(ids)),
      passagesOf: (docId) => now(() => store.chunksOf(docId)),
      counts: () => now(() => countsOf(store)),
      version: () => now(() => store.version()),
    },
    lexical: {
      search: (words, { limit, speakerId }) => now(() => {
        const match = ftsMatchForWords(words);
        if (!match || limit <= 0) return [];
        return speakerId === undefined
          ? store.lexicalSearch(match, limit)
          : store.lexicalSearchBySpeaker(match, speakerId, limit);
      }),
      documentFrequencies: (words) => now(() => store.documentFrequencies(words)),
    },
    vectors: {
      vectorsOf: (ids) => now(() => store.vectorsOf(ids)),
      ids: () => now(() => store.chunkIds()),
      replaceVectors: (rows) => now(() => store.replaceVectors(rows)),
    },
    meta: {
      get: (key) => now(() => store.getMeta(key)),
      set: (key, value) => now(() => store.setMeta(key, value)),
    },
    claims: promised(sqliteClaims(store)),
    watches: promised(sqliteWatches(store)),
  };
}

/** A synchronous port's methods, each returning a promise of its result (or its error). */
function promised<P>(port: Sync<P>): P {
  return Object.fromEntries(Object.entries(port).map(([name, method]) => [
    name, (...args: unknown[]) => Promise.resolve().then(() => (method as (...a: unknown[]) => unknown)(...args)),
  ])) as P;
}

/** The same ports, each call waiting for its turn (after any open transaction). */
function queuedPorts(ports: StoragePorts, serial: Serial): StoragePorts {
  const wrap = <P extends object>(port: P): P => Object.fromEntries(
    Object.entries(port).map(([name, method]) => [
      name, (...args: unknown[]) => serial.run(() => (method as (...a: unknown[]) => unknown)(...args)),
    ]),
  ) as P;
  return {
    documents: wrap(ports.documents), lexical: wrap(ports.lexical), vectors: wrap(ports.vectors), meta: wrap(ports.meta),
    claims: wrap(ports.claims), watches: wrap(ports.watches),
  };
}

function countsOf(store: Store): { documents: number; passages: number } {
  const { documents, chunks } = store.counts();
  return { documents, passages: chunks };
}

/** BEGIN IMMEDIATE, `fn`, then COMMIT, or ROLLBACK when it throws. */
async function inTransaction<T>(store: Store, fn: () => Promise<T>): Promise<T> {
  try {
    store.db.exec('BEGIN IMMEDIATE');
  } catch (err) {
    if (isBusy(err)) throw new UserError('STORE_BUSY');
    throw err;
  }
  try {
    const result = await fn();
    store.db.exec('COMMIT');
    return result;
  } catch (err) {
    if (store.db.inTransaction) store.db.exec('ROLLBACK');
    throw err;
  }
}
