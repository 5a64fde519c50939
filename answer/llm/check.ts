import type { ClaimStatus } from '../../core/answer.js';
import type { AnswerSentence } from './parse.js';
import type { LedgerClaim, NumberedPassage, PassageSentence } from './passages.js';
import { contentWords, hasCue, hasHedge, hasStrongCue, hedgedWords, matchesWord, namesIn, numbersIn, surfaceWords, upgrades } from './words.js';

/** Why a sentence of a generated answer was dropped. */
export type Failure = 'no-citation' | 'unknown-passage' | 'unsupported' | 'number' | 'name' | 'status-upgrade';

/** The verdict on one sentence. */
export interface SentenceVerdict {
  sentence: AnswerSentence;
  ok: boolean;
  failures: Failure[];
  /** The words, numbers or claims behind the failures, for logs and tests. */
  detail: string[];
  /** Per cited passage, the sentences that support this one best (empty when it failed). */
  support: Map<number, PassageSentence[]>;
}

/** Thresholds of the checks. */
export interface CheckOptions {
  /** Share of the sentence's content words that must occur in the cited passages. */
  minSupport: number;
  /** Share of a claim's words (or of the sentence's) above which a sentence states that claim. */
  claimOverlap: number;
}

/** The thresholds in use, calibrated on paraphrases of the bundled article (tests/answer/llm). */
export const DEFAULT_CHECK: CheckOptions = { minSupport: 0.6, claimOverlap: 0.6 };

const UNSETTLED: ReadonlySet<ClaimStatus> = new Set(['unverified', 'disputed', 'reported']);

/**
 * Checks one sentence against the passages it cites: it must cite; its content words must be mostly
 * in the cited passages; every number and capitalised name in it must occur there (text or source
 * line); and it must not upgrade a status: a hedged source sentence, or an unverified, disputed or
 * reported claim of the ledger, may only be restated with an attribution or hedge cue, and never as
 * confirmed. Sentences of a passage that read as instructions to the model never count as support.
 */
export function checkSentence(s: AnswerSentence, passages: readonly NumberedPassage[], ledger: readonly LedgerClaim[],
  opts: CheckOptions = DEFAULT_CHECK): SentenceVerdict {
  const v: SentenceVerdict = { sentence: s, ok: false, failures: [], detail: [], support: new Map() };
  const fail = (f: Failure, d?: string) => { if (!v.failures.includes(f)) v.failures.push(f); if (d) v.detail.push(d); };
  if (s.cites.length === 0) { fail('no-citation'); return v; }
  const cited = s.cites.map((n) => passages.find((p) => p.n === n));
  if (cited.some((p) => !p)) { fail('unknown-passage', s.cites.filter((_, i) => !cited[i]).join(',')); return v; }
  const evidence = (cited as NumberedPassage[]).flatMap((p) => p.sentences.filter((x) => !x.injection).map((x) => ({ p, x })));
  if (evidence.length === 0) { fail('unsupported', 'no usable passage sentence'); return v; }
  const meta = (cited as NumberedPassage[]).map((p) => [p.chunk.title, p.chunk.publisher, p.chunk.published].join(' ')).join(' ');
  const evidenceText = evidence.map((e) => e.x.text).join(' ');

  const words = contentWords(s.text);
  const have = new Set(contentWords(`${evidenceText} ${meta}`));
  const missing = words.filter((w) => !matchesWord(w, have, 5));
  const matched = words.length - missing.length;
  if (words.length === 0 || matched / words.length < opts.minSupport || (words.length >= 3 && matched < 2)) {
    fail('unsupported', `unsupported words: ${missing.join(' ') || '(none)'}`);
  }
  const numbers = new Set(numbersIn(`${evidenceText} ${meta}`));
  for (const n of numbersIn(s.text)) if (!numbers.has(n)) fail('number', n);
  const surface = surfaceWords(`${evidenceText} ${meta}`);
  for (const name of namesIn(s.text)) if (!matchesWord(name, surface)) fail('name', name);

  // The passage sentences that say what this sentence says.
  const scored = evidence.map((e) => {
    const own = new Set(contentWords(e.x.text));
    return { ...e, score: words.filter((w) => matchesWord(w, own, 5)).length };
  });
  const best = Math.max(...scored.map((e) => e.score));
  const supporting = scored.filter((e) => e.score > 0 && e.score >= Math.max(1, Math.ceil(best * 0.6)))
    .sort((a, b) => b.score - a.score);
  if (supporting.length === 0) fail('unsupported', 'no passage sentence says it');
  const cue = hasCue(s.text);
  const hedged = supporting.find((e) => hasHedge(e.x.text));
  if (hedged && (!cue || upgrades(s.text))) fail('status-upgrade', `drops the hedge of passage ${hedged.p.n}`);
  // "the alleged attack" -> "the attack": a hedged word restated needs a hedge or an attribution of its own.
  const ownWords = new Set(words);
  const unhedged = supporting.flatMap((e) => hedgedWords(e.x.text)).find((w) => matchesWord(w, ownWords, 5));
  if (unhedged && !hasStrongCue(s.text)) fail('status-upgrade', `drops the hedge on "${unhedged}"`);
  for (const c of ledger) {
    if (!UNSETTLED.has(c.status) || !statesClaim(words, c, opts.claimOverlap)) continue;
    if (!cue || upgrades(s.text)) fail('status-upgrade', `states ${c.status} claim ${c.id} as fact`);
  }
  if (v.failures.length === 0) {
    v.ok = true;
    for (const e of supporting) {
      const list = v.support.get(e.p.n) ?? [];
      if (list.length < 2) v.support.set(e.p.n, [...list, e.x].sort((a, b) => a.start - b.start));
    }
  }
  return v;
}

/** True when the sentence's words mostly repeat the claim, or the claim's words are mostly in the sentence. */
function statesClaim(sentenceWords: readonly string[], claim: LedgerClaim, overlap: number): boolean {
  const claimWords = new Set(contentWords(claim.text));
  if (claimWords.size < 2 || sentenceWords.length === 0) return false;
  const sentenceSet = new Set(sentenceWords);
  const inClaim = sentenceWords.filter((w) => matchesWord(w, claimWords, 5)).length;
  const ofClaim = [...claimWords].filter((w) => matchesWord(w, sentenceSet, 5)).length;
  return (inClaim >= 3 && inClaim / sentenceWords.length >= overlap) || ofClaim / claimWords.size >= overlap;
}

/** The verdict on a whole answer. */
export interface AnswerVerdict {
  kept: SentenceVerdict[];
  dropped: SentenceVerdict[];
  /** False when nothing is left or more than half of the sentences were dropped. */
  accepted: boolean;
}

/** Checks every sentence; the answer stands when something is left and at most half was dropped. */
export function checkAnswer(sentences: readonly AnswerSentence[], passages: readonly NumberedPassage[],
  ledger: readonly LedgerClaim[], opts: CheckOptions = DEFAULT_CHECK): AnswerVerdict {
  const verdicts = sentences.map((s) => checkSentence(s, passages, ledger, opts));
  const kept = verdicts.filter((v) => v.ok);
  const dropped = verdicts.filter((v) => !v.ok);
  return { kept, dropped, accepted: kept.length > 0 && dropped.length * 2 <= verdicts.length };
}
