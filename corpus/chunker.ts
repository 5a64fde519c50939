import { splitSentences, type Span } from './sentences.js';

/** Options for {@link chunkText}. */
export interface ChunkOptions {
  /** A chunk grows sentence by sentence up to about this many characters. */
  maxChars?: number;
  /** A paragraph break ends a chunk once it has at least this many characters. */
  minChars?: number;
  /** A single sentence longer than this is cut at white space. */
  hardMaxChars?: number;
}

/** A chunk's span and the sentence spans inside it. */
export interface ChunkSpan extends Span {
  sentences: Span[];
}

/**
 * Groups whole sentences into passages with offsets into `text`. Chunks never split a sentence
 * (except a run-on "sentence" longer than `hardMaxChars`), so every citation can quote exactly.
 */
export function chunkText(text: string, opts: ChunkOptions = {}): ChunkSpan[] {
  const maxChars = opts.maxChars ?? 700;
  const minChars = opts.minChars ?? 250;
  const hardMax = opts.hardMaxChars ?? 1500;
  const sentences = splitSentences(text).flatMap((s) => cutLong(text, s, hardMax));
  const chunks: ChunkSpan[] = [];
  let cur: ChunkSpan | null = null;
  for (const s of sentences) {
    if (cur) {
      const paragraphBreak = /\n\s*\n|\n/.test(text.slice(cur.end, s.start));
      const tooLong = s.end - cur.start > maxChars;
      const enough = cur.end - cur.start >= minChars;
      if (tooLong || (paragraphBreak && enough)) {
        chunks.push(cur);
        cur = null;
      }
    }
    if (!cur) cur = { start: s.start, end: s.end, sentences: [s] };
    else {
      cur.end = s.end;
      cur.sentences.push(s);
    }
  }
  if (cur) chunks.push(cur);
  return chunks;
}

function cutLong(text: string, s: Span, hardMax: number): Span[] {
  if (s.end - s.start <= hardMax) return [s];
  const out: Span[] = [];
  let start = s.start;
  while (s.end - start > hardMax) {
    let cut = text.lastIndexOf(' ', start + hardMax);
    if (cut <= start) cut = start + hardMax;
    out.push({ start, end: cut });
    start = cut;
    while (start < s.end && /\s/.test(text[start]!)) start++;
  }
  if (s.end > start) out.push({ start, end: s.end });
  return out;
}
