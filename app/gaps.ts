import type { StoragePorts, Storage } from '../core/ports.js';
import type { GapEntry, GapRecord, GapStore } from '../core/record-ports.js';
import { terms } from '../retrieval/question.js';
import { bestEffort } from './records.js';
export type { GapEntry } from '../core/record-ports.js';

const MAX_EXAMPLES = 5;
/** Two wordings whose sets of stemmed content words overlap this much (Jaccard) are one gap. */
export const SAME_GAP = 0.75;
/** Open gaps compared with a new wording that has no exact match (the most recently asked). */
const SCAN = 500;

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
 * or one whose words overlap by {@link SAME_GAP}, else a new gap, in one transaction. Best effort like
 * the question log: while the store is busy, the answer matters more.
 */
export async function recordGap(storage: Storage, question: string, now = new Date().toISOString()): Promise<void> {
  const q = normaliseQuestion(question);
  if (!q) return;
  const { key, ts } = keyOf(q);
  await bestEffort(() => storage.withTransaction(async (tx: StoragePorts) => {
    const near = (await tx.gaps.findOpen(key)) ?? (ts.length ? await nearest(tx.gaps, ts) : undefined);
    if (!near) {
      await tx.gaps.insert({ key, terms: ts, question: q, askedAt: now });
      return;
    }
    const examples = [...near.examples];
    if (examples.length < MAX_EXAMPLES && !examples.some((e) => e.toLowerCase() === q.toLowerCase())) examples.push(q);
    await tx.gaps.askedAgain(near.id, now, examples);
  }));
}

async function nearest(gaps: GapStore, ts: string[]): Promise<GapRecord | undefined> {
  let best: { row: GapRecord; s: number } | undefined;
  for (const row of await gaps.recentOpen(SCAN)) {
    const s = jaccard(ts, row.terms);
    if (s >= SAME_GAP && (!best || s > best.s)) best = { row, s };
  }
  return best?.row;
}

/** Gaps, the most asked first (then the most recent); closed ones only with `closed`. */
export function listGaps(gaps: GapStore, opts: { closed?: boolean; limit?: number } = {}): Promise<GapEntry[]> {
  return gaps.list(opts);
}

/** The open gaps to ask again after documents were added (the most recently asked first). */
export async function openGaps(gaps: GapStore, limit: number): Promise<{ id: number; question: string }[]> {
  return (await gaps.recentOpen(limit)).map((g) => ({ id: g.id, question: g.question }));
}

/** Closes a gap: a later document answers it. False when it was already closed. */
export function closeGap(gaps: GapStore, id: number, docIds: readonly string[], now = new Date().toISOString()): Promise<boolean> {
  return gaps.close(id, docIds, now);
}
