import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../core/paths.js';
import { isLang, wordsOf, type Lang } from '../core/language.js';
import type { ActorMention, Gazetteer } from './actors.js';
import { foreignNames } from './actors-lang.js';
import type { SpeechEvent } from './attribution.js';
import type { StanceLabel } from './cues.js';
import { trim } from './speech-spans.js';

interface LangCues { verbs: Partial<Record<StanceLabel, string[]>>; according: string[]; that: string[] }
interface Rules { verbs: Map<string, StanceLabel>; according: string[]; that: string[] }

let rules: Map<string, Rules> | undefined;
function rulesFor(lang: string): Rules | undefined {
  if (!rules) {
    rules = new Map();
    const file = JSON.parse(readFileSync(path.join(projectRoot(), 'claims', 'data', 'cues-lang.json'), 'utf8')) as Record<string, LangCues | string>;
    for (const [l, c] of Object.entries(file)) {
      if (typeof c === 'string') continue;
      const verbs = new Map<string, StanceLabel>();
      for (const [stance, forms] of Object.entries(c.verbs) as [StanceLabel, string[]][]) for (const f of forms) verbs.set(f, stance);
      rules.set(l, { verbs, according: [...c.according].sort((a, b) => b.length - a.length), that: c.that });
    }
  }
  return rules.get(lang);
}

/**
 * True when speech in `lang` can be attributed by rules: English (claims/attribution.ts) and the languages
 * of claims/data/cues-lang.json. A sentence in another language is "not extracted", never the outlet's voice.
 */
export function hasClaimRules(lang: string | undefined): boolean {
  const l = (lang ?? 'en').toLowerCase().split(/[-_]/)[0]!;
  return l === 'en' || !!rulesFor(l);
}

const NEGATION = /(?<!\p{L})не\s+$/iu;

/** Words between a clause break and the cue that may name an unnamed source ("Министерство обороны"). */
const MAX_SOURCE_WORDS = 5;

/**
 * The speech events of one sentence in a language with cue rules (Russian, Ukrainian): "X заявил(а), что
 * ...", "..., — заявил X", "по словам X, ...", "по данным X", "как заявил X, ...", and the Ukrainian forms.
 * Offsets are into the sentence plus `offset` (the sentence's start in its document). The speaker is the
 * actor the source names (foreign names and the gazetteer's); an unnamed source keeps its words.
 */
export function foreignSpeechEvents(sentence: string, lang: string, gazetteer: Gazetteer, offset = 0): SpeechEvent[] {
  const r = rulesFor(lang);
  if (!r || !isLang(lang)) return [];
  const low = sentence.toLowerCase();
  if (low.length !== sentence.length) return [];
  const mentions = merge(foreignNames(gazetteer).find(sentence, lang as Lang), gazetteer.find(sentence));
  const out: SpeechEvent[] = [];
  const taken: { start: number; end: number }[] = [];
  for (const frame of r.according) {
    for (let at = low.indexOf(frame); at >= 0; at = low.indexOf(frame, at + 1)) {
      if (!boundary(low, at, at + frame.length) || taken.some((t) => at < t.end && t.start < at + frame.length)) continue;
      const ev = according(sentence, at, frame, mentions, r);
      taken.push({ start: at, end: ev.sourceEnd });
      out.push(ev.event);
    }
  }
  for (const w of wordsOf(sentence)) {
    const stance = r.verbs.get(w.word.toLowerCase());
    if (!stance || taken.some((t) => w.start < t.end && t.start < w.end)) continue;
    out.push(verbEvent(sentence, w, stance, mentions, r));
  }
  return out.sort((a, b) => a.cueStart - b.cueStart).map((e) => shift(e, offset));
}

