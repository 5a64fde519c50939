import type { GapStore } from '../../core/record-ports.js';
import { gapOf, type GapRow } from '../record-rows.js';
import type { SyncPort } from '../sync-port.js';
import type { Store } from './store.js';

/**
 * Coverage gaps over the SQLite store (table `gaps`, the JSON lists as text). A write transaction
 * (BEGIN IMMEDIATE) already keeps other writers out, so `findOpen` needs no lock of its own.
 */
export function sqliteGaps(store: Store): SyncPort<GapStore> {
  return {
    findOpen: (key) => {
      const row = store.sql('SELECT * FROM gaps WHERE key = ? AND closed_at IS NULL LIMIT 1').get(key) as GapRow | undefined;
      return row && gapOf(row);
    },
    recentOpen: (limit) => (store.sql('SELECT * FROM gaps WHERE closed_at IS NULL ORDER BY last_asked DESC LIMIT ?')
      .all(limit) as GapRow[]).map(gapOf),
    insert: (g) => Number(store.sql('INSERT INTO gaps (key, terms, question, examples, count, first_asked, last_asked) VALUES (?, ?, ?, ?, 1, ?, ?)')
      .run(g.key, JSON.stringify(g.terms), g.question, JSON.stringify([g.question]), g.askedAt, g.askedAt).lastInsertRowid),
    askedAgain: (id, askedAt, examples) => {
      store.sql('UPDATE gaps SET count = count + 1, last_asked = ?, examples = ? WHERE id = ?').run(askedAt, JSON.stringify(examples), id);
    },
    close: (id, docIds, closedAt) => store.sql('UPDATE gaps SET closed_at = ?, closed_by = ? WHERE id = ? AND closed_at IS NULL')
      .run(closedAt, JSON.stringify([...new Set(docIds)]), id).changes > 0,
    list: (opts) => {
      const where = opts.closed ? '' : 'WHERE closed_at IS NULL';
      return (store.sql(`SELECT * FROM gaps ${where} ORDER BY count DESC, last_asked DESC LIMIT ?`).all(opts.limit ?? -1) as GapRow[])
        .map((r) => { const { key: _k, terms: _t, ...entry } = gapOf(r); return entry; });
    },
  };
}
