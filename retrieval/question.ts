import type { Actor, Gazetteer } from '../claims/actors.js';
import { stanceOfVerb } from '../claims/stance.js';
import { analyzeForeign } from './languages/analyze.js';
import { foreignConcepts } from './languages/lexicon.js';
import { STOP_WORDS, stem, tokenize } from '../core/text.js';

/** What a question asks for. */
export type Intent = 'statements' | 'verify' | 'who' | 'status' | 'topic';

/** The analysis of a question that retrieval and the composer act on. */
export interface QuestionAnalysis {
  question: string;
  intent: Intent;
  /** The actor whose statements are asked for ("What did Pakistan say?"). */
  speaker?: Actor;
  /** A named speaker that is not in the gazetteer ("What did Porsche say?"): matched as words. */
  speakerPhrase?: string;
  /** A person asked about by name ("What did Lavrov say?"): `speaker` is the actor they speak for, this their name. */
  speakerPerson?: string;
  /** Every actor the question mentions. */
  actors: Actor[];
  /** Content words of the topic (stemmed), without the speaker and question words. */
  topicTerms: string[];
  /** The words of the "about ..." part, when the question has one. */
  aboutTerms: string[];
  /** Distinctive words of the speaker as asked ("Marco Rubio" in "U.S. Secretary of State Marco Rubio"). */
  subjectTerms: string[];
  /** A year the question restricts to ("at the UN General Debate in 2023"). */
  year?: string;
  /** True when the topic was carried over from the question this one follows up. */
  inheritedTopic: boolean;
  /** A stance asked about in "Who condemned ...?" (the verb as written). */
  stanceVerb?: string;
  /** The actor a yes/no question asks about ("Did Chile condemn it?"): the subject before the verb. */
  subjectActor?: Actor;
  /** The earlier question a follow-up inherits its topic from (searched with this one). */
  context?: string;
  /** Inverse document frequency of each topic term in the store (see `weighTerms`); absent = weight 1. */
  weights?: Record<string, number>;
  /** The language of the fixed texts of the answer (BCP 47, default 'en'). */
  locale?: string;
  /** Topic terms written as acronyms ("UAVs" -> "uav"): a text spelling them out ("unmanned aerial vehicles") covers them. */
  acronyms?: string[];
  /** English words to search with besides the question (a question in another language: its domain words). */
  searchTerms?: string[];
}

const SAY = '(say|said|state|claim|think|argue|announce|tell|report|declare|write|post|respond|reply|mean)';
const STATEMENT_HEAD = /^(?:and\s+)?(?:what|how)\s+(?:did|does|do|has|have|had|is|was)\s+/i;
const STATEMENT_VERB = new RegExp(`\\s(?:${SAY}\\w*|react\\w*|respond\\w*)\\b`, 'gi');
const WHO_Q = /^(?:and\s+)?who\s+(\w+)\b(.*)$/i;
const VERIFY_Q = /^(?:and\s+)?(?:did|does|do|is|was|were|has|have|had|are|can)\b|^is it true\b|\btrue that\b/i;
const VERIFY_HEAD = /^(?:and\s+)?(?:did|does|do|has|have|had|was|were|is|are|will|would)\s+(?:the\s+)?/i;
const STATUS_Q = /\b(disputed|unverified|verified|refuted|contested|alleged|allegations?)\b/i;
/** "And Chile?", "What about the drones?": an elliptical follow-up that swaps one part of the earlier question. */
const ELLIPSIS = /^(?:and|but|also|(?:and\s+)?(?:what|how)\s+about)\s+(.{1,80}?)\s*\??$/i;
/** General titles of office: they say what a speaker is, not who ("Foreign Minister Ishaq Dar"). */
const ROLE_WORDS = new Set(['president', 'prime', 'minister', 'secretary', 'state', 'foreign', 'government', 'ministry',
  'spokesperson', 'spokesman', 'spokeswoman', 'official', 'officials', 'leader', 'chancellor', 'king', 'queen', 'general',
  'national', 'security', 'advisor', 'adviser', 'director', 'council', 'deputy', 'defence', 'defense', 'affair', 'office']);
