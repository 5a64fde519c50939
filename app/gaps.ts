import { isBusy, type Store } from '../storage/sqlite/store.js';
import { terms } from '../retrieval/question.js';
import { UserError } from '../core/errors.js';

/** A question (or group of near-identical wordings) the bot could not answer from the corpus. */
export interface GapEntry {
  id: number;
  /** The first wording asked. */
  question: string;
  count: number;
  lastAsked: string;
  /** Distinct wordings asked, the first one first (at most {@link MAX_EXAMPLES}). */
  examples: string[];
  firstAsked: string;
  /** When a later document answered it, and which documents the answer cites. */
  closedAt?: string;
  closedBy?: string[];
}

const MAX_EXAMPLES = 5;
/** Two wordings whose sets of stemmed content words overlap this much (Jaccard) are one gap. */
export const SAME_GAP = 0.75;
/** Open gaps compared with a new wording that has no exact match (the most recently asked). */
const SCAN = 500;

type GapRow = {
  id: number; key: string; terms: string; question: string; examples: string; count: number;
  first_asked: string; last_asked: string; closed_at: string | null; closed_by: string | null;
};

/**
 * A question as recorded: one line, whitespace collapsed, Discord user, role and channel mentions
 * replaced by a neutral word so that the record holds no ids.
 */
export function normaliseQuestion(q: string): string {
  return q.replace(/<@[!&]?\d+>/g, '@someone').replace(/<#\d+>/g, '#channel').replace(/\s+/g, ' ').trim().slice(0, 500);
}

/** Jaccard similarity of two term sets. */
export function jaccard(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  const sa = new Set(a);
  const inter = b.filter((t) => sa.has(t)).length;
  return inter / (sa.size + new Set(b).size - inter);
}

function keyOf(question: string): { key: string; ts: string[] } {
  const ts = [...new Set(terms(question))].sort();
  return { key: ts.length ? ts.join(' ') : question.toLowerCase(), ts };
}

/**
 * Records that the bot abstained on `question`: counted into the open gap with the same content words,
 * or one whose words overlap by {@link SAME_GAP}, else a new gap. Best effort like the question log:
 * while another process holds the write lock, the answer matters more.
 */
export function recordGap(store: Store, question: string, now = new Date().toISOString()): void {
  const q = normaliseQuestion(question);
  if (!q) return;
  const { key, ts } = keyOf(q);
  try {
    store.transaction(() => {
      const exact = store.sql('SELECT * FROM gaps WHERE key = ? AND closed_at IS NULL LIMIT 1').get(key) as GapRow | undefined;
      const near = exact ?? (ts.length ? nearest(store, ts) : undefined);
      if (!near) {
        store.sql('INSERT INTO gaps (key, terms, question, examples, count, first_asked, last_asked) VALUES (?, ?, ?, ?, 1, ?, ?)')
          .run(key, JSON.stringify(ts), q, JSON.stringify([q]), now, now);
        return;
      }
      const examples = JSON.parse(near.examples) as string[];
      if (examples.length < MAX_EXAMPLES && !examples.some((e) => e.toLowerCase() === q.toLowerCase())) examples.push(q);
      store.sql('UPDATE gaps SET count = count + 1, last_asked = ?, examples = ? WHERE id = ?').run(now, JSON.stringify(examples), near.id);
    });
  } catch (err) {
    if (!isBusy(err) && !(err instanceof UserError && err.code === 'STORE_BUSY')) throw err;
  }
}

function nearest(store: Store, ts: string[]): GapRow | undefined {
  const rows = store.sql(`SELECT * FROM gaps WHERE closed_at IS NULL ORDER BY last_asked DESC LIMIT ${SCAN}`).all() as GapRow[];
  let best: { row: GapRow; s: number } | undefined;
  for (const row of rows) {
    const s = jaccard(ts, JSON.parse(row.terms) as string[]);
    if (s >= SAME_GAP && (!best || s > best.s)) best = { row, s };
  }
  return best?.row;
}

/** Gaps, the most asked first (then the most recent); closed ones only with `closed`. */
export function listGaps(store: Store, opts: { closed?: boolean; limit?: number } = {}): GapEntry[] {
  const where = opts.closed ? '' : 'WHERE closed_at IS NULL';
  const rows = store.sql(`SELECT * FROM gaps ${where} ORDER BY count DESC, last_asked DESC LIMIT ?`).all(opts.limit ?? -1) as GapRow[];
  return rows.map((r) => ({
    id: r.id, question: r.question, count: r.count, lastAsked: r.last_asked, examples: JSON.parse(r.examples) as string[],
    firstAsked: r.first_asked, ...(r.closed_at ? { closedAt: r.closed_at, closedBy: JSON.parse(r.closed_by ?? '[]') as string[] } : {}),
  }));
}

/** The open gaps to ask again after documents were added (the most recently asked first). */
export function openGaps(store: Store, limit: number): { id: number; question: string }[] {
  return store.sql('SELECT id, question FROM gaps WHERE closed_at IS NULL ORDER BY last_asked DESC LIMIT ?').all(limit) as { id: number; question: string }[];
}

/** Closes a gap: a later document answers it. */
export function closeGap(store: Store, id: number, docIds: readonly string[], now = new Date().toISOString()): void {
  store.sql('UPDATE gaps SET closed_at = ?, closed_by = ? WHERE id = ? AND closed_at IS NULL').run(now, JSON.stringify([...new Set(docIds)]), id);
}
