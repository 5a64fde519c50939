import type { Span } from '../corpus/sentences.js';
import type { ActorMention } from './actors.js';
import type { SpeechEvent } from './attribution.js';
import { CUE_NOUNS } from './cues.js';

/** "Pakistan's condemnation ...", "a statement by the ministry", "warnings from the embassy". */
export function nounEvents(s: string, mentions: ActorMention[]): SpeechEvent[] {
  const out: SpeechEvent[] = [];
  for (const m of mentions) {
    const poss = /^['’]s?\s+(?:(?:[\p{L}-]+ly|official|latest|strong|firm|new|joint|earlier|consistent)\s+)?([\p{L}]+)/u.exec(s.slice(m.end));
    const by = /\b([\p{L}]+)\s+(?:by|from)\s+(?:the\s+)?$/u.exec(s.slice(0, m.start));
    const noun = (poss?.[1] ?? by?.[1])?.toLowerCase();
    const stance = noun ? CUE_NOUNS[noun] : undefined;
    if (!noun || !stance) continue;
    const cueStart = poss ? m.end + poss[0].length - poss[1]!.length : by!.index;
    out.push({ speaker: m.actor, coSpeakers: [], sourceStart: m.start, cue: noun, cueStance: stance, cueStart, cueEnd: cueStart + noun.length,
      content: trim(s, { start: poss ? cueStart + noun.length : 0, end: s.length }), mode: 'noun', via: 'explicit', secondary: false });
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

/** The content after a cue: skips "on Monday", "that", a colon. */
export function contentAfter(s: string, cueEnd: number): Span {
  const m = /^\s*(?:(?:on|last|this)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year)\s+)?(?:,\s*)?(?:that\s+|:\s*)?/.exec(s.slice(cueEnd))!;
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