/** Words about the asking itself ("Is it true that ...", "in the corpus"), never about the topic. */
const FILLER = new Set(['question', 'corpus', 'happen', 'happened', 'true', 'many', 'much']);
/** "How many missiles did Tehran say it intercepted?": the counted thing, then a statement question. */
const HOW_MANY_HEAD = /^(?:and\s+)?how\s+(?:many|much)\s+(.+?)\s+(?:did|does|do|has|have|had)\s+/i;
/**
 * Epistemic hedges ("the alleged attack"): they say how sure a report is, not what it is about, so an
 * "about ..." part is matched without them (the composer shows the status separately).
 */
const HEDGES = new Set(['alleg', 'allege', 'purport', 'supposed', 'reported', 'report', 'claim', 'apparent', 'so', 'called']);

/** Reads the question: intent, speaker, topic words. Deterministic and cheap. */
export function analyzeQuestion(question: string, gazetteer: Gazetteer, followUp?: QuestionAnalysis): QuestionAnalysis {
  const asked = question.trim().replace(/\s+/g, ' ');
  const q = withoutMarkup(asked).trim().replace(/\s+/g, ' ');
  const foreign = analyzeForeign(q, gazetteer, followUp);
  if (foreign) return { ...foreign, question: asked };
  const swapped = followUp ? swapEllipsis(q, gazetteer, followUp) : undefined;
  if (swapped) return analyzeQuestion(swapped, gazetteer);
  const actors = dedupe(gazetteer.find(q, true).map((m) => m.actor));
  let intent: Intent = 'topic';
  let speaker: Actor | undefined;
  let speakerPhrase: string | undefined;
  let speakerPerson: string | undefined;
  let stanceVerb: string | undefined;
  let subjectActor: Actor | undefined;
  let subject = '';
  let rest = q;
  const st = splitStatement(q, gazetteer);
  const who = WHO_Q.exec(q);
  if (st) {
    intent = 'statements';
    subject = st.subject.replace(/^the\s+/i, '');
    const found = gazetteer.find(subject, true)[0];
    speaker = found?.actor;
    if (found?.via === 'person') speakerPerson = found.surface;
    if (!speaker) speakerPhrase = subject;
    rest = st.rest;
  } else if (who) {
    intent = 'who';
    stanceVerb = who[1]!.toLowerCase();
    rest = who[2] ?? '';
  } else if (STATUS_Q.test(q) && /^(what|which|list|show)\b/i.test(q)) {
    intent = 'status';
  } else if (VERIFY_Q.test(q)) {
    intent = 'verify';
    subjectActor = verifySubject(q, gazetteer);
  }
  const about = /\b(?:about|on|regarding|concerning)\s+(.+)$/i.exec(rest);
  const speakerWords = new Set(tokenize(speakerPhrase ?? '').map(stem));
  let topicTerms = terms(rest === q ? q : rest).filter((t) => !speakerWords.has(t));
  let aboutTerms = about ? terms(aboutTopic(about[1]!)).filter((t) => !HEDGES.has(t)) : [];
  const subjectTerms = terms(subject).filter((t) => !ROLE_WORDS.has(t));
  const year = /\b(?:in|during|of)\s+((?:19|20)\d{2})\b(?!\s*[-–]?\s*\p{L})/u.exec(q)?.[1];
  // "Did Chile condemn it?" after a question on the strike: only an actor and a stance of its own, so the
  // earlier topic is carried over (with them).
  const actorWords = new Set(actors.flatMap((x) => terms(x.name)).concat(terms(subject)));
  const ownTopic = topicTerms.filter((t) => !actorWords.has(t) && !stanceOfVerb(t));
  const inheritedTopic = !!followUp && ownTopic.length === 0 && followUp.topicTerms.length > 0;
  if (inheritedTopic) {
    topicTerms = [...new Set([...topicTerms, ...followUp!.topicTerms])];
    aboutTerms = followUp!.aboutTerms;
  }
  if (followUp && !speaker && !speakerPhrase && intent === 'topic') {
    speaker = followUp.speaker;
    speakerPhrase = followUp.speakerPhrase;
  }
  const acronyms = [...q.matchAll(/\b(\p{Lu}{3,6})s?\b/gu)].map((m) => m[1]!.toLowerCase()).filter((t) => topicTerms.includes(t) || aboutTerms.includes(t));
  return {
    question: asked, intent, speaker, speakerPhrase, ...(speakerPerson && { speakerPerson }), actors, topicTerms, aboutTerms, subjectTerms, year, inheritedTopic, stanceVerb,
    ...(acronyms.length && { acronyms }),
    ...(subjectActor && { subjectActor }), ...(inheritedTopic && { context: followUp!.question }),
  };
}

