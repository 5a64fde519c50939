import { createHash } from 'node:crypto';
import type { Span } from '../corpus/sentences.js';
import type { Actor, ActorMention } from './actors.js';
import type { Attribution, SpeechEvent } from './attribution.js';
import { lemmaOf, type StanceLabel } from './cues.js';
import { coreClause, leadingReport, mainClause } from './clauses.js';
import { certaintyOf, type Certainty } from './hedges.js';
import { signatureOf, type Signature } from './signature.js';
import type { SpeakerKind } from './speaker-resolve.js';
import { stanceOf } from './stance.js';

/** What a mention contributes to its claim: it asserts it, denies it, or reacts to something (condemns, urges...). */
export type { MentionRole } from '../core/ledger.js';
import type { MentionRole } from '../core/ledger.js';

/** One statement of a proposition in one document: who, which stance, how certain, and the exact text. */
export interface ExtractedMention {
  id: string;
  docId: string;
  /** Offsets of `text` in the document (a sentence or a clause of it). */
  start: number;
  end: number;
  text: string;
  sentenceStart: number;
  sentenceEnd: number;
  /** The actor the speaker speaks for (a state or body), when the text supports it. */
  speaker?: Actor;
  /** Who spoke, as named ("Sergey Lavrov", "a senior European diplomat"), and what kind of source. */
  speakerName?: string;
  speakerKind?: SpeakerKind;
  coSpeakers: Actor[];
  sourceText?: string;
  cue?: string;
  stance: StanceLabel;
  cameo: string;
  /** Further stances of the same speaker in the sentence ("..., calling for de-escalation"). */
  also: StanceLabel[];
  certainty: Certainty;
  hedges: string[];
  role: MentionRole;
  /** How the speaker was found; 'model' when an LLM named a speaker the sentence mentions (CLAIMS_MODE=llm). */
  via: Attribution['via'] | 'model';
  sig: Signature;
  /** "the claims", "Russia's accusations", "such attack": the claim this refers back to. */
  anaphor?: { kind: 'claim' | 'event'; speaker?: string };
  /** A factive cue ("confirmed", "acknowledged"): the outlet presents the content as fact. */
  factive: boolean;
}

