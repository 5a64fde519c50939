import type { LedgerEntry } from '../claims/ledger-store.js';
import { eventClassOf } from '../claims/signature.js';
import { stanceOfVerb } from '../claims/stance.js';
import { terms, type QuestionAnalysis } from '../retrieval/question.js';
import { coverage, onTopic } from '../retrieval/topic.js';
import { AnswerBuilder, type ClaimSource, type ComposedAnswer } from './claims-builder.js';
import { statusLine } from './claims-phrases.js';
import { msg } from './messages.js';
import { actorName, quoted, speakerLabel } from './speaker-label.js';

/** The ledger entries of the retrieved passages: read already, or being read. */
export type Pool = readonly LedgerEntry[] | Promise<readonly LedgerEntry[]>;

/** Share of the weighted topic an entry must have to be about the question. */
const MIN_RELEVANCE = 0.5;
const MAX_LINES = 6;
/** A figure in a sentence: digits, or a number word. */
const FIGURE = /\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?)\b/i;
/** Questions about a quantity ("How many ...?", "Were all 40 ...?"). */
const FIGURE_Q = /\bhow\s+(?:many|much)\b|\b(?!(?:19|20)\d{2}\b)\d[\d,.]*\b/i;
const EVIDENCE_Q = /\b(?:evidence|proof)\b/i;
const NO_EVIDENCE = /\bno\s+(?:\w+\s+)?(?:evidence|proof)\b|\bwithout\s+(?:\w+\s+)?(?:evidence|proof)\b/i;
/** Words of the asking in an evidence question ("Has X provided any evidence?"): not the proposition. */
const EVIDENCE_WORDS = new Set(['evidence', 'proof', 'provid', 'provide', 'present', 'offer', 'show', 'shown', 'given', 'give', 'all']);

/**
 * Yes/no questions the general ledger answer gets wrong: "Did X condemn it?" (only X's own statements,
 * never another actor's), "Were all 40 missiles intercepted?" (every figure and who gives it) and "Has X
 * provided any evidence?" (statements that no evidence was given). Undefined when none applies.
 */
export async function verifySpecial(a: QuestionAnalysis, pool: Pool, ledger: ClaimSource,
  more: (pool: Pool) => Promise<readonly LedgerEntry[]> = async (p) => p): Promise<ComposedAnswer | undefined> {
  const stance = askedStance(a);
  if (a.subjectActor && stance) {
    // The actor's entries in the whole ledger are read while the passages' are.
    const [own, byActor] = await Promise.all([pool, ledger.list({ actorId: a.subjectActor.id, limit: 300 })]);
    return actorStance(a, a.subjectActor, stance, own, byActor);
  }
  if (EVIDENCE_Q.test(a.question)) return evidence(a, await pool) ?? evidence(a, await more(pool));
  if (FIGURE_Q.test(a.question)) return figures(a, await more(pool));
  return undefined;
}

function askedStance(a: QuestionAnalysis): string | undefined {
  return a.question.split(/\s+/).map((w) => stanceOfVerb(w.replace(/\W+$/, ''))).find((x) => x && x !== 'statement');
}

/** Topic terms without the words naming the stance and the actor: what the stance would be about. */
function coreTopic(a: QuestionAnalysis, drop: ReadonlySet<string>): string[] {
  const core = a.topicTerms.filter((t) => !drop.has(t) && !stanceOfVerb(t));
  return core.length ? core : a.topicTerms;
}

/** On the topic; `loose`: half the terms, unweighted, suffice (a figure's sentence may name the place differently). */
function relevant(e: LedgerEntry, topic: readonly string[], a: QuestionAnalysis, loose = false): boolean {
  const have = new Set(terms(e.text).flatMap((w) => [w, eventClassOf(w) ?? w]));
  const has = (t: string) => have.has(t) || have.has(eventClassOf(t) ?? t);
  // Loose: the words themselves (no event class: "strike" is not "shot down"), each counted once.
  return (loose ? coverage(topic, (t) => have.has(t)) : onTopic(topic, has, a.weights, MIN_RELEVANCE)) >= MIN_RELEVANCE;
}

