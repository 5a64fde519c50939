import type { Answer } from '../core/answer.js';
import type { GapStore } from '../core/record-ports.js';
import { terms } from '../retrieval/question.js';
import { closeGap, openGaps } from './gaps.js';

/** Open gaps asked again after an ingest (the most recently asked); each costs one search and compose. */
export const RECHECK_LIMIT = 200;

/**
 * Asks open gaps' questions again (most recently asked first, at most {@link RECHECK_LIMIT}) and closes
 * those that now get an answer, recording the documents it cites. Run after documents are committed.
 * With `added` (the new documents' texts), only gaps with a content word in them are asked: an answer
 * that cites none of the new documents was possible before.
 */
export async function recheckGaps(gaps: GapStore, answer: (q: string) => Promise<Pick<Answer, 'abstained' | 'citations'>>,
  added?: readonly string[]): Promise<number> {
  const open = await openGaps(gaps, RECHECK_LIMIT);
  if (open.length === 0) return 0;
  const words = added && await wordsOf(added);
  let closed = 0;
  for (const g of open) {
    if (words && !terms(g.question).some((w) => words.has(w))) continue;
    const a = await answer(g.question);
    if (a.abstained || a.citations.length === 0) continue;
    if (await closeGap(gaps, g.id, a.citations.map((c) => c.docId))) closed += 1;
  }
  return closed;
}

/** The content words of the added texts, yielding to the event loop between documents (an import can hold thousands). */
async function wordsOf(texts: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const [i, t] of texts.entries()) {
    for (const w of terms(t)) out.add(w);
    if (i % 20 === 19) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return out;
}