function according(s: string, at: number, frame: string, mentions: ActorMention[], r: Rules): { event: SpeechEvent; sourceEnd: number } {
  const end = at + frame.length;
  const comma = s.slice(end).search(/[,;:—–]/);
  const sourceEnd = comma < 0 ? trim(s, { start: end, end: s.length }).end : end + comma;
  const m = mentions.find((x) => x.start >= end && x.start < sourceEnd);
  // "По словам X, ..." -> what follows; "..., по словам X." -> what precedes.
  const content = comma >= 0 && trim(s, { start: sourceEnd, end: s.length }).end > sourceEnd + 1
    ? trim(s, { start: sourceEnd + 1, end: s.length }) : trim(s, { start: 0, end: at });
  const event: SpeechEvent = {
    speaker: m?.actor, coSpeakers: [], sourceText: m ? undefined : s.slice(end, sourceEnd).trim() || undefined,
    speakerName: m?.surface, sourceStart: m?.start ?? end + 1, sourceEnd: m?.end ?? sourceEnd,
    cue: frame, cueStance: 'statement', cueStart: at, cueEnd: end,
    content: skipThat(s, content, r), mode: 'according', via: 'explicit', secondary: false, negated: false,
  };
  return { event, sourceEnd };
}

function verbEvent(s: string, w: { word: string; start: number; end: number }, stance: StanceLabel, mentions: ActorMention[], r: Rules): SpeechEvent {
  const clauseStart = Math.max(0, ...[...s.slice(0, w.start).matchAll(/[.;!?]|,\s+(?=[«"“—–])/g)].map((m) => m.index + 1));
  const before = mentions.filter((m) => m.end <= w.start && m.start >= clauseStart).at(-1);
  const after = mentions.find((m) => m.start >= w.end && m.start - w.end <= 3);
  const quoted = /[»”"]\s*[,.]?\s*[—–-]\s*$/.test(s.slice(0, w.start));
  const speaker = (quoted ? after ?? before : before ?? after);
  let content = trim(s, { start: w.end, end: s.length });
  if (quoted || (speaker === after && /[—–-]\s*$/.test(s.slice(0, w.start)))) content = trim(s, { start: 0, end: w.start });
  else if (speaker === after && after) content = trim(s, { start: after.end, end: s.length });
  return {
    speaker: speaker?.actor, coSpeakers: [], sourceText: speaker ? undefined : unnamedSource(s, clauseStart, w.start),
    speakerName: speaker?.surface, sourceStart: speaker?.start, sourceEnd: speaker?.end,
    cue: w.word.toLowerCase(), cueStance: stance, cueStart: w.start, cueEnd: w.end,
    content: skipThat(s, content, r), mode: quoted ? 'direct' : 'indirect', via: 'explicit', secondary: false,
    // "не заявил", "не осудила": the content is not the speaker's statement.
    negated: NEGATION.test(s.slice(0, w.start)),
  };
}

/** The capitalised words before the cue ("Министерство обороны"), as an unnamed source. */
function unnamedSource(s: string, from: number, cue: number): string | undefined {
  const words = wordsOf(s.slice(from, cue));
  if (words.length === 0 || words.length > MAX_SOURCE_WORDS || !/^\p{Lu}/u.test(words[0]!.word)) return undefined;
  return s.slice(from + words[0]!.start, from + words.at(-1)!.end);
}

/** Content without a leading ", что" / ": " / a quote mark pair around it. */
function skipThat(s: string, span: { start: number; end: number }, r: Rules): { start: number; end: number } {
  let { start, end } = trim(s, span);
  const rest = s.slice(start, end).toLowerCase();
  const that = r.that.find((t) => rest.startsWith(t) && !/\p{L}/u.test(rest[t.length] ?? ' '));
  if (that) start = trim(s, { start: start + that.length, end }).start;
  if (/^[«"“]/.test(s[start] ?? '') && /[»"”]$/.test(s[end - 1] ?? '')) { start++; end--; }
  return { start, end };
}

function boundary(low: string, start: number, end: number): boolean {
  return !/\p{L}/u.test(low[start - 1] ?? ' ') && !/\p{L}/u.test(low[end] ?? ' ');
}

function merge(a: ActorMention[], b: ActorMention[]): ActorMention[] {
  const out = [...a];
  for (const m of b) if (!out.some((x) => m.start < x.end && x.start < m.end)) out.push(m);
  return out.sort((x, y) => x.start - y.start);
}

function shift(e: SpeechEvent, by: number): SpeechEvent {
  if (by === 0) return e;
  return {
    ...e, sourceStart: e.sourceStart === undefined ? undefined : e.sourceStart + by,
    sourceEnd: e.sourceEnd === undefined ? undefined : e.sourceEnd + by, cueStart: e.cueStart + by, cueEnd: e.cueEnd + by,
    content: { start: e.content.start + by, end: e.content.end + by },
  };
}