/** `byActor`: the actor's entries in the whole ledger (beside those of the passages, `pool`). */
function actorStance(a: QuestionAnalysis, actor: NonNullable<QuestionAnalysis['subjectActor']>, stance: string,
  pool: readonly LedgerEntry[], byActor: readonly LedgerEntry[]): ComposedAnswer {
  const L = a.locale;
  const topic = coreTopic(a, new Set(terms(actor.name)));
  const seen = new Set<string>();
  const own = [...pool, ...byActor]
    .filter((e) => e.speakerId === actor.id && !seen.has(e.id) && seen.add(e.id) && relevant(e, topic, a));
  const yes = own.filter((e) => e.stance === stance || e.also.includes(stance));
  const noun = msg(L, 'stance.noun', { stance });
  const who = actorName(actor.name, L);
  if (own.length === 0) {
    return { question: a.question, answer: msg(L, 'abstain.noStanceBy', { noun, who }), citations: [], claims: [], abstained: true };
  }
  const b = new AnswerBuilder();
  const head = yes.length
    ? msg(L, 'verify.stanceYes', { who, verb: msg(L, 'stance.verb', { stance }) })
    : msg(L, 'verify.stanceNo', { noun, who });
  const lines = [head, ...(yes.length ? yes : own).slice(0, MAX_LINES).map((e) => bullet(b, e, L))];
  return done(a, b, lines);
}

function figures(a: QuestionAnalysis, pool: readonly LedgerEntry[]): ComposedAnswer | undefined {
  // The figure asked about is what is in question: the entries must be on the rest of the topic.
  const topic = coreTopic(a, new Set(a.topicTerms.filter((t) => /\d/.test(t) || t === 'all')));
  const hits = pool.filter((e) => FIGURE.test(e.text) && relevant(e, topic, a, true));
  if (hits.length === 0) return undefined;
  const b = new AnswerBuilder();
  const lines = [msg(a.locale, 'figures.lead'), ...hits.slice(0, MAX_LINES).map((e) => bullet(b, e, a.locale))];
  if (!hits.some((e) => e.status === 'corroborated' || e.status === 'verified')) lines.push(msg(a.locale, 'figures.unconfirmed'));
  return done(a, b, lines);
}

function evidence(a: QuestionAnalysis, pool: readonly LedgerEntry[]): ComposedAnswer | undefined {
  const topic = coreTopic(a, EVIDENCE_WORDS);
  const about = pool.filter((e) => relevant(e, topic, a));
  const none = about.filter((e) => e.certainty === 'no-evidence' || NO_EVIDENCE.test(e.text));
  if (none.length === 0) return undefined;
  const b = new AnswerBuilder();
  const lines = [msg(a.locale, 'evidence.lead'), ...none.slice(0, MAX_LINES).map((e) => bullet(b, e, a.locale))];
  // The status is that of the proposition the evidence is for: the claim the no-evidence statement is in.
  const claim = none[0]!;
  const members = about.filter((e) => e.claimId === claim.claimId);
  lines.push(statusLine(claim.status, members, members.map((e) => `[${b.cite(e)}]`).filter((x, i, xs) => xs.indexOf(x) === i).join(''), a.locale));
  return done(a, b, lines);
}

function bullet(b: AnswerBuilder, e: LedgerEntry, locale?: string): string {
  return msg(locale, 'bullet.said', { who: speakerLabel(e, locale), quote: quoted(e.text, locale), n: b.cite(e) });
}

function done(a: QuestionAnalysis, b: AnswerBuilder, lines: string[]): ComposedAnswer {
  return { question: a.question, answer: lines.join('\n'), citations: b.citations, claims: b.claims, abstained: false };
}
