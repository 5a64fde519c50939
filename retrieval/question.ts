import type { Actor, Gazetteer } from '../claims/actors.js';
import { analyzeForeign } from './languages/analyze.js';
import { foreignConcepts } from './languages/lexicon.js';
import { STOP_WORDS, stem, tokenize } from './text.js';

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
  /** The language the answer is framed in (set for questions in other languages, and by the app). */
  locale?: string;
  /** English words to search with besides the question (a question in another language: its domain words). */
  searchTerms?: string[];
}

const SAY = '(say|said|state|claim|think|argue|announce|tell|report|declare|write|post|respond|reply|mean)';
const STATEMENT_Q = new RegExp(`^(?:and\\s+)?(?:what|how)\\s+(?:did|does|do|has|have|had|is|was)\\s+(.+?)\\s+(?:${SAY}\\w*|react\\w*|respond\\w*)\\b(.*)$`, 'i');
const WHO_Q = /^(?:and\s+)?who\s+(\w+)\b(.*)$/i;
const VERIFY_Q = /^(?:and\s+)?(?:did|does|do|is|was|were|has|have|had|are|can)\b|^is it true\b|\btrue that\b/i;
const STATUS_Q = /\b(disputed|unverified|verified|refuted|contested|alleged|allegations?)\b/i;
const ROLE_WORDS = new Set(['president', 'prime', 'minister', 'secretary', 'state', 'foreign', 'government', 'ministry',
  'spokesperson', 'spokesman', 'official', 'officials', 'leader', 'chancellor', 'king', 'queen', 'general', 'national',
  'security', 'advisor', 'adviser', 'director', 'council', 'deputy', 'defence', 'defense', 'affair', 'office', 'manufacturer', 'company']);
const FILLER = new Set(['question', 'corpus', 'un', 'general', 'debate', 'happen', 'happened', 'true']);

/** Reads the question: intent, speaker, topic words. Deterministic and cheap. */
export function analyzeQuestion(question: string, gazetteer: Gazetteer, followUp?: QuestionAnalysis): QuestionAnalysis {
  const foreign = analyzeForeign(question, gazetteer, followUp);
  if (foreign) return foreign;
  const q = question.trim().replace(/\s+/g, ' ');
  const actors = dedupe(gazetteer.find(q, true).map((m) => m.actor));
  let intent: Intent = 'topic';
  let speaker: Actor | undefined;
  let speakerPhrase: string | undefined;
  let stanceVerb: string | undefined;
  let subject = '';
  let rest = q;
  const st = STATEMENT_Q.exec(q);
  const who = WHO_Q.exec(q);
  if (st) {
    intent = 'statements';
    subject = st[1]!.replace(/^the\s+/i, '');
    speaker = gazetteer.find(subject, true).map((m) => m.actor)[0];
    if (!speaker) speakerPhrase = subject;
    rest = st[st.length - 1] ?? '';
  } else if (who) {
    intent = 'who';
    stanceVerb = who[1]!.toLowerCase();
    rest = who[2] ?? '';
  } else if (STATUS_Q.test(q) && /^(what|which|list|show)\b/i.test(q)) {
    intent = 'status';
  } else if (VERIFY_Q.test(q)) {
    intent = 'verify';
  }
  const about = /\b(?:about|on|regarding|concerning)\s+(.+)$/i.exec(rest);
  const speakerWords = new Set(tokenize(speakerPhrase ?? '').map(stem));
  let topicTerms = terms(rest === q ? q : rest).filter((t) => !speakerWords.has(t));
  let aboutTerms = about ? terms(about[1]!) : [];
  const subjectTerms = terms(subject).filter((t) => !ROLE_WORDS.has(t));
  const year = /\b(?:in|during|of)\s+((?:19|20)\d{2})\b(?!\s*[-–]?\s*\p{L})/u.exec(q)?.[1];
  const inheritedTopic = !!followUp && topicTerms.length === 0 && followUp.topicTerms.length > 0;
  if (inheritedTopic) {
    topicTerms = followUp!.topicTerms;
    aboutTerms = followUp!.aboutTerms;
  }
  if (followUp && !speaker && !speakerPhrase && intent === 'topic') {
    speaker = followUp.speaker;
    speakerPhrase = followUp.speakerPhrase;
  }
  return { question: q, intent, speaker, speakerPhrase, actors, topicTerms, aboutTerms, subjectTerms, year, inheritedTopic, stanceVerb };
}

/** Stemmed content words: no stop words, no question fillers. */
export function terms(text: string): string[] {
  const words = tokenize(text).filter((w) => !STOP_WORDS.has(w) && !FILLER.has(w) && !/^\d{4}$/.test(w)).map(stem);
  return dedupeStr([...words, ...foreignConcepts(text)]);
}

function dedupe(actors: Actor[]): Actor[] {
  const seen = new Set<string>();
  return actors.filter((a) => !seen.has(a.id) && seen.add(a.id));
}

function dedupeStr(xs: string[]): string[] {
  return [...new Set(xs)];
}
