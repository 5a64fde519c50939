import type { Span } from '../corpus/sentences.js';
import type { Actor, ActorMention, Gazetteer } from './actors.js';
import { cueVerb, type StanceLabel } from './cues.js';
import { DocumentMentions } from './person-links.js';
import { foreignSpeechEvents, hasClaimRules } from './cues-lang.js';
import { phraseAfter, phraseBefore } from './noun-phrase.js';
import { DocumentSpeakers, actorSpeaker, personNames, type Speaker, type SpeakerKind } from './speaker-resolve.js';
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
  /** Who spoke, as named ("Sergey Lavrov", "a senior European diplomat"), and what kind of source. */
  speakerName?: string;
  speakerKind?: SpeakerKind;
  /** End of the words naming the source, when they are in this sentence. */
  sourceEnd?: number;
  /** Negated speech: "did not say", "declined to comment". The content is not the speaker's statement. */
  negated: boolean;
  /** The pieces of an interrupted quote ("A," he said, "B."), when there are several. */
  contentParts?: Span[];
  /** A quotation that goes on in a sentence of its own, after the speaker's quoted sentence. */
  continues?: boolean;
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
  /** The primary speaker as named, and its kind. */
  speakerName?: string;
  speakerKind?: SpeakerKind;
  /** The language of a sentence the claim rules cannot read (no cue rules for it): who speaks is not known. */
  unread?: string;
}

// Words before a cue word that make it a noun ("the report", "recent reports", "official statements").
const NOUN_BEFORE = new Set(('the a an this these those its their his her our your such any no every each another recent new latest ' +
  'earlier previous initial unconfirmed conflicting multiple local some many several other ' +
  'conflicting early first second final joint').split(' '));
