import type { Span } from '../corpus/sentences.js';
import type { Actor, ActorMention, Gazetteer } from './actors.js';
import { cueVerb, type StanceLabel } from './cues.js';
import { DocumentMentions } from './person-links.js';
import { contentAfter, contentOf, nounEvents, quoteSpans, trim } from './speech-spans.js';
import { subjectAfter, subjectBefore } from './subjects.js';

/** One act of speech in a sentence: source - cue - content. Offsets are into the document text. */
export interface SpeechEvent {
  speaker?: Actor;
  /** Further speakers of a coordinated subject ("Canada, the EU and Turkey call for ..."). */
  coSpeakers: Actor[];
  /** An unnamed source ("diplomats", "analysts") when nobody in the gazetteer speaks. */
  sourceText?: string;
  /** Start of the words naming the source, when they are in this sentence. */
  sourceStart?: number;
  /** The reporting verb or noun as written, lower-case ("condemned", "according to", "condemnation"). */
  cue: string;
  /** The stance the cue word itself usually expresses. */
  cueStance: StanceLabel;
  cueStart: number;
  cueEnd: number;
  /** What was said. */
  content: Span;
  mode: 'direct' | 'indirect' | 'according' | 'noun';
  via: 'explicit' | 'coreference' | 'document';
  /** A participle or coordinated verb of the event before ("..., calling for de-escalation"). */
  secondary: boolean;
}

/** Who speaks in one sentence, and how we know. */
export interface Attribution extends Span {
  speaker?: Actor;
  /** The reporting verb or noun ("condemned", "urged", "according to"). */
  cue?: string;
  via: 'explicit' | 'coreference' | 'document' | 'none';
  /** Every speech event in the sentence, in reading order. */
  events: SpeechEvent[];
  /** Actor mentions of the sentence, offsets into the document text. */
  mentions: ActorMention[];
}

const NOUN_BEFORE = new Set('the a an this these those its their his her our your such any no every each another'.split(' '));
const PASSIVE = /\b(?:is|are|was|were|be|been|being)\s+(?:(?:\w+ly|also|not|widely)\s+)?$/i;
const COREF_WINDOW = 4;
const OFFICIAL = /\b(?:Secretary|Official|Ambassador|Minister|Envoy|Deputy|Spokesperson|Spokesman|Spokeswoman|Representative|Administrator|Counselor|Director|Coordinator)\b/;

interface Last { actor: Actor; sentence: number; person: boolean }

/**
 * Attributes each sentence of a document: its speech events (who, which reporting verb or noun, what),
 * direct and indirect speech, "according to X", possessive statement nouns ("Pakistan's condemnation"),
 * short coreference ("The ministry urged ...", "he added") to the last compatible speaker within a few
 * sentences, and the document's own speaker (a UN speech, a ministry's statement) for the rest.
 * Persons introduced with a country and a title are linked to that country for the rest of the document.
 */
export function attributeSentences(text: string, sentences: readonly Span[], gazetteer: Gazetteer, docSpeaker?: Actor): Attribution[] {
  const dm = new DocumentMentions(gazetteer);
  let last: Last | undefined;
  let lastPerson: Last | undefined;
  return sentences.map((span, index) => {
    const s = text.slice(span.start, span.end);
    const local = dm.find(s);
    const events = sentenceEvents(s, local, (subject) => {
      if (subject.firstPerson && docSpeaker) return { actor: docSpeaker, via: 'document' as const };
      const ref = subject.person && lastPerson && index - lastPerson.sentence <= COREF_WINDOW ? lastPerson : last;
      if (ref && index - ref.sentence <= COREF_WINDOW) return { actor: ref.actor, via: 'coreference' as const };
      return docSpeaker ? { actor: docSpeaker, via: 'document' as const } : undefined;
    }).map((e) => shift(ownOfficial(e, docSpeaker), span.start));
    for (const e of events) {
      if (!e.speaker) continue;
      const person = e.via === 'explicit' && local.some((m) => m.actor.id === e.speaker!.id && m.via === 'person');
      last = { actor: e.speaker, sentence: index, person };
      if (person) lastPerson = last;
    }
    const mentions = local.map((m) => ({ ...m, start: m.start + span.start, end: m.end + span.start }));
    const primary = events.find((e) => e.speaker);
    if (primary) return { ...span, speaker: primary.speaker, cue: primary.cue, via: primary.via, events, mentions };
    if (docSpeaker) return { ...span, speaker: docSpeaker, via: 'document' as const, events, mentions };
    return { ...span, via: 'none' as const, events, mentions };
  });
}

