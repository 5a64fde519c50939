import { UserError } from '../../core/errors.js';
import { isBusy, Store } from './store.js';
import type { LexicalQuery, Storage, StoragePorts } from '../../core/ports.js';
import type { ClaimStore, WatchStore } from '../../core/ledger-ports.js';
import { Serial } from '../serial.js';
import { ftsMatch } from './fts-match.js';
import { promised } from '../sync-port.js';
import { sqliteIntegrity } from './sqlite-check.js';
import { sqliteGaps } from './sqlite-gaps.js';
import { sqliteRecords } from './sqlite-records.js';
import { sqliteClaims } from './sqlite-claims.js';
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
    integrity: queued(promised(sqliteIntegrity(store)), serial),
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
      languages: () => now(() => store.languages()),
      version: () => now(() => store.version()),
    },
    lexical: {
      search: (query, { limit, speakerId, pool }) => now(() => {
        const q = Array.isArray(query) ? { terms: query as readonly string[] } : query as LexicalQuery;
        const match = ftsMatch(q);
        if (!match || limit <= 0) return [];
        if (q.segmented) return store.segmentedSearch(match, limit);
        return speakerId === undefined
          ? store.lexicalSearch(match, limit)
          : store.lexicalSearchBySpeaker(match, speakerId, limit, pool);
      }),
      documentFrequencies: (words) => now(() => store.documentFrequencies(words)),
    },
    vectors: {
      vectorsOf: (ids) => now(() => store.vectorsOf(ids)),
      ids: () => now(() => store.chunkIds()),
      scan: (batch = 2000) => scanVectors(store, batch),
      ofSpeaker: (actorId) => now(() => store.speakerChunks(actorId)),
      speakerCount: (actorId) => now(() => store.speakerChunkCount(actorId)),
      replaceVectors: (rows) => now(() => store.replaceVectors(rows)),
    },
    meta: {
      get: (key) => now(() => store.getMeta(key)),
      set: (key, value) => now(() => store.setMeta(key, value)),
    },
    records: promised(sqliteRecords(store)),
    gaps: promised(sqliteGaps(store)),
    claims: promised<ClaimStore>(sqliteClaims(store)),
    watches: promised<WatchStore>(sqliteWatches(store)),
  };
}

/** The same ports, each call waiting for its turn (after any open transaction). */
function queuedPorts(ports: StoragePorts, serial: Serial): StoragePorts {
  return Object.fromEntries(Object.entries(ports).map(([name, port]) => [name, queued(port as object, serial)])) as unknown as StoragePorts;
}

/** One port whose calls each wait for their turn (a scan yields between batches; each batch read is short, so it is not queued). */
function queued<P extends object>(port: P, serial: Serial): P {
  return Object.fromEntries(
    Object.entries(port).map(([name, method]) => [
      name, name === 'scan' ? method : (...args: unknown[]) => serial.run(() => (method as (...a: unknown[]) => unknown)(...args)),
    ]),
  ) as P;
}

/**
 * Every stored vector in id order, a batch at a time: each batch is one bounded read (ids after the
 * last one read), so other callers run between batches.
 */
async function* scanVectors(store: Store, batch: number): AsyncIterable<{ id: number; vec: Float32Array }[]> {
  let after = 0;
  for (;;) {
    const rows = store.vectorsAfter(after, batch);
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]!.id;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
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
