import type { Span } from '../corpus/sentences.js';
import type { ActorMention } from './actors.js';
import type { SpeechEvent } from './attribution.js';
import { CUE_NOUNS } from './cues.js';

const COMPLEMENT = /^\s*(?:of|that|on|over|about|against|to|for|regarding|concerning|:|[“"])/;

/** "Pakistan's condemnation of ...", "a statement by the ministry", "warnings from the embassy". */
export function nounEvents(s: string, mentions: ActorMention[]): SpeechEvent[] {
  const out: SpeechEvent[] = [];
  for (const m of mentions) {
    const poss = /^['’]s?\s+(?:(?:[\p{L}-]+ly|official|latest|strong|firm|new|joint|earlier|consistent)\s+)?([\p{L}]+)/u.exec(s.slice(m.end));
    const by = /\b([\p{L}]+)\s+(?:by|from)\s+(?:the\s+)?$/u.exec(s.slice(0, m.start));
    const noun = (poss?.[1] ?? by?.[1])?.toLowerCase();
    const stance = noun ? CUE_NOUNS[noun] : undefined;
    if (!noun || !stance) continue;
    const cueStart = poss ? m.end + poss[0].length - poss[1]!.length : by!.index;
    // "Pakistan's condemnation of the attack": the complement is what was said. "Pakistan's condemnation
    // reflects ..." is the outlet's reading of it, not the party's statement.
    if (poss && !COMPLEMENT.test(s.slice(cueStart + noun.length))) continue;
    // Further into the sentence ("... reflects Islamabad's consistent call for ..."), it is the outlet's reading.
    if (poss && !/^(?:\s*|.*[—–]\s*|(?:in|on|at)\s+[^,]{0,40},\s*)$/iu.test(s.slice(0, m.start))) continue;
    out.push({ speaker: m.actor, coSpeakers: [], sourceStart: m.start, sourceEnd: m.end, cue: noun, cueStance: stance, cueStart, cueEnd: cueStart + noun.length,
      content: trim(s, { start: poss ? cueStart + noun.length : 0, end: s.length }), mode: 'noun', via: 'explicit', secondary: false,
      negated: false, speakerName: m.actor.name, speakerKind: m.actor.kind === 'country' ? 'state' : 'organisation' });
    break;
  }
  return out;
}

/** What follows the cue ("asserted on Monday that X" -> "X"), or what precedes a sentence-final "..., X says." */
export function contentOf(s: string, cueEnd: number, subjectStart: number, quotes: Span[]): Span {
  const after = s.slice(cueEnd);
  if (/^\s*(?:(?:on|in|last|this)\s+\w+\s*)?[.!?]?["”]?\s*$/.test(after) || /^\s*[.!?]/.test(after)) {
    const q = quotes.filter((x) => x.end <= subjectStart).at(-1);
    return q ? { start: q.start + 1, end: q.end - 1 } : trim(s, { start: 0, end: subjectStart });
  }
  return contentAfter(s, cueEnd);
}

const TIME = String.raw`(?:(?:on|last|this|earlier|late|early)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year|today|night|morning|evening)\s+)?`;
const LEAD = new RegExp(String.raw`^\s*${TIME}(?:,\s*)?(?:that\s+|:\s*)?`);
// "told reporters (on Monday) that ...", "told the BBC ...", "assured Kyiv that ...": the addressee is not the content.
const ADDRESSEE = new RegExp(String.raw`^\s+(?:(?:the|a|an|his|her|their|its)\s+)?(?:[\p{L}'’.-]+\s+){0,4}?(?:${TIME.slice(3, -2)}\s+)?(?:that\s+|:\s*)`, 'u');
const ADDRESSEE_NP = /^\s+(?:reporters|journalists|lawmakers|parliament|the (?:media|press|audience|crowd|parliament|assembly|council|newspaper|agency|broadcaster)|a (?:news|press) (?:conference|briefing)|(?:the\s+)?\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*){0,3})(?:\s+(?:on|in)\s+\p{Lu}\w+)?(?:\s*,)?\s+/u;
const TELL = /^(?:told|tells?|telling|informed|informs?|assured|assures?|briefed|briefs?|reminded|reminds?|warned|warns?|urged|urges?)$/i;

/** The content after a cue: skips "on Monday", "that", a colon, and the addressee of "told reporters". */
export function contentAfter(s: string, cueEnd: number): Span {
  const after = s.slice(cueEnd);
  const cue = /[\p{L}]+$/u.exec(s.slice(0, cueEnd))?.[0] ?? '';
  if (TELL.test(cue)) {
    const a = ADDRESSEE.exec(after) ?? (/^(?:told|tells?|telling|informed|briefed)$/i.test(cue) ? ADDRESSEE_NP.exec(after) : null);
    if (a) return trim(s, { start: cueEnd + a[0].length, end: s.length });
  }
  const m = LEAD.exec(after)!;
  return trim(s, { start: cueEnd + m[0].length, end: s.length });
}

/** The span without surrounding spaces and punctuation. */
export function trim(s: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /[\s,;:—–-]/.test(s[start]!)) start++;
  while (end > start && /[\s,;:.—–-]/.test(s[end - 1]!)) end--;
  return { start, end };
}

/** Spans of quoted passages, including their quote marks. */
export function quoteSpans(s: string): Span[] {
  const out: Span[] = [];
  for (const m of s.matchAll(/“[^”]*”|"[^"]*"/g)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}
