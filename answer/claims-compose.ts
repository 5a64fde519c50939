import type { ClaimStatus } from '../core/answer.js';
import type { LedgerEntry } from '../claims/ledger-store.js';
import { eventClassOf } from '../claims/signature.js';
import { stanceOfVerb } from '../claims/stance.js';
import { terms, type QuestionAnalysis } from '../retrieval/question.js';
import { onTopic } from '../retrieval/topic.js';
import { AnswerBuilder, entriesIn, membersOf, representatives, type ClaimSource, type ComposedAnswer } from './claims-builder.js';
import { list, presuppositionLines, sideLabel, stanceVerb, statusLine } from './claims-phrases.js';
import { verifySpecial, type Pool } from './claims-verify.js';
import { msg } from './messages.js';
import { quoted, speakerLabel } from './speaker-label.js';

/** Share of the question's topic words an entry must contain to be about the question. */
const MIN_RELEVANCE = 0.5;
const MAX_CLAIMS = 5;
/** A passage span: the retrieved passages and the wider lexical matches searched for every actor with a stance. */
type Span = { docId: string; start: number; end: number };
/** The wider passages, asked for only when an answer needs them (a lexical search: sync on SQLite, async on PostgreSQL). */
export type WiderSpans = () => readonly Span[] | Promise<readonly Span[]>;
const STATUS_WORDS = new Set(['disput', 'unverifi', 'verifi', 'refut', 'contest', 'alleg', 'allegation', 'claim', 'still', 'what', 'which']);

/**
 * Answers from the claim ledger: "Did Y happen? / Is it true that ...?" (the claim's status and both
 * sides, quoted), "Who condemned / denied / accused ...?" (the actors with that stance, and the status of
 * what they reacted to), "What is disputed / unverified?" (the claims with that status). Returns undefined
 * when the ledger holds nothing on the question, so the extractive composer can try.
 */
export async function composeClaimAnswer(a: QuestionAnalysis, chunks: readonly Span[], ledger: ClaimSource,
  wider: WiderSpans = () => []): Promise<ComposedAnswer | undefined> {
  // Entries beyond the top passages, read only by the answers that must be complete (every actor, every figure),
  // while the passages' own entries are still being read.
  const more = async (pool: Pool) => {
    const [own, beyond] = await Promise.all([pool, (async () => entriesIn(ledger, await wider()))()]);
    const seen = new Set(own.map((e) => e.id));
    return [...own, ...beyond.filter((e) => !seen.has(e.id))];
  };
  if (a.intent === 'verify') {
    const pool = entriesIn(ledger, chunks);
    return (await verifySpecial(a, pool, ledger, more)) ?? verify(a, await pool, ledger);
  }
  if (a.intent === 'who') return who(a, () => more(entriesIn(ledger, chunks)), ledger);
  // "How many drones were shot down?" (or "How many?" after a question): every figure, with who gives it.
  if (a.intent === 'topic' && /^(?:and\s+)?how\s+(?:many|much)\b/i.test(a.question)) {
    return verifySpecial({ ...a, question: `${a.question} ${a.context ?? ''}` }, entriesIn(ledger, chunks), ledger, more);
  }
  if (a.intent === 'status') return status(a, chunks, ledger);
  return undefined;
}

async function verify(a: QuestionAnalysis, pool: readonly LedgerEntry[], ledger: ClaimSource): Promise<ComposedAnswer | undefined> {
  // "Did Pakistan condemn ...?" asks about a statement; "Did Ukraine attack ...?" about the event it refers to.
  const asked = a.question.split(/\s+/).map((w) => stanceOfVerb(w.replace(/\W+$/, ''))).filter((x) => x && x !== 'statement');
  const best = new Map<string, number>();
  for (const e of pool) {
    const own = e.kind === 'event' || asked.includes(e.stance as never);
    const key = own || !e.about ? e.claimId : e.about.id;
    const score = relevance(e, a.topicTerms, a) * (own || e.about ? 1 : 0.5) + (e.kind === 'event' ? 0.01 : 0);
    best.set(key, Math.max(best.get(key) ?? 0, score));
  }
  const top = [...best].sort((x, y) => y[1] - x[1])[0];
  if (!top || top[1] < MIN_RELEVANCE) return undefined;
  const members = await ledger.list({ claimId: top[0] });
  if (members.length === 0) return undefined;
  const b = new AnswerBuilder();
  const reps = representatives(members, 2, 6);
  const bullets = reps.map((e) => b.bullet(e, a.locale));
  const refs = refsOf(b, reps.filter((e) => e.role !== 'reaction').slice(0, 1).concat(reps.filter((e) => e.role === 'denial').slice(0, 1)));
  const lines = [statusLine(members[0]!.status, members, refs || `[${b.cite(reps[0]!)}]`, a.locale), ...bullets];
  const about = members[0]!.about;
  if (about && ['disputed', 'unverified', 'refuted'].includes(about.status)) {
    lines.push(...aboutLines(b, await ledger.list({ claimId: about.id }), [members[0]!], about, a.locale));
  }
  return done(a, b, lines);
}

