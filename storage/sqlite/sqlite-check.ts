import type { StoreIntegrity, StoreProblem } from '../../core/integrity-port.js';
import type { SyncPort } from '../sync-port.js';
import type { Store } from './store.js';

/** Passages shown when their text differs from their document's span (the first few are enough to act on). */
const SHOWN = 5;

/**
 * The SQLite store's own check: page integrity, foreign keys, the FTS5 index, passages whose text differs from
 * their document's span, passages without a document, and vectors of another length. Reads only.
 */
export function sqliteIntegrity(store: Store): SyncPort<StoreIntegrity> {
  return {
    check: (opts = {}) => {
      const problems: StoreProblem[] = [];
      const integrity = store.db.pragma('integrity_check', { simple: true });
      if (integrity !== 'ok') problems.push({ problem: `SQLite integrity check: ${String(integrity)}`, fix: 'restore data/ from a backup' });
      const broken = (store.db.pragma('foreign_key_check') as unknown[]).length;
      if (broken) problems.push({ problem: `${broken} rows break a foreign key`, fix: 'restore data/ from a backup' });
      try {
        // Reads the index and compares it with the chunks; it writes nothing.
        store.db.prepare("INSERT INTO chunks_fts(chunks_fts, rank) VALUES ('integrity-check', 1)").run();
      } catch (err) {
        problems.push({ problem: `full-text index: ${(err as Error).message}`, fix: 'npm run corpus -- reindex' });
      }
      problems.push(...spanProblems(store));
      const orphans = store.db.prepare('SELECT count(*) FROM chunks WHERE doc_id NOT IN (SELECT id FROM documents)').pluck().get() as number;
      if (orphans) problems.push({ problem: `${orphans} chunks without a document`, fix: 'npm run corpus -- reindex' });
      if (opts.vectorBytes !== undefined) {
        const wrong = store.db.prepare('SELECT count(*) FROM chunks WHERE vec IS NOT NULL AND length(vec) != ?').pluck().get(opts.vectorBytes) as number;
        if (wrong) problems.push({ problem: `${wrong} chunks whose vector is not ${opts.vectorBytes} bytes long`, fix: 'npm run corpus -- reindex' });
      }
      return problems;
    },
  };
}

/** Passages whose text is not their document's text between their offsets. */
function spanProblems(store: Store): StoreProblem[] {
  const bad = store.db.prepare(`SELECT c.id, c.doc_id AS docId, c.start, c."end" AS "end", c.text, d.text AS docText
    FROM chunks c JOIN documents d ON d.id = c.doc_id WHERE substr(d.text, c.start + 1, c."end" - c.start) != c.text LIMIT ?`)
    .all(SHOWN) as { id: number; docId: string; start: number; end: number; text: string; docText: string }[];
  // substr counts characters, offsets count UTF-16 units: confirm each mismatch in JavaScript.
  return bad.filter((b) => b.docText.slice(b.start, b.end) !== b.text).map((b) => ({
    problem: `chunk ${b.id} of ${b.docId} does not match its offsets`, fix: `npm run corpus -- remove ${b.docId}, then add it again`,
  }));
}