type Resolve = (a: { firstPerson: boolean; person: boolean; word: string }) => { actor: Actor; via: 'coreference' | 'document' } | undefined;

/** The speech events of one sentence (offsets relative to the sentence). */
function sentenceEvents(s: string, mentions: ActorMention[], resolve: Resolve): SpeechEvent[] {
  const quotes = quoteSpans(s);
  const inQuote = (i: number) => quotes.some((q) => i > q.start && i < q.end);
  const events: SpeechEvent[] = [];
  const according = /\baccording to\s+/gi;
  for (const m of s.matchAll(according)) {
    const at = m.index + m[0].length;
    const who = mentions.find((x) => x.start >= at && x.start <= at + 40);
    const name = who ? undefined : /^(?:the\s+)?((?:\p{Lu}[\p{L}.-]*\s*){1,4})/u.exec(s.slice(at))?.[1]?.trim();
    const atStart = s.slice(0, m.index).trim().length === 0 || /^[\s,]*$/.test(s.slice(0, m.index).replace(/^\S+\s*—\s*/, ''));
    const phraseEnd = atStart ? Math.max(s.indexOf(',', at), at) : s.length;
    const content = atStart ? { start: phraseEnd + 1, end: s.length } : { start: 0, end: m.index };
    events.push({ speaker: who?.actor, coSpeakers: [], sourceText: name, sourceStart: at, cue: 'according to', cueStance: 'statement',
      cueStart: m.index, cueEnd: m.index + 12, content: trim(s, content), mode: 'according', via: 'explicit', secondary: false });
  }
  for (const w of s.matchAll(/[\p{L}]+(?:['’-][\p{L}]+)*/gu)) {
    const cue = cueVerb(w[0]);
    if (!cue || inQuote(w.index)) continue;
    // "United States", "Press Secretary": a capitalised word inside a name is not a verb.
    if (/^\p{Lu}/u.test(w[0]) && (w.index > 0 || mentions.some((m) => w.index >= m.start && w.index < m.end))) continue;
    const prevWord = /([\p{L}]+)[\s]*$/u.exec(s.slice(0, w.index))?.[1]?.toLowerCase();
    if (prevWord && NOUN_BEFORE.has(prevWord)) continue;
    // Passives ("is reported to", "soldiers said to be surrounded", "designated by") are not speech by the subject.
    if (PASSIVE.test(s.slice(0, w.index)) || /^\s+(?:to\s+(?:be|have\s+been)\b|by\b)/.test(s.slice(w.index + w[0].length)) && /(?:ed|said|told)$/.test(w[0])) continue;
    const cueEnd = w.index + w[0].length;
    const prev = events.filter((e) => !e.secondary && e.mode !== 'according').at(-1);
    const base = { coSpeakers: [] as Actor[], cue: w[0].toLowerCase(), cueStance: cue.stance, cueStart: w.index, cueEnd, secondary: false };
    // "..., calling for de-escalation" / "... and says": the same speaker goes on.
    if (prev && (/ing$/.test(w[0]) && /,\s*$/.test(s.slice(0, w.index)) || /\s(?:and|while|before|after)\s+(?:\w+ly\s+)?$/.test(s.slice(prev.cueEnd, w.index)))) {
      events.push({ ...base, speaker: prev.speaker, sourceText: prev.sourceText, content: contentAfter(s, cueEnd),
        mode: 'indirect', via: prev.via, secondary: true });
      continue;
    }
    const inverted = /[”"],?\s*$|,\s*$/.test(s.slice(0, w.index)) ? subjectAfter(s, cueEnd, mentions) : undefined;
    if (inverted) {
      const q = quotes.filter((x) => x.end <= w.index).at(-1);
      events.push({ ...base, speaker: inverted.actor, sourceStart: inverted.start, content: q ? { start: q.start + 1, end: q.end - 1 } : trim(s, { start: 0, end: w.index }),
        mode: q ? 'direct' : 'indirect', via: 'explicit' });
      continue;
    }
    const from = prev ? prev.cueEnd : 0;
    const subj = subjectBefore(s, w.index, mentions, from);
    let ev: SpeechEvent | undefined;
    if (subj.kind === 'actor') {
      ev = { ...base, speaker: subj.mention.actor, coSpeakers: subj.coordinated.map((x) => x.actor), sourceStart: (subj.coordinated[0] ?? subj.mention).start,
        content: contentOf(s, cueEnd, (subj.coordinated[0] ?? subj.mention).start, quotes), mode: 'indirect', via: 'explicit' };
    } else if (subj.kind === 'anaphor') {
      // An unresolved pronoun ("after they allegedly posted") is nobody's statement.
      const r = resolve(subj);
      if (r) ev = { ...base, speaker: r.actor, sourceStart: subj.start, content: contentOf(s, cueEnd, subj.start, quotes), mode: 'indirect', via: r.via };
      else if (!/^(?:he|she|they|it|we|i)$/.test(subj.word)) {
        ev = { ...base, sourceText: subj.word.replace(/^the\s+/, ''), sourceStart: subj.start, content: contentOf(s, cueEnd, subj.start, quotes), mode: 'indirect', via: 'explicit' };
      }
    } else if (subj.kind === 'unnamed') {
      ev = { ...base, sourceText: subj.text, sourceStart: subj.start, content: contentOf(s, cueEnd, subj.start, quotes), mode: 'indirect', via: 'explicit' };
    }
    if (ev) {
      if (quotes.some((q) => q.start >= ev!.content.start && q.end <= ev!.content.end && q.end - q.start > (ev!.content.end - ev!.content.start) * 0.6)) ev.mode = 'direct';
      events.push(ev);
    }
  }
  if (!events.some((e) => e.speaker || e.sourceText)) events.push(...nounEvents(s, mentions));
  events.sort((a, b) => a.cueStart - b.cueStart);
  // Content of an event stops where the next event's source (or a coordinated verb, "... and vows") begins.
  for (let i = 0; i + 1 < events.length; i++) {
    const next = events[i + 1]!;
    let stop = next.secondary ? next.cueStart : next.sourceStart ?? next.cueStart;
    if (next.secondary) stop = s.slice(0, stop).search(/(?:,\s*|\s+and\s+|\s+while\s+)(?:\w+ly\s+)?$/) >= 0 ? s.slice(0, stop).search(/(?:,\s*|\s+and\s+|\s+while\s+)(?:\w+ly\s+)?$/) : stop;
    const e = events[i]!;
    if (e.content.end > stop && stop > e.content.start) e.content = trim(s, { start: e.content.start, end: stop });
  }
  return events;
}

/** In a speaker's own document, a titled official it does not name otherwise ("Senior Bureau Official Moy") speaks for it. */
function ownOfficial(e: SpeechEvent, docSpeaker?: Actor): SpeechEvent {
  if (e.speaker || !e.sourceText || !docSpeaker || !OFFICIAL.test(e.sourceText)) return e;
  return { ...e, speaker: docSpeaker, sourceText: undefined, via: 'document' };
}

function shift(e: SpeechEvent, by: number): SpeechEvent {
  return {
    ...e, cueStart: e.cueStart + by, cueEnd: e.cueEnd + by, sourceStart: e.sourceStart === undefined ? undefined : e.sourceStart + by,
    content: { start: e.content.start + by, end: e.content.end + by },
  };
}