const PASSIVE = /\b(?:is|are|was|were|be|been|being)\s+(?:(?:\w+ly|also|not|widely|later|then|now|since|first)\s+)?$/i;
const OFFICIAL = /\b(?:Secretary|Official|Ambassador|Minister|Envoy|Deputy|Spokesperson|Spokesman|Spokeswoman|Representative|Administrator|Counselor|Director|Coordinator)\b/;
const NEGATED = /\b(?:not|never|n['’]t)\s+(?:(?:\w+ly|yet|immediately|publicly)\s+)?$/i;
// "declined to comment", "refused to say": the speaker says nothing on the matter (CAMEO 011, decline comment).
const DECLINE = /^\s+to\s+(?:comment|say|confirm|discuss|elaborate|speculate|answer|respond|specify|identify|disclose|reveal|give)\b/i;
// "press secretary", "report card": a cue word that is the first half of a compound noun.
const COMPOUND_NOUN = /^\s+(?:secretary|secretaries|office|offices|release|releases|conference|conferences|briefing|briefings|service|freedom|corps|card|cards|line|lines)\b/i;

// Forms that are as often plural nouns as verbs: "member states", "media reports", "his claims".
const AMBIGUOUS = new Set(['states', 'reports', 'claims', 'notes', 'charges', 'comments', 'points', 'answers', 'remarks', 'pledges', 'promises', 'calls', 'tweets', 'posts']);
const SINGULAR_SUBJECT = /(?:ministry|government|office|agency|president|minister|spokesman|spokeswoman|spokesperson|embassy|army|military|council|court|group|company|party|police|department|he|she|it)\s+$/i;

/**
 * True when a cue word is a noun here: an ambiguous plural after a lower-case word that is no singular
 * subject ("member states", "media reports"), or a base form before "of" or after an adjective naming a
 * nation ("the state of", "the Indian state of Haryana").
 */
function nounReading(word: string, lemma: string, before: string, after: string, mentions: readonly ActorMention[], at: number): boolean {
  const clause = /^\s*(?:that\b|:|[“"]|to\s+(?:have|be)\b|(?:for|on|upon)\b)/.test(after);
  const prevWord = /(\S+)\s+$/.exec(before)?.[1] ?? '';
  if (AMBIGUOUS.has(word.toLowerCase()) && !clause && /^[a-z]/.test(prevWord) && !SINGULAR_SUBJECT.test(before)) return true;
  if (word.toLowerCase() === lemma && /^\s+of\b/i.test(after)) return true;
  const prev = mentions.find((m) => m.end <= at && /^\s+$/.test(before.slice(m.end)));
  return word.toLowerCase() === lemma && prev?.via === 'demonym';
}

/** What the sentence-level pass needs from the document-level one. */
interface SentenceContext {
  speakers: DocumentSpeakers;
  index: number;
  /** True when offset `i` of the sentence lies inside a quotation that may span sentences. */
  inQuote: (i: number) => boolean;
}

/**
 * Attributes each sentence of a document: its speech events (who, which reporting verb or noun, what),
 * direct, indirect and mixed speech, "according to X", possessive statement nouns, sources named as
 * persons, organisations or unnamed sources whether or not the gazetteer knows them, coreference ("he
 * added", "the ministry urged") to the nearest compatible antecedent, and the document's own speaker
 * (a UN speech, a ministry's statement) for the rest. A speaker is kept as named ("Sergey Lavrov"), with
 * the actor it speaks for ("Russia") when the text supports it.
 */
export function attributeSentences(text: string, sentences: readonly Span[], gazetteer: Gazetteer, docSpeaker?: Actor, language = 'en'): Attribution[] {
  const lang = language.toLowerCase().split(/[-_]/)[0]!;
  if (lang !== 'en') return foreignAttributions(text, sentences, gazetteer, lang, docSpeaker);
  const dm = new DocumentMentions(gazetteer);
  const speakers = new DocumentSpeakers(docSpeaker);
  const docQuotes = documentQuotes(text);
  const first = sentences[0] ? text.slice(sentences[0].start, sentences[0].end) : '';
  speakers.interviewee = interviewee(first);
  let q0 = 0;
  let previous: SpeechEvent | undefined;
  return sentences.map((span, index) => {
    const s = text.slice(span.start, span.end);
    // Quotations are in text order, like the sentences: skip those that end before this one.
    while (q0 < docQuotes.length && docQuotes[q0]!.end <= span.start) q0++;
    const local = speakers.withoutPersonNames(dm.find(s), s);
    // In an interview the questions are the interviewer's: their "I" is not the interviewee.
    const para = speakers.interviewee === undefined ? '' : paragraphOf(text, span);
    speakers.questionTurn = para.length < 600 && /\?\s*$/.test(para);
    const near: Span[] = [];
    for (let k = q0; k < docQuotes.length && docQuotes[k]!.start < span.end; k++) near.push(docQuotes[k]!);
    const inQuote = near.length === 0 ? () => false : (i: number) => near.some((q) => span.start + i > q.start && span.start + i < q.end);
    const events = sentenceEvents(s, local, { speakers, index, inQuote }).map((e) => shift(ownOfficial(e, docSpeaker, sourceWords(s, e, speakers)), span.start));
    for (const e of events) widenQuote(e, docQuotes, text);
    const goesOn = events.length === 0 ? continuation(s, previous) : undefined;
    if (goesOn) events.push(shift(goesOn, span.start));
    previous = events.filter((e) => !e.secondary).at(-1);
    speakers.notePersons(index, s, local);
    const mentions = local.map((m) => ({ ...m, start: m.start + span.start, end: m.end + span.start }));
    const primary = events.find((e) => e.speaker && !e.negated) ?? events.find((e) => e.speakerName && !e.negated);
    if (primary) return { ...span, speaker: primary.speaker, cue: primary.cue, via: primary.via, events, mentions, speakerName: primary.speakerName, speakerKind: primary.speakerKind };
    if (docSpeaker) return { ...span, speaker: docSpeaker, via: 'document' as const, events, mentions, speakerName: docSpeaker.name, speakerKind: actorSpeaker(docSpeaker).kind };
    return { ...span, via: 'none' as const, events, mentions };
  });
}

/** The words naming an event's source, with the title of the person it resolves to ("the ambassador" for "she"). */
function sourceWords(s: string, e: SpeechEvent, speakers: DocumentSpeakers): string {
  const own = e.sourceStart !== undefined && e.sourceEnd !== undefined ? s.slice(e.sourceStart, e.sourceEnd) : '';
  return `${own} ${speakers.titleOf(e.speakerName) ?? ''}`;
}

/**
 * The person a document interviews, from its first line ("Interview with US political activist and
 * philosopher Noam Chomsky", "Wikinews interviews Christopher Hill, U.S. presidential candidate"): the
 * "I" of the answers.
 */
function interviewee(first: string): string | undefined {
  const m = /\binterview(?:s|ed)?\b(?:\s+with)?/i.exec(first);
  if (!m) return undefined;
  return personNames(first.slice(m.index + m[0].length), [])[0]?.text;
}

function paragraphOf(text: string, span: Span): string {
  const end = text.indexOf('\n', span.end);
  return text.slice(text.lastIndexOf('\n', span.start) + 1, end < 0 ? text.length : end);
}

/**
 * Sentences of a document in another language: the cue rules of that language (Russian, Ukrainian:
 * claims/cues-lang.ts), or, where there are none, sentences marked unread, so that their claims are never
 * taken for the outlet's own reported fact.
 */
function foreignAttributions(text: string, sentences: readonly Span[], gazetteer: Gazetteer, lang: string, docSpeaker?: Actor): Attribution[] {
  const rules = hasClaimRules(lang);
  return sentences.map((span) => {
    const s = text.slice(span.start, span.end);
    const events = rules ? foreignSpeechEvents(s, lang, gazetteer, span.start).map((e) => foreignSpeaker(text, e)) : [];
    const mentions = gazetteer.find(s).map((m) => ({ ...m, start: m.start + span.start, end: m.end + span.start }));
    const primary = events.find((e) => (e.speaker || e.speakerName) && !e.negated);
    if (primary) return { ...span, speaker: primary.speaker, cue: primary.cue, via: primary.via, events, mentions, speakerName: primary.speakerName, speakerKind: primary.speakerKind };
    if (docSpeaker) return { ...span, speaker: docSpeaker, via: 'document' as const, events, mentions, speakerName: docSpeaker.name, speakerKind: actorSpeaker(docSpeaker).kind };
    return { ...span, via: 'none' as const, events, mentions, ...(!rules && { unread: lang }) };
  });
}

/**
 * The speaker of a foreign event as named: the capitalised phrase around its actor mention up to the cue
 * ("МИД России" rather than "России"), a person for a name of two or three words without the actor's own
 * name in it ("Дмитрий Песков"), an organisation for a phrase that holds it.
 */
function foreignSpeaker(text: string, e: SpeechEvent): SpeechEvent {
  if (!e.speaker || e.sourceStart === undefined) {
    return { ...e, speakerName: e.speakerName ?? e.sourceText, speakerKind: e.speakerKind ?? (e.speaker ? actorSpeaker(e.speaker).kind : 'unnamed') };
  }
  const end = e.sourceEnd ?? e.sourceStart;
  const before = text.slice(Math.max(0, e.sourceStart - 60), e.sourceStart);
  const lead = /((?:\p{Lu}[\p{L}-]*\s+){1,3})$/u.exec(before)?.[1] ?? '';
  const name = `${lead}${text.slice(e.sourceStart, end)}`.trim();
  const words = name.split(/\s+/);
  const actorOnly = name === e.speakerName && words.length === 1;
  const kind = actorOnly ? actorSpeaker(e.speaker).kind : lead ? 'organisation' : words.length >= 2 && words.length <= 3 ? 'person' : actorSpeaker(e.speaker).kind;
  return { ...e, speakerName: actorOnly ? e.speaker.name : name, speakerKind: kind };
}

/** “A,” said X. “B.”: a sentence that is all quotation goes on with the speaker of the quote before it. */
function continuation(s: string, prev: SpeechEvent | undefined): SpeechEvent | undefined {
  if (!prev || prev.mode !== 'direct' || prev.negated || !(prev.speaker || prev.speakerName)) return undefined;
  const m = /^[“"]([^“”"]+)[”"]$/.exec(s.trim());
  if (!m) return undefined;
  const start = s.indexOf(m[1]!);
  return { ...prev, cue: '', cueStart: 0, cueEnd: 0, sourceStart: undefined, sourceEnd: undefined, content: trim(s, { start, end: start + m[1]!.length }),
    contentParts: undefined, via: prev.via === 'explicit' ? 'coreference' : prev.via, secondary: false, continues: true };
}

type Found = { speaker: Speaker; via: 'explicit' | 'coreference' | 'document'; start: number; end: number };

/** The speech events of one sentence (offsets relative to the sentence). */
function sentenceEvents(s: string, mentions: ActorMention[], ctx: SentenceContext): SpeechEvent[] {
  const quotes = quoteSpans(s);
  const inQuote = (i: number) => ctx.inQuote(i) || quotes.some((q) => i > q.start && i < q.end);
  const events: SpeechEvent[] = accordingEvents(s, mentions, ctx);
  for (const w of s.matchAll(/[\p{L}]+(?:['’-][\p{L}]+)*/gu)) {
    const cue = cueVerb(w[0]);
    if (!cue || inQuote(w.index)) continue;
    // "United States", "Press Secretary": a capitalised word inside a name is not a verb.
    if (/^\p{Lu}/u.test(w[0]) && (w.index > 0 || mentions.some((m) => w.index >= m.start && w.index < m.end))) continue;
    const before = s.slice(0, w.index);
    const prevWord = /([\p{L}]+)[\s]*$/u.exec(before)?.[1]?.toLowerCase();
    if (prevWord && NOUN_BEFORE.has(prevWord)) continue;
    // "the Church's requests", "to determine whether", "After calling the office": a noun, an infinitive, a participle clause.
    if (/['’]s?\s+$/u.test(before) || /\bto\s+$/i.test(before) && !/\baccording\s+to\s+$/i.test(before)) continue;
    if (/ing$/.test(w[0]) && !/,\s*$/.test(before) && !/\b(?:is|are|was|were|been|be)\s+$/i.test(before)) continue;
    // "called the Sea Org": naming, not speech; "called for", "called on" and "called the claims a fabrication" are.
    if (cue.lemma === 'call' && !/^\s+(?:for|on|upon)\b/i.test(s.slice(w.index + w[0].length)) && !/[“"]|\b(?:lie|lies|fabricat|false|baseless|nonsense|absurd|provocation|terror|criminal|illegal|unacceptable)/i.test(s.slice(w.index + w[0].length))) continue;
    const after = s.slice(w.index + w[0].length);
    if (COMPOUND_NOUN.test(after)) continue;
    if (nounReading(w[0], cue.lemma, before, after, mentions, w.index)) continue;
    // Passives ("is reported to", "soldiers said to be surrounded", "designated by") are not speech by the subject.
    if (PASSIVE.test(s.slice(0, w.index)) || /^\s+(?:to\s+(?:be|have\s+been)\b|by\b)/.test(after) && /(?:ed|en|wn|said|told|made|thought|found|known)$/.test(w[0])) continue;
    // Belief verbs ("think", "know", "want") report only a clause ("I think that ..."), not an object ("want peace").
    if (cue.weak && !/^\s+(?:that\b|(?:it|this|there|we|they|he|she|i|you|the|a|an|[\p{Lu}][\p{L}]*)\s+[\p{L}]+)/u.test(after)) continue;
    const ev = cueEvent(s, w.index, w[0], cue, mentions, quotes, events, ctx);
    if (ev) events.push(ev);
  }
  if (!events.some((e) => e.speaker || e.sourceText || e.speakerName)) events.push(...nounEvents(s, mentions));
  events.sort((a, b) => a.cueStart - b.cueStart);
  clipContents(s, events);
  return events;
}

/** "according to X, ..." / "..., according to X". */
function accordingEvents(s: string, mentions: ActorMention[], ctx: SentenceContext): SpeechEvent[] {
  const out: SpeechEvent[] = [];
  for (const m of s.matchAll(/\baccording to\s+/gi)) {
    const at = m.index + m[0].length;
    const np = phraseAfter(s, at - 1);
    const who = mentions.find((x) => x.start >= at && x.start <= at + 40);
    const found = np ? ctx.speakers.resolve(np, s, mentions, ctx.index) : unnamedAfter(s, at);
    const name = who || found ? undefined : /^(?:the\s+)?((?:\p{Lu}[\p{L}.-]*\s*){1,4})/u.exec(s.slice(at))?.[1]?.trim();
    const atStart = s.slice(0, m.index).trim().length === 0 || /^[\s,]*$/.test(s.slice(0, m.index).replace(/^\S+\s*—\s*/, ''));
    // "According to X, Y" (or, without the comma, "According to X Y": Y starts where the source ends).
    const comma = s.indexOf(',', at);
    const phraseEnd = comma >= 0 ? comma + 1 : np ? np.end : at;
    const content = atStart ? { start: phraseEnd, end: s.length } : { start: 0, end: m.index };
    // "according to the Saudi Interior Ministry": the phrase names the source; its actor mention says whom it speaks for.
    const actor = found?.speaker.actor ?? (found ? undefined : who?.actor);
    out.push({ speaker: actor, coSpeakers: [], sourceText: actor ? undefined : found?.speaker.name ?? name, sourceStart: at,
      sourceEnd: np ? np.end : undefined, cue: 'according to', cueStance: 'statement', cueStart: m.index, cueEnd: m.index + 12,
      content: trim(s, content), mode: 'according', via: found?.via ?? 'explicit', secondary: false, negated: false,
      speakerName: found?.speaker.name ?? who?.actor.name ?? name, speakerKind: found?.speaker.kind ?? (who ? actorSpeaker(who.actor).kind : name ? 'unnamed' : undefined) });
  }
  return out;
}

/** "according to the event website": a common-noun source that no lexicon names. */
function unnamedAfter(s: string, at: number): Found | undefined {
  const m = /^(?:the|a|an|its|his|her|their)\s+(?:[\p{L}-]+\s+){0,3}?[\p{L}-]+(?=\s*(?:[,.;:]|$))/u.exec(s.slice(at));
  return m ? { speaker: { name: m[0], kind: 'unnamed' }, via: 'explicit', start: at, end: at + m[0].length } : undefined;
}

type Cue = NonNullable<ReturnType<typeof cueVerb>>;

/** The event of one reporting verb: its source (before it, after it when inverted, or the speaker going on), cue and content. */
function cueEvent(s: string, at: number, word: string, cue: Cue, mentions: ActorMention[], quotes: Span[],
  events: readonly SpeechEvent[], ctx: SentenceContext): SpeechEvent | undefined {
  const cueEnd = at + word.length;
  const prev = events.filter((e) => !e.secondary && e.mode !== 'according').at(-1);
  const decline = (cue.lemma === 'decline' || cue.lemma === 'refuse') && DECLINE.test(s.slice(cueEnd));
  const base = { coSpeakers: [] as Actor[], cue: word.toLowerCase(), cueStance: cue.stance, cueStart: at, cueEnd, secondary: false,
    negated: decline || NEGATED.test(s.slice(0, at)) };
  // "..., calling for de-escalation" / "... and says": the same speaker goes on.
  if (prev && (/ing$/.test(word) && /,\s*$/.test(s.slice(0, at)) || /\s(?:and|while|before|after)\s+(?:\w+ly\s+)?$/.test(s.slice(prev.cueEnd, at)))) {
    return { ...base, speaker: prev.speaker, sourceText: prev.sourceText, content: contentAfter(s, cueEnd), mode: 'indirect', via: prev.via,
      secondary: true, speakerName: prev.speakerName, speakerKind: prev.speakerKind };
  }
  const inverted = /[”"],?\s*$|,\s*$/.test(s.slice(0, at)) ? invertedSource(s, cueEnd, mentions, ctx) : undefined;
  if (inverted) {
    const q = quotes.filter((x) => x.end <= at).at(-1);
    // A quotation that opened in an earlier sentence ("“A. B,” said X."): widened to the whole quote later.
    if (!q && /[”"],?\s*$/.test(s.slice(0, at))) {
      return withSpeaker({ ...base, sourceStart: inverted.start, sourceEnd: inverted.end, content: trim(s, { start: 0, end: s.slice(0, at).search(/[”"],?\s*$/) }), mode: 'direct' }, inverted, quotes);
    }
    return withSpeaker({ ...base, sourceStart: inverted.start, sourceEnd: inverted.end,
      content: trim(s, q ? { start: q.start + 1, end: q.end - 1 } : { start: 0, end: at }), mode: q ? 'direct' : 'indirect' }, inverted, quotes);
  }
  const from = prev ? prev.cueEnd : 0;
  const found = sourceBefore(s, at, mentions, from, ctx);
  if (!found) return undefined;
  const quoteBefore = quotes.filter((x) => x.end <= found.start).at(-1);
  // "“…,” Mr Hale said in Naples, Florida.": the quote before the source is the content, whatever follows the verb.
  const directBefore = quoteBefore && /^[\s,]*$/.test(s.slice(quoteBefore.end, found.start)) && !/^\s*(?:that\b|:|[“"])/.test(s.slice(cueEnd));
  const content = directBefore ? trim(s, { start: quoteBefore.start + 1, end: quoteBefore.end - 1 }) : contentOf(s, cueEnd, found.start, quotes);
  const ev = withSpeaker({ ...base, sourceStart: found.start, sourceEnd: found.end, content, mode: 'indirect' }, found, quotes);
  interrupted(s, ev, quotes);
  return ev;
}

/** The source before a reporting verb: an actor of the gazetteer (with coordinated ones), else a phrase resolved by the document's speakers. */
function sourceBefore(s: string, at: number, mentions: ActorMention[], from: number, ctx: SentenceContext): (Found & { co: Actor[] }) | undefined {
  const subj = subjectBefore(s, at, mentions, from);
  const np = phraseBefore(s, at, from);
  if (subj.kind === 'actor') {
    const m = subj.mention;
    const start = (subj.coordinated[0] ?? m).start;
    // "Canada, the EU and Turkey call for ...": the coordinated actors speak, each for itself.
    const resolved = np && np.start <= m.start && np.end >= m.end && subj.coordinated.length === 0 ? ctx.speakers.resolve(np, s, mentions, ctx.index) : undefined;
    const speaker = resolved?.speaker ?? actorSpeaker(m.actor);
    return { speaker: speaker.kind === 'person' && !speaker.actor && m.via === 'person' ? { ...speaker, actor: m.actor } : speaker,
      via: resolved?.via ?? 'explicit', start: Math.min(start, np?.start ?? start), end: np?.end ?? m.end, co: subj.coordinated.map((x) => x.actor) };
  }
  if (!np) {
    if (subj.kind === 'unnamed') return { speaker: { name: subj.text, kind: 'unnamed' }, via: 'explicit', start: subj.start, end: at, co: [] };
    return undefined;
  }
  const r = ctx.speakers.resolve(np, s, mentions, ctx.index);
  if (!r) return undefined;
  return { ...r, start: np.start, end: np.end, co: [] };
}

/** The source named after an inverted reporting verb ("..., said Lavrov", "says the Kremlin", "said Tom Reyes, a historian"). */
function invertedSource(s: string, cueEnd: number, mentions: ActorMention[], ctx: SentenceContext): Found | undefined {
  const np = phraseAfter(s, cueEnd);
  const m = subjectAfter(s, cueEnd, mentions);
  if (!np && !m) return undefined;
  const r = np ? ctx.speakers.resolve(np, s, mentions, ctx.index) : undefined;
  if (r) return { ...r, start: np!.start, end: np!.end };
  return m ? { speaker: actorSpeaker(m.actor), via: 'explicit', start: m.start, end: m.end } : undefined;
}

function withSpeaker(e: Omit<SpeechEvent, 'speaker' | 'via' | 'coSpeakers'> & { coSpeakers: Actor[] }, f: Found & { co?: Actor[] }, quotes: Span[]): SpeechEvent {
  const sp = f.speaker;
  const ev: SpeechEvent = { ...e, speaker: sp.actor, coSpeakers: f.co ?? [], via: f.via, speakerName: sp.name, speakerKind: sp.kind,
    sourceText: sp.actor ? undefined : sp.name };
  if (ev.mode !== 'direct' && quotes.some((q) => q.start >= ev.content.start - 1 && q.end <= ev.content.end + 3 && q.end - q.start > (ev.content.end - ev.content.start) * 0.6)) ev.mode = 'direct';
  return ev;
}

/** "“A,” he said, “B.”": the quote after the reporting clause is the second part of the content. */
function interrupted(s: string, ev: SpeechEvent, quotes: Span[]): void {
  if (ev.mode !== 'direct') return;
  const next = quotes.find((q) => q.start >= ev.cueEnd && /^[\s,]*$/.test(s.slice(ev.cueEnd, q.start)));
  if (!next) return;
  const first = { ...ev.content };
  const second = { start: next.start + 1, end: next.end - 1 };
  ev.contentParts = [first, second];
  ev.content = { start: first.start, end: second.end };
}

/** Content of an event stops where the next event's source (or a coordinated verb, "... and vows") begins. */
function clipContents(s: string, events: SpeechEvent[]): void {
  for (let i = 0; i + 1 < events.length; i++) {
    const next = events[i + 1]!;
    let stop = next.secondary || next.mode === 'according' ? next.cueStart : next.sourceStart ?? next.cueStart;
    if (next.secondary) {
      const m = s.slice(0, stop).search(/(?:,\s*|\s+and\s+|\s+while\s+)(?:\w+ly\s+)?$/);
      if (m >= 0) stop = m;
    }
    const e = events[i]!;
    if (e.contentParts) continue;
    if (e.content.end > stop && stop > e.content.start) {
      const cut = s.slice(e.content.start, stop).replace(/(?:[,;]?\s+(?:while|and|but|whereas|as|though|although))+\s*$/i, '');
      e.content = trim(s, { start: e.content.start, end: e.content.start + cut.length });
    }
  }
}

/** Quotations of the whole document, paired within a paragraph (a quote may run over several sentences). */
function documentQuotes(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(/“[^”\n]*”|"[^"\n]*"/g)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

function trimText(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /[\s,;:—–-]/.test(text[start]!)) start++;
  while (end > start && /[\s,;:—–”"-]/.test(text[end - 1]!)) end--;
  return { start, end };
}

/** A direct quote cut at the sentence break widens to the whole quotation ("“A. B,” he said."). */
function widenQuote(e: SpeechEvent, quotes: readonly Span[], text: string): void {
  if (e.mode !== 'direct' && e.mode !== 'indirect') return;
  const q = quotes.find((x) => x.start < e.content.end && e.content.start < x.end);
  if (!q) return;
  const inner = { start: q.start + 1, end: q.end - 1 };
  if (inner.start < e.content.start && e.content.start - inner.start < 2000 && /[.!?]/.test(text.slice(inner.start, e.content.start))) {
    if (e.mode === 'direct' && !e.contentParts) e.content = trimText(text, { start: inner.start, end: Math.max(e.content.end, Math.min(inner.end, e.content.end + 2)) });
  }
  // "X said: “A. B.”": a quotation that goes on past the sentence.
  if (inner.end > e.content.end && e.content.start <= inner.start + 1 && inner.end - e.content.end < 2000 && /[.!?]/.test(text.slice(e.content.end, inner.end - 1))) {
    e.content = trimText(text, { start: e.content.start, end: inner.end });
    e.mode = 'direct';
  }
}

/**
 * In a speaker's own document, a titled official it does not tie to anyone else ("Senior Bureau Official
 * Moy", "the Ambassador", "she" for her) speaks for it.
 */
function ownOfficial(e: SpeechEvent, docSpeaker: Actor | undefined, title: string): SpeechEvent {
  if (e.speaker || !docSpeaker || !(e.sourceText && OFFICIAL.test(e.sourceText) || OFFICIAL.test(title))) return e;
  return { ...e, speaker: docSpeaker, sourceText: undefined, via: e.via === 'explicit' ? 'document' : e.via, speakerName: e.speakerName };
}

function shift(e: SpeechEvent, by: number): SpeechEvent {
  const at = (x: Span) => ({ start: x.start + by, end: x.end + by });
  return {
    ...e, cueStart: e.cueStart + by, cueEnd: e.cueEnd + by, sourceStart: e.sourceStart === undefined ? undefined : e.sourceStart + by,
    sourceEnd: e.sourceEnd === undefined ? undefined : e.sourceEnd + by, content: at(e.content),
    ...(e.contentParts && { contentParts: e.contentParts.map(at) }),
  };
}
