import type { GapStore } from '../../core/record-ports.js';
import { gapOf, type GapRow } from '../record-rows.js';
import { busyAsStoreBusy } from './pg-errors.js';
import type { Queryable } from './queryable.js';

/** An arbitrary constant: the transaction lock that makes recording gaps one at a time across processes. */
const GAPS_LOCK = 7_150_016;

/** Coverage gaps over PostgreSQL (table `gaps`, the lists as jsonb). */
export function pgGaps(q: Queryable): GapStore {
  return busyPort<GapStore>({
    findOpen: async (key) => {
      // Held to the end of the caller's transaction (nothing outside one): two processes recording the
      // same wording at once would otherwise both find no gap and make two.
      await q.query('SELECT pg_advisory_xact_lock($1)', [GAPS_LOCK]);
      const { rows: [r] } = await q.query<GapRow>('SELECT * FROM gaps WHERE key = $1 AND closed_at IS NULL ORDER BY id LIMIT 1', [key]);
      return r && gapOf(r);
    },
    recentOpen: async (limit) => {
      const { rows } = await q.query<GapRow>('SELECT * FROM gaps WHERE closed_at IS NULL ORDER BY last_asked DESC LIMIT $1', [limit]);
      return rows.map(gapOf);
    },
    insert: async (g) => {
      const { rows: [r] } = await q.query<{ id: string }>(`INSERT INTO gaps (key, terms, question, examples, count, first_asked, last_asked)
        VALUES ($1, $2, $3, $4, 1, $5, $5) RETURNING id`, [g.key, JSON.stringify(g.terms), g.question, JSON.stringify([g.question]), g.askedAt]);
      return Number(r!.id);
    },
    askedAgain: async (id, askedAt, examples) => {
      await q.query('UPDATE gaps SET count = count + 1, last_asked = $1, examples = $2 WHERE id = $3', [askedAt, JSON.stringify(examples), id]);
    },
    close: async (id, docIds, closedAt) => {
      const res = await q.query('UPDATE gaps SET closed_at = $1, closed_by = $2 WHERE id = $3 AND closed_at IS NULL',
        [closedAt, JSON.stringify([...new Set(docIds)]), id]);
      return (res.rowCount ?? 0) > 0;
    },
    list: async (opts) => {
      const where = opts.closed ? '' : 'WHERE closed_at IS NULL';
      const { rows } = await q.query<GapRow>(`SELECT * FROM gaps ${where} ORDER BY count DESC, last_asked DESC LIMIT $1`, [opts.limit ?? null]);
      return rows.map((r) => { const { key: _k, terms: _t, ...entry } = gapOf(r); return entry; });
    },
  });
}

/** The port with a busy or unreachable server reported as STORE_BUSY by every method (gaps are recorded best effort). */
function busyPort<P extends object>(port: P): P {
  return Object.fromEntries(Object.entries(port).map(([name, method]) => [
    name, (...args: unknown[]) => busyAsStoreBusy(() => (method as (...a: unknown[]) => Promise<unknown>)(...args)),
  ])) as P;
}
