import type { Span } from '../corpus/sentences.js';
import type { Attribution, SpeechEvent } from './attribution.js';
import { lemmaOf, type StanceLabel } from './cues.js';
import { certaintyOf } from './hedges.js';
import type { SpeakerKind } from './speaker-resolve.js';
import { signatureOf } from './signature.js';
import { stanceOf } from './stance.js';

/** An exact span of the document text (`text === document.slice(start, end)`). */
export interface TextSpan { text: string; start: number; end: number }

/** One attribution relation: who (source), how (cue), what (content), resolved to a speaker and an actor. */
export interface Relation {
  /** Shared by the clauses of one attribution: one statement is one relation. */
  event: string;
  source: TextSpan | null;
  cue: TextSpan | null;
  content: TextSpan;
  /** The pieces of an interrupted quote ("A," he said, "B."). */
  content_parts?: TextSpan[];
  /** Who spoke, resolved ("Sergey Lavrov" for a "he" that refers to him). */
  speaker: string | null;
  /** Whom the speaker speaks for ("Russia"), when the text supports it. */
  actor: string | null;
  speakerKind: SpeakerKind | null;
  kind: 'direct' | 'indirect' | 'mixed';
  stance: StanceLabel;
  negated: boolean;
  /** How the speaker was found: named in the sentence, by coreference, or as the document's own speaker. */
  via: 'explicit' | 'coreference' | 'document';
}

/** The attribution relations of a document, in reading order (what `claims attribute` prints). */
export function documentRelations(text: string, attributions: readonly Attribution[]): Relation[] {
  const out: Relation[] = [];
  for (const a of attributions) {
    for (const e of a.events) {
      if (!e.speakerName && !e.speaker && !e.sourceText) continue;
      if (e.content.end <= e.content.start) continue;
      const prev = out.at(-1);
      if (e.continues && prev) {
        // One statement, one relation: a quotation going on in the next sentence is another part of it.
        const part = { text: text.slice(e.content.start, e.content.end), start: e.content.start, end: e.content.end };
        prev.content_parts = [...(prev.content_parts ?? [prev.content]), part];
        continue;
      }
      out.push(relationOf(text, e, out.length + 1, a));
    }
  }
  return out;
}

function relationOf(text: string, e: SpeechEvent, n: number, a: Attribution): Relation {
  const span = (x: Span): TextSpan => ({ text: text.slice(x.start, x.end), start: x.start, end: x.end });
  const content = span(e.content);
  const cue = e.mode === 'noun' || e.mode === 'according' || e.cueEnd > e.cueStart ? span({ start: e.cueStart, end: e.cueEnd }) : null;
  const source = e.sourceStart !== undefined && e.sourceEnd !== undefined && e.sourceEnd > e.sourceStart ? span({ start: e.sourceStart, end: e.sourceEnd }) : null;
  const local = a.mentions.filter((m) => m.start >= content.start && m.end <= content.end)
    .map((m) => ({ ...m, start: m.start - content.start, end: m.end - content.start }));
  const sig = signatureOf(content.text, local);
  const stance = stanceOf({
    lemma: lemmaOf(e.cue), cueStance: e.cueStance, content: content.text, hasSpeaker: true, speakerId: e.speaker?.id,
    agents: sig.agents.map((x) => x.split('>')[0]!), actors: sig.actors,
    noEvidence: certaintyOf(content.text).certainty === 'no-evidence', negated: e.negated,
  }).label;
  return {
    event: `e${n}`, source, cue, content, ...(e.contentParts && { content_parts: e.contentParts.map(span) }),
    speaker: e.speakerName ?? e.speaker?.name ?? e.sourceText ?? null, actor: e.speaker?.name ?? null,
    speakerKind: e.speakerKind ?? (e.speaker ? (e.speaker.kind === 'country' ? 'state' : 'organisation') : 'unnamed'),
    kind: kindOf(text, e), stance, negated: e.negated, via: e.via,
  };
}

/** Direct when the content is all quotation, mixed when it holds a quotation and other words, else indirect. */
function kindOf(text: string, e: SpeechEvent): Relation['kind'] {
  if (e.mode === 'direct') return 'direct';
  const c = text.slice(e.content.start, e.content.end);
  const quoted = c.match(/“[^”]*”|"[^"]*"/g)?.join('') ?? '';
  if (!quoted) return 'indirect';
  return quoted.length >= c.length - 2 ? 'direct' : 'mixed';
}
