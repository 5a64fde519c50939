import type { RetrievedChunk } from '../retrieval/hybrid.js';
import type { QuestionAnalysis } from '../retrieval/question.js';
import { terms } from '../retrieval/question.js';
import { actorName as localActorName } from '../claims/actor-names-lang.js';
import { coverage, hasTerm, onTopic } from '../retrieval/topic.js';
import type { Answer, Citation } from '../core/answer.js';
import { msg } from './messages.js';
import { actorName, quoted } from './speaker-label.js';

/** A sentence of a retrieved passage, scored against the question. */
export interface CandidateSentence {
  chunk: RetrievedChunk;
  start: number;
  end: number;
  text: string;
  speaker?: string;
  /** The speaker as named ("Sergey Lavrov"), when it is not the actor itself. */
  speakerName?: string;
  /** Content words of the sentence and of its document's title. */
  words: Set<string>;
  topic: number;
  about: number;
  score: number;
}

/** Thresholds of the composer, calibrated on the dev questions (see README, Evaluation). */
export interface ComposeOptions {
  maxSentences: number;
  /** Share of the topic words a sentence must contain to support a topic question. */
  minTopicShare: number;
  /** Share of the "about ..." words a speaker's sentence must contain (all of them when there are one or two). */
  minAboutShare: number;
}

export const DEFAULT_COMPOSE: ComposeOptions = { maxSentences: 4, minTopicShare: 0.5, minAboutShare: 0.6 };