/**
 * "What did the United States say about ...": the speaker and the rest. The verb is the first "say"-like
 * word that is not inside an actor's name ("States" in "the United States" is not "state").
 */
function splitStatement(q: string, gazetteer: Gazetteer): { subject: string; rest: string } | undefined {
  const head = STATEMENT_HEAD.exec(q) ?? HOW_MANY_HEAD.exec(q);
  if (!head) return undefined;
  const counted = head[1] ? `${head[1]} ` : '';
  const body = q.slice(head[0].length);
  const names = gazetteer.find(body, true);
  for (const m of body.matchAll(STATEMENT_VERB)) {
    const at = m.index + 1;
    if (at <= 1 || names.some((n) => n.start < at && n.end > at)) continue;
    return { subject: body.slice(0, m.index), rest: counted + body.slice(m.index + m[0].length) };
  }
  return undefined;
}

/** The actor a yes/no question is about, when it is the subject right after the auxiliary ("Did Chile condemn ..."). */
function verifySubject(q: string, gazetteer: Gazetteer): Actor | undefined {
  const head = VERIFY_HEAD.exec(q);
  if (!head) return undefined;
  const first = gazetteer.find(q.slice(head[0].length), true)[0];
  return first && first.start === 0 ? first.actor : undefined;
}

/** The topic of an "about ..." part without the occasion it was said at ("at the UN General Debate in 2023"). */
function aboutTopic(text: string): string {
  return text.replace(/\s+(?:in|during)\s+(?:19|20)\d{2}\b.*$/u, '').replace(/\s+at\s+(?:the\s+)?\p{Lu}.*$/u, '');
}

/**
 * "And Chile?" after "What did Peru say about the attack?": the earlier question with its actor replaced
 * ("What did Chile say about the attack?"). Undefined when the follow-up is not such an ellipsis.
 */
function swapEllipsis(q: string, gazetteer: Gazetteer, prev: QuestionAnalysis): string | undefined {
  const m = ELLIPSIS.exec(q);
  if (!m) return undefined;
  const part = m[1]!.replace(/^the\s+/i, '');
  const found = gazetteer.find(part, true);
  const now = found[0];
  if (!now || now.start !== 0 || now.end < part.replace(/['’]s$/, '').length - 1) return undefined;
  const old = prev.speaker ?? prev.subjectActor ?? prev.actors[0];
  if (!old) return undefined;
  const mention = gazetteer.find(prev.question, true).find((x) => x.actor.id === old.id);
  if (!mention) return undefined;
  return prev.question.slice(0, mention.start) + now.surface + prev.question.slice(mention.end);
}

/**
 * Chat markup pasted with a question: mentions (`<@123>`, `<#123>`, `@everyone`), links (`[text](url)` keeps
 * its text) and bare URLs. They are not words of the question.
 */
const MENTION = /<(?:@[!&]?|#)\d+>|@(?:everyone|here)\b/g;
const LINK = /\[([^\]]*)\]\((?:https?:\/\/[^)\s]*)\)/g;
const URL = /\bhttps?:\/\/\S+/g;
function withoutMarkup(text: string): string {
  return text.replace(LINK, '$1').replace(URL, ' ').replace(MENTION, ' ');
}

/** Stemmed content words: no stop words, no question fillers. */
export function terms(text: string): string[] {
  // A single letter ("x" of a pasted link, an initial) names no topic.
  const words = tokenize(text).filter((w) => w.length > 1 && !STOP_WORDS.has(w) && !FILLER.has(w) && !/^\d{4}$/.test(w)).map(stem);
  return dedupeStr([...words, ...foreignConcepts(text)]);
}

function dedupe(actors: Actor[]): Actor[] {
  const seen = new Set<string>();
  return actors.filter((a) => !seen.has(a.id) && seen.add(a.id));
}

function dedupeStr(xs: string[]): string[] {
  return [...new Set(xs)];
}