async function who(a: QuestionAnalysis, entries: () => Promise<readonly LedgerEntry[]>, ledger: ClaimSource): Promise<ComposedAnswer | undefined> {
  const stance = a.stanceVerb ? stanceOfVerb(a.stanceVerb) : undefined;
  if (!stance || stance === 'statement') return undefined;
  const pool = await entries();
  const topic = a.topicTerms;
  const matches = (e: LedgerEntry) => e.stance === stance || e.also.includes(stance);
  const direct = pool.filter((e) => matches(e) && (topic.length === 0 || relevance(e, topic, a) >= MIN_RELEVANCE));
  const claimIds = new Set(direct.map((e) => e.claimId));
  const hits = pool.filter((e) => matches(e) && claimIds.has(e.claimId));
  if (hits.length === 0) return undefined;
  const b = new AnswerBuilder();
  const bySpeaker = new Map<string, LedgerEntry[]>();
  for (const e of hits) {
    const k = cap(speakerLabel(e, a.locale));
    bySpeaker.set(k, [...(bySpeaker.get(k) ?? []), e]);
  }
  const verb = stanceVerb(stance);
  const lines = [msg(a.locale, 'who.lead', { verb, who: list([...bySpeaker.keys()]) })];
  for (const [name, es] of bySpeaker) {
    for (const e of es.slice(0, 2)) lines.push(msg(a.locale, 'who.bullet', { who: name, verb, quote: quoted(e.text, a.locale), n: b.cite(e) }));
  }
  lines[0] = `${lines[0]!.slice(0, -1)} ${[...new Set(b.citations.map((c) => `[${c.n}]`))].join('')}.`;
  const targets = new Map<string, { entry: LedgerEntry; status: ClaimStatus }>();
  for (const e of hits) {
    const target = e.about ?? (e.kind === 'event' ? { id: e.claimId, status: e.status } : undefined);
    if (!target || targets.has(target.id) || !['disputed', 'unverified', 'refuted'].includes(target.status)) continue;
    targets.set(target.id, { entry: e, status: target.status });
  }
  const members = await membersOf(ledger, targets.keys());
  for (const [id, { entry: e, status }] of targets) {
    const ms = members.get(id)!;
    if (e.about) lines.push(...aboutLines(b, ms, hits.filter((h) => h.about?.id === id), { id, status }, a.locale));
    else lines.push(statusLine(status, ms, refsOf(b, sides(ms)), a.locale));
  }
  return done(a, b, lines);
}

async function status(a: QuestionAnalysis, chunks: readonly Span[], ledger: ClaimSource): Promise<ComposedAnswer | undefined> {
  const wanted = wantedStatuses(a.question);
  const topic = a.topicTerms.filter((t) => !STATUS_WORDS.has(t));
  const pool = topic.length
    ? (await entriesIn(ledger, chunks)).filter((e) => relevance(e, topic, a) >= 0.34)
    : (await Promise.all(wanted.map((s) => ledger.list({ status: s, limit: 500 })))).flat();
  const claims = new Map<string, LedgerEntry[]>();
  for (const e of pool) {
    if (!wanted.includes(e.status) || e.kind !== 'event') continue;
    claims.set(e.claimId, [...(claims.get(e.claimId) ?? []), e]);
  }
  const ranked = [...(await membersOf(ledger, claims.keys())).values()]
    .sort((x, y) => y.length - x.length).slice(0, MAX_CLAIMS);
  const b = new AnswerBuilder();
  if (ranked.length === 0) {
    return { question: a.question, answer: msg(a.locale, 'abstain.noClaimWithStatus', { statuses: list(wanted), onTopic: topic.length ? 'yes' : 'no' }), citations: [], claims: [], abstained: true };
  }
  const lines = [msg(a.locale, 'status.lead', { statuses: list(wanted) })];
  for (const members of ranked) {
    const reps = representatives(members, 1, 3).filter((e) => e.role !== 'reaction');
    const sides = reps.map((e) => `${sideLabel(e, a.locale)}: ${quoted(e.text, a.locale)} [${b.cite(e)}]`);
    lines.push(`• ${cap(members[0]!.status)} (claim ${members[0]!.claimId}): ${sides.join('; ')}`);
  }
  return done(a, b, lines);
}

/** "This is a statement by Pakistan; what it refers to is disputed in the sources:" then the two sides, quoted. */
function aboutLines(b: AnswerBuilder, members: readonly LedgerEntry[], reactions: readonly LedgerEntry[], about: { id: string; status: ClaimStatus },
  locale?: string): string[] {
  return presuppositionLines(reactions, about.status, sides(members).map((r) => b.bullet(r, locale)), locale);
}

/** A claim's best assertion and best denial, of its members. */
function sides(members: readonly LedgerEntry[]): LedgerEntry[] {
  const assertion = representatives(members.filter((m) => m.role === 'assertion'), 1, 1);
  const denial = representatives(members.filter((m) => m.role === 'denial'), 1, 1);
  return [...assertion, ...denial];
}

function refsOf(b: AnswerBuilder, es: readonly LedgerEntry[]): string {
  return [...new Set(es.map((e) => b.cite(e)))].sort((x, y) => x - y).map((n) => `[${n}]`).join('');
}

function done(a: QuestionAnalysis, b: AnswerBuilder, lines: string[]): ComposedAnswer {
  return { question: a.question, answer: lines.join('\n'), citations: b.citations, claims: b.claims, abstained: false };
}

/** Share of the topic words in the entry's text; words of one event class match ("attack" ~ "strike", "targeting"). */
function relevance(e: LedgerEntry, topic: readonly string[], a: QuestionAnalysis): number {
  if (topic.length === 0) return 0;
  const have = new Set(terms(e.text).flatMap((w) => [w, eventClassOf(w) ?? w]));
  return onTopic(topic, (t) => have.has(t) || have.has(eventClassOf(t) ?? t), a.weights, MIN_RELEVANCE);
}

function wantedStatuses(q: string): ClaimStatus[] {
  const out: ClaimStatus[] = [];
  if (/\b(disputed|contested|denied)\b/i.test(q)) out.push('disputed');
  if (/\bunverified|unconfirmed|alleged|allegations?\b/i.test(q)) out.push('unverified');
  if (/\brefuted\b/i.test(q)) out.push('refuted');
  if (/\b(?<!un)verified\b/i.test(q)) out.push('verified');
  return out.length ? [...new Set(out)] : ['disputed', 'unverified'];
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
