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
export function attachClaims(composed: ComposedAnswer, ledger: ClaimSource, a?: QuestionAnalysis): ComposedAnswer {
  if (composed.abstained || composed.citations.length === 0) return composed;
  const b = new AnswerBuilder(composed);
  const touched: LedgerEntry[] = [];
  for (const c of composed.citations) {
    for (const e of ledger.inSpan(c.docId, c.start, c.end)) {
      b.claim(e, c.n);
      touched.push(e);
    }
  }
  const flagged = new Set<string>(['disputed', 'refuted', ...(a && a.intent === 'topic' && !a.speaker ? ['unverified'] : [])]);
  const notes: string[] = [];
  const seen = new Set<string>();
  for (const e of touched) {
    if (notes.length >= MAX_NOTES) break;
    const target = e.kind === 'event' ? { id: e.claimId, status: e.status } : e.about;
    if (!target || seen.has(target.id) || !flagged.has(target.status)) continue;
    seen.add(target.id);
    const members = ledger.list({ claimId: target.id });
    const reps = [...representatives(members.filter((m) => m.role === 'assertion'), 1, 1),
      ...representatives(members.filter((m) => m.role === 'denial'), 1, 1)];
    if (reps.length === 0) continue;
    // Every marker a note adds comes with its quote, so no note points to a citation the answer does not show.
    const shown = new Set(composed.citations.map((c) => `${c.docId}:${c.start}:${c.end}`));
    const fresh = reps.filter((r) => !shown.has(`${r.docId}:${r.start}:${r.end}`));
    if (e.kind === 'statement') {
      notes.push(...presuppositionLines([e], target.status, fresh.map((r) => b.bullet(r, a?.locale)), a?.locale));
    } else {
      const refs = reps.map((r) => `[${b.cite(r)}]`).filter((x, i, xs) => xs.indexOf(x) === i).join('');
      notes.push(msg(a?.locale, 'note.status', { line: statusLine(target.status, members, refs, a?.locale) }), ...fresh.map((r) => b.bullet(r, a?.locale)));
    }
  }
  return {
    ...composed,
    answer: notes.length ? `${composed.answer}\n${notes.join('\n')}` : composed.answer,
    citations: b.citations,
    claims: b.claims,
  };
}
