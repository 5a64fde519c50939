import type { ClaimStatus } from '../core/answer.js';
import type { LedgerEntry } from '../claims/ledger-store.js';
import type { QuestionAnalysis } from '../retrieval/question.js';
import { AnswerBuilder, representatives, type ClaimSource, type ComposedAnswer } from './claims-builder.js';
import { presuppositionLines, statusLine } from './claims-phrases.js';
import { msg } from './messages.js';

const MAX_NOTES = 2;

/**
 * Adds the claim ledger to a composed answer: every cited sentence's claims (speaker, stance, status,
 * citation numbers), and a status note in words for each disputed or refuted claim the answer touches,
 * or that a quoted statement refers to ("This is Pakistan's statement; what it refers to is disputed in
 * the sources: Russia alleges it [5]; Ukraine denies it [6]"). Notes cite the two sides, adding citations
 * after the answer's own. Unverified claims get a note in topic answers, where no speaker frames them.
 */
export async function attachClaims(composed: ComposedAnswer, ledger: ClaimSource, a?: QuestionAnalysis): Promise<ComposedAnswer> {
  if (composed.abstained || composed.citations.length === 0) return composed;
  const b = new AnswerBuilder(composed);
  const touched: LedgerEntry[] = [];
  const inCited = await Promise.all(composed.citations.map((c) => ledger.inSpan(c.docId, c.start, c.end)));
  composed.citations.forEach((c, i) => {
    for (const e of inCited[i]!) {
      b.claim(e, c.n);
      touched.push(e);
    }
  });
  const notes: string[] = [];
  const candidates = noteTargets(touched, a);
  // Members are read for as many claims as there is room for notes, together; more only if some gave none.
  for (let next = 0; notes.length < MAX_NOTES && next < candidates.length;) {
    const batch = candidates.slice(next, next += MAX_NOTES - notes.length);
    const members = await Promise.all(batch.map((c) => ledger.list({ claimId: c.target.id })));
    batch.forEach((c, i) => {
      if (notes.length < MAX_NOTES) notes.push(...noteLines(b, composed, c, members[i]!, a?.locale));
    });
  }
  return {
    ...composed,
    answer: notes.length ? `${composed.answer}\n${notes.join('\n')}` : composed.answer,
    citations: b.citations,
    claims: b.claims,
  };
}

type NoteTarget = { entry: LedgerEntry; target: { id: string; status: ClaimStatus } };

/** The claims a note may be about, in the order the answer touches them, each once: disputed or refuted ones. */
function noteTargets(touched: readonly LedgerEntry[], a?: QuestionAnalysis): NoteTarget[] {
  const flagged = new Set<string>(['disputed', 'refuted', ...(a && a.intent === 'topic' && !a.speaker ? ['unverified'] : [])]);
  const seen = new Set<string>();
  const out: NoteTarget[] = [];
  for (const entry of touched) {
    const target = entry.kind === 'event' ? { id: entry.claimId, status: entry.status } : entry.about;
    if (!target || seen.has(target.id) || !flagged.has(target.status)) continue;
    seen.add(target.id);
    out.push({ entry, target });
  }
  return out;
}

/** The note on one claim, citing its two sides; none when the claim has neither an assertion nor a denial. */
function noteLines(b: AnswerBuilder, composed: ComposedAnswer, { entry: e, target }: NoteTarget, members: readonly LedgerEntry[],
  locale?: string): string[] {
  const reps = [...representatives(members.filter((m) => m.role === 'assertion'), 1, 1),
    ...representatives(members.filter((m) => m.role === 'denial'), 1, 1)];
  if (reps.length === 0) return [];
  // Every marker a note adds comes with its quote, so no note points to a citation the answer does not show.
  const shown = new Set(composed.citations.map((c) => `${c.docId}:${c.start}:${c.end}`));
  const fresh = reps.filter((r) => !shown.has(`${r.docId}:${r.start}:${r.end}`));
  if (e.kind === 'statement') return presuppositionLines([e], target.status, fresh.map((r) => b.bullet(r, locale)), locale);
  const refs = reps.map((r) => `[${b.cite(r)}]`).filter((x, i, xs) => xs.indexOf(x) === i).join('');
  return [msg(locale, 'note.status', { line: statusLine(target.status, members, refs, locale) }), ...fresh.map((r) => b.bullet(r, locale))];
}