const DATELINE = /^[A-Z][\p{L} .,'’-]{1,40}\s[—–-]\s/u;
const LEAD_IN = /\b(?:after|as|when|since|because|while|following|amid|once)\s+$/i;
const TAIL = /,\s+(?:though|although|but|while|whereas)\s+/g;
const BOUNDARY = /,\s+(?=(?:an?|the|this)\s+(?:allegation|claim|accusation|charge|assertion)\b)|,\s+(?:which|while|whereas|but|though|although)\b|;\s+|\s+[—–]\s+|,\s+and\s+/g;
const CLAIM_ANAPHOR = /^(?:(?:an?|the|these|those|such|this|that|its|their|his|her|all)\s+)?(?:(?:[\p{L}]+['’]s?)\s+)?(?:(?:latest|new|same|russian|ukrainian|recent)\s+)?(?:claims?|allegations?|accusations?|reports?|charges?|assertions?|narrative|story|statements?)\b/iu;
const EVENT_ANAPHOR = /\b(?:the|this|that|such|any such|any)\s+(?:alleged\s+)?(?:incident|attack|strike|attempt|event|operation|assault)\b/i;
const FACTIVE = new Set(['confirm', 'acknowledge', 'admit', 'reveal']);
const DISTANCING = new Set(['claim', 'allege']);
const MIN_WORDS = 4;

/** Stable id of a mention: the same document text always gives the same id. */
export function mentionId(docId: string, start: number, end: number): string {
  return `c${createHash('sha256').update(`${docId}:${start}:${end}`).digest('hex').slice(0, 9)}`;
}

/**
 * Turns attributed sentences into claim mentions. A sentence with several speakers ("Russia accused
 * Ukraine ..., an allegation Kyiv has rejected") gives one mention per speaker; a hedged tail clause
 * ("..., though all 91 drones were reportedly shot down") is its own mention, still the speaker's.
 * Sentences of the outlet's own voice become reports; very short lines (headings) are skipped.
 */
export function extractMentions(docId: string, text: string, attributions: readonly Attribution[]): ExtractedMention[] {
  const out: ExtractedMention[] = [];
  for (const a of attributions) {
    const sentence = text.slice(a.start, a.end);
    if ((sentence.match(/[\p{L}]+/gu) ?? []).length < MIN_WORDS) continue;
    let start = a.start + (DATELINE.exec(sentence)?.[0].length ?? 0);
    const main = a.events.filter((e) => !e.secondary && (e.speaker || e.sourceText));
    if (main.length === 0) {
      // In a speaker's own document (a speech, a ministry statement) a sentence without a reporting verb
      // is a claim only when it takes a stance ("Iran continues to arm its proxies": an accusation);
      // in a news report every sentence of the outlet's own voice is one.
      if (a.via === 'document') {
        const m = build(docId, text, a, { start, end: a.end, tail: false }, undefined, a.speaker, a.mentions);
        if (m.stance !== 'statement') out.push(m);
        continue;
      }
      for (const seg of tails(text, { start, end: a.end })) out.push(build(docId, text, a, seg, undefined, undefined, a.mentions));
      continue;
    }
    main.forEach((e, i) => {
      const next = main[i + 1];
      const end = next ? boundaryBefore(text, e.cueEnd, next.sourceStart ?? next.cueStart) : a.end;
      let segStart = start;
      if (e.sourceStart !== undefined && e.sourceStart > segStart && LEAD_IN.test(text.slice(segStart, e.sourceStart))) segStart = e.sourceStart;
      const lead = i === 0 && e.sourceStart !== undefined && e.sourceStart > segStart ? leadingReport(text.slice(segStart, e.sourceStart)) : 0;
      if (lead > 0) {
        out.push(build(docId, text, a, { ...trim(text, { start: segStart, end: segStart + lead }), tail: false }, undefined, undefined, a.mentions));
        segStart += lead;
      }
      start = end;
      for (const seg of tails(text, trim(text, { start: segStart, end }), e)) out.push(build(docId, text, a, seg, e, e.speaker, a.mentions));
    });
  }
  return dedupe(out).map((m) => {
    const lang = unreadOf(attributions, m);
    return lang ? { ...m, certainty: 'unread' as const, hedges: [`language ${lang}: not read`] } : m;
  });
}

/** The language of the unread sentence a mention comes from, if it does. */
function unreadOf(attributions: readonly Attribution[], m: ExtractedMention): string | undefined {
  if (!m.speaker && !m.speakerName) return attributions.find((a) => a.start === m.sentenceStart)?.unread;
  return undefined;
}

/**
 * The mention of one span of an attributed sentence in the outlet's or the sentence speaker's voice,
 * built like any other (signature, stance, certainty), whether or not a reporting verb makes it a claim.
 */
export function spanMention(docId: string, text: string, a: Attribution, span: Span): ExtractedMention {
  return build(docId, text, a, { ...trim(text, span), tail: false }, undefined, a.speaker, a.mentions);
}

function build(docId: string, text: string, a: Attribution, seg: Span & { tail: boolean }, e: SpeechEvent | undefined,
  speaker: Actor | undefined, mentions: ActorMention[]): ExtractedMention {
  const segText = text.slice(seg.start, seg.end);
  const content = e && !seg.tail ? clip(e.content, seg) : seg;
  const contentText = text.slice(content.start, content.end);
  const local = mentions.filter((m) => m.start >= content.start && m.end <= content.end)
    .map((m) => ({ ...m, start: m.start - content.start, end: m.end - content.start }));
  let sig = signatureOf(contentText, local);
  const { certainty: c } = certaintyOf(seg.tail ? segText : contentText);
  const lemma = e && !seg.tail ? lemmaOf(e.cue) : undefined;
  const hasSpeaker = !!(speaker || e?.sourceText || e?.speakerName);
  const stance = seg.tail
    ? stanceOf({ content: contentText, hasSpeaker, speakerId: speaker?.id, cueStance: 'statement', agents: agentsOf(sig), actors: sig.actors })
    : stanceOf({ lemma, cueStance: e?.cueStance, content: contentText, hasSpeaker, speakerId: speaker?.id,
      agents: agentsOf(sig), actors: sig.actors, noEvidence: c === 'no-evidence', factive: !!lemma && FACTIVE.has(lemma), negated: e?.negated });
  const role: MentionRole = stance.label === 'deny' || stance.label === 'contradict' ? 'denial'
    : ['statement', 'accuse', 'report', 'no-evidence'].includes(stance.label) ? 'assertion' : 'reaction';
  // An assertion is clustered on its main clause ("..., near where Sarvarov was killed" is another event).
  if (role === 'assertion') {
    const head = coreClause(contentText);
    if (head.trim().length >= 20 && head.length < contentText.length) sig = signatureOf(head, local.filter((m) => m.end <= head.length));
  }
  // An assertion is hedged when its main clause is; "according to X" and "X claims" distance it too.
  const scoped = role === 'assertion' ? certaintyOf(mainClause(seg.tail ? segText : contentText)) : certaintyOf(seg.tail ? segText : contentText);
  const distanced = !seg.tail && (e?.mode === 'according' || (lemma !== undefined && DISTANCING.has(lemma)));
  const certainty: Certainty = role === 'denial' ? (c === 'no-evidence' ? 'no-evidence' : 'denied')
    : scoped.certainty === 'asserted' && distanced ? 'hedged' : scoped.certainty;
  const cues = scoped.cues;
  const anaphorText = role === 'denial' && !seg.tail ? firstOf(contentText, segText) : contentText;
  const possessor = /claim|allegation|accusation/i.test(anaphorText) ? /^(?:[\p{L} ]*?)([\p{L}]+)['’]s?\s+(?:claims?|allegations?|accusations?)/u.exec(anaphorText) : null;
  const anaphor = CLAIM_ANAPHOR.test(anaphorText.trim()) || (role === 'denial' && CLAIM_ANAPHOR.test(segText.trim()))
    ? { kind: 'claim' as const, speaker: possessor ? local.find((m) => contentText.slice(m.start, m.end) === possessor[1])?.actor.id : undefined }
    : EVENT_ANAPHOR.test(contentText) ? { kind: 'event' as const } : undefined;
  const also = a.events.filter((x) => x.secondary && x.speaker?.id === speaker?.id && x.cueStart > (e?.cueStart ?? -1)
    && x.cueStart < seg.end).map((x) => stanceOf({ lemma: lemmaOf(x.cue), cueStance: x.cueStance, content: text.slice(x.content.start, x.content.end), hasSpeaker: true }).label);
  return {
    id: mentionId(docId, seg.start, seg.end), docId, start: seg.start, end: seg.end, text: segText,
    sentenceStart: a.start, sentenceEnd: a.end, speaker, coSpeakers: e?.coSpeakers ?? [], sourceText: speaker ? undefined : e?.sourceText,
    speakerName: e?.speakerName ?? (speaker ? a.speakerName ?? speaker.name : undefined), speakerKind: e?.speakerKind ?? (speaker ? a.speakerKind : undefined),
    cue: seg.tail ? undefined : e?.cue, stance: stance.label, cameo: stance.code, also: [...new Set(also)].filter((x) => x !== stance.label),
    certainty, hedges: cues.map((x) => x.cue), role, via: speaker ? (e?.via ?? a.via) : 'none', sig, anaphor,
    factive: !!lemma && FACTIVE.has(lemma),
  };
}

/** Splits off a hedged or contrasting tail clause that has no speaker of its own. */
function tails(text: string, span: Span, e?: SpeechEvent): (Span & { tail: boolean })[] {
  const s = text.slice(span.start, span.end);
  for (const m of s.matchAll(TAIL)) {
    const at = span.start + m.index;
    if (e && at < e.cueEnd) continue;
    const rest = { start: at + m[0].length, end: span.end };
    const words = (text.slice(rest.start, rest.end).match(/[\p{L}]+/gu) ?? []).length;
    if (words < MIN_WORDS || certaintyOf(text.slice(rest.start, rest.end)).certainty === 'asserted') continue;
    return [{ ...trim(text, { start: span.start, end: at }), tail: false }, { ...trim(text, rest), tail: true }];
  }
  return [{ ...span, tail: false }];
}

/** Where one speaker's clause ends before the next speaker's: the last clause boundary, else the next source. */
function boundaryBefore(text: string, from: number, nextSource: number): number {
  let best = nextSource;
  for (const m of text.slice(from, nextSource).matchAll(BOUNDARY)) best = from + m.index;
  return best;
}

function agentsOf(sig: Signature): string[] {
  return sig.agents.map((x) => x.split('>')[0]!);
}

function firstOf(content: string, seg: string): string {
  return content.trim().length > 0 ? content : seg;
}

function clip(content: Span, seg: Span): Span {
  const start = Math.max(content.start, seg.start);
  const end = Math.min(content.end, seg.end);
  return end > start ? { start, end } : seg;
}

function trim(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /[\s,;:—–-]/.test(text[start]!)) start++;
  while (end > start && /[\s,;:—–-]/.test(text[end - 1]!)) end--;
  return { start, end };
}

function dedupe(xs: ExtractedMention[]): ExtractedMention[] {
  const seen = new Set<string>();
  return xs.filter((x) => x.end - x.start > 0 && !seen.has(x.id) && seen.add(x.id));
}
