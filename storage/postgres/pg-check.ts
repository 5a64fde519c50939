import type { StoreIntegrity, StoreProblem } from '../../core/integrity-port.js';
import type { Queryable } from './queryable.js';

/** Passages listed by name when something is wrong with them (the first few are enough to act on). */
const SHOWN = 5;
/** The search vector a passage should have: pg-documents.ts computes it the same way at insert. */
const EXPECTED_TSV = `setweight(to_tsvector('english', p.text), 'A') || setweight(to_tsvector('english', d.title), 'B')`;

/**
 * PostgreSQL's check of its own store, reading only: passages without a document, passages whose
 * text differs from their document's span, search vectors that are not what the passage and title
 * give, and stored vectors of another length.
 */
export function pgIntegrity(q: Queryable): StoreIntegrity {
  return {
    check: async (opts = {}) => {
      const problems: StoreProblem[] = [];
      const { rows: [o] } = await q.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM passages p WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = p.doc_id)');
      if (o!.n) problems.push({ problem: `${o!.n} passages without a document`, fix: 'delete them: DELETE FROM passages WHERE doc_id NOT IN (SELECT id FROM documents)' });
      problems.push(...await spanProblems(q));
      const { rows: stale } = await q.query<{ doc_id: string }>(`SELECT DISTINCT p.doc_id FROM passages p JOIN documents d ON d.id = p.doc_id
        WHERE p.tsv IS DISTINCT FROM (${EXPECTED_TSV}) LIMIT ${SHOWN}`);
      for (const s of stale) {
        problems.push({ problem: `the search vectors of ${s.doc_id} are not those of its passages`, fix: `npm run corpus -- remove ${s.doc_id}, then add it again` });
      }
      if (opts.vectorBytes !== undefined) {
        const { rows: [v] } = await q.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM passages WHERE vec IS NOT NULL AND octet_length(vec) <> $1', [opts.vectorBytes]);
        if (v!.n) problems.push({ problem: `${v!.n} passages whose vector is not ${opts.vectorBytes} bytes long`, fix: 'npm run corpus -- reindex' });
      }
      return problems;
    },
  };
}

/** Passages whose text is not their document's text between their offsets. */
async function spanProblems(q: Queryable): Promise<StoreProblem[]> {
  const { rows } = await q.query<{ id: string; doc_id: string; start: number; end: number; text: string; doc_text: string }>(
    `SELECT p.id, p.doc_id, p.start, p."end", p.text, d.text AS doc_text FROM passages p JOIN documents d ON d.id = p.doc_id
     WHERE substr(d.text, p.start + 1, p."end" - p.start) <> p.text LIMIT ${SHOWN}`);
  // substr counts characters, offsets count UTF-16 units: confirm each mismatch in JavaScript.
  return rows.filter((r) => r.doc_text.slice(r.start, r.end) !== r.text).map((r) => ({
    problem: `chunk ${r.id} of ${r.doc_id} does not match its offsets`, fix: `npm run corpus -- remove ${r.doc_id}, then add it again`,
  }));
}