const DATELINE = /^[A-Z][\p{L} .,'’-]{1,40}\s[—–-]\s/u;

/**
 * The extractive composer: picks the retrieved sentences that answer the question, quotes each one
 * exactly with a numbered citation, and joins them with fixed phrases. Abstains when no sentence
 * supports an answer. Never writes a fact of its own.
 */
export function composeExtractive(a: QuestionAnalysis, chunks: RetrievedChunk[], opts: ComposeOptions = DEFAULT_COMPOSE):
Omit<Answer, 'timings' | 'mode'> {
  const picked = selectSentences(a, chunks, opts);
  if (picked.length === 0) return abstain(a);
  const citations: Citation[] = picked.map((s, i) => ({
    n: i + 1, docId: s.chunk.docId, title: s.chunk.title, url: s.chunk.url, publisher: s.chunk.publisher,
    published: s.chunk.published, quote: s.text, start: s.start, end: s.end,
  }));
  const lines = citations.map((c) => `• ${quoted(c.quote, a.locale)} [${c.n}]`);
  return { question: a.question, answer: `${lead(a, picked)}\n${lines.join('\n')}`, citations, claims: [], abstained: false };
}

/** Sentences that answer the question, best first then in reading order; empty when none does. */
export function selectSentences(a: QuestionAnalysis, chunks: RetrievedChunk[], opts: ComposeOptions = DEFAULT_COMPOSE): CandidateSentence[] {
  // A year in the question ("in 2023") rules out documents dated another year.
  const all = candidates(a, chunks).filter((s) => !a.year || !s.chunk.published || s.chunk.published.startsWith(a.year));
  const minAbout = a.aboutTerms.length <= 2 ? 1 : opts.minAboutShare;
  let pool: CandidateSentence[];
  if (a.speaker) {
    // In a speech or statement by X, every sentence is X's, even one that reports someone else.
    pool = all.filter((s) => s.speaker === a.speaker!.id || s.chunk.speakerId === a.speaker!.id);
    // An inherited topic ranks the speaker's sentences but does not filter them: "And what did Ukraine
    // say?" after a question about the attack should show Ukraine's rejection even if it never says "attack".
    if (a.aboutTerms.length && !a.inheritedTopic) pool = pool.filter((s) => s.about >= minAbout);
    // "How many missiles did Tehran say it intercepted?": no "about", but a topic the sentence must be on.
    else if (a.topicTerms.length && !a.inheritedTopic) pool = pool.filter((s) => s.topic >= opts.minTopicShare);
  } else if (a.speakerPhrase) {
    // A speaker the gazetteer does not know ("German automotive manufacturer Porsche"): its head word
    // ("Porsche") must occur in the passage.
    const head = terms(a.speakerPhrase).at(-1);
    pool = all.filter((s) => (!head || s.words.has(head)) && s.about >= (a.aboutTerms.length ? minAbout : 0));
  } else {
    pool = all.filter((s) => s.topic >= opts.minTopicShare);
  }
  // "What did Lavrov say?": of the actor's sentences, those the person speaks, when there are any.
  const person = personWord(a);
  if (person) {
    const own = pool.filter((x) => x.speakerName && x.speakerName.toLowerCase().split(/\s+/).includes(person));
    if (own.length) pool = own;
  }
  const best = pool.sort((x, y) => y.score - x.score).slice(0, opts.maxSentences);
  // Best document first; inside a document, reading order.
  const docRank = new Map<string, number>();
  chunks.forEach((c, i) => { if (!docRank.has(c.docId)) docRank.set(c.docId, i); });
  return best.sort((x, y) => docRank.get(x.chunk.docId)! - docRank.get(y.chunk.docId)! || x.start - y.start);
}

function candidates(a: QuestionAnalysis, chunks: RetrievedChunk[]): CandidateSentence[] {
  const top = chunks[0]?.score ?? 1;
  const seen = new Set<string>();
  return chunks.flatMap((chunk) => chunk.speakers.map((sp) => {
    let start = sp.start;
    const raw = chunk.text.slice(sp.start - chunk.start, sp.end - chunk.start);
    const dateline = DATELINE.exec(raw);
    if (dateline && raw.length - dateline[0].length > 20) start += dateline[0].length;
    const text = chunk.text.slice(start - chunk.start, sp.end - chunk.start);
    // The title counts: a short news item's topic is often only in its headline.
    const words = new Set([...terms(text), ...titleTerms(chunk.title)]);
    const has = hasTerm(a, words, text);
    const topic = onTopic(a.topicTerms, has, a.weights, DEFAULT_COMPOSE.minTopicShare);
    const about = coverage(a.aboutTerms, has, a.weights);
    const subject = share(a.subjectTerms, words);
    const score = 2 * about + topic + subject + 0.5 * (chunk.score / top);
    return { chunk, start, end: sp.end, text, speaker: sp.actor, speakerName: sp.name, words, topic, about, score };
  })).filter((s) => {
    const key = s.text.toLowerCase();
    if (seen.has(key) || s.text.length < 15) return false;
    seen.add(key);
    return true;
  });
}

function share(wanted: string[], have: Set<string>): number {
  if (wanted.length === 0) return 0;
  return wanted.filter((w) => have.has(w)).length / wanted.length;
}

const titleCache = new Map<string, string[]>();
function titleTerms(title: string): string[] {
  let t = titleCache.get(title);
  if (!t) {
    if (titleCache.size > 5000) titleCache.clear();
    t = terms(title);
    titleCache.set(title, t);
  }
  return t;
}

/** The asked speaker's name: as English reads it ("the United States"), or in the answer's language ("США"). */
function speakerName(a: QuestionAnalysis): string {
  const lang = (a.locale ?? 'en').slice(0, 2).toLowerCase();
  return lang === 'en' ? actorName(a.speaker!.name, a.locale) : localActorName(a.speaker!, a.locale);
}

/** The surname of a person the question names as speaker, lower-case. */
function personWord(a: QuestionAnalysis): string | undefined {
  const name = a.speakerPerson ?? a.speakerPhrase;
  return name?.trim().split(/\s+/).at(-1)?.replace(/['’]s$/u, '').toLowerCase();
}

function lead(a: QuestionAnalysis, picked: readonly CandidateSentence[] = []): string {
  if (a.speakerPerson && a.speaker) {
    // The fullest form the sources give ("Sergey Lavrov" for "Lavrov").
    const full = picked.map((x) => x.speakerName).find((n) => n && n.toLowerCase().split(/\s+/).includes(personWord(a)!)) ?? a.speakerPerson;
    return msg(a.locale, 'lead.statements', { who: `${full} (${speakerName(a)})` });
  }
  if (a.speaker) return msg(a.locale, 'lead.statements', { who: speakerName(a) });
  if (a.speakerPhrase) return msg(a.locale, 'lead.reported', { who: a.speakerPhrase.replace(/['’]s$/u, '') });
  return msg(a.locale, 'lead.topic');
}

function abstain(a: QuestionAnalysis): Omit<Answer, 'timings' | 'mode'> {
  const about = /\babout\s+(.+?)\??$/i.exec(a.question)?.[1];
  const who = a.speaker ? speakerName(a) : a.speakerPhrase;
  return {
    question: a.question,
    answer: who ? msg(a.locale, 'abstain.noStatementBy', { who, about: about ?? '', hasAbout: about ? 'yes' : 'no' }) : msg(a.locale, 'abstain.nothing'),
    citations: [], claims: [], abstained: true,
  };
}
