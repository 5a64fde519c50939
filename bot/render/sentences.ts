const ONLY_MARKERS = /^(?:\[\d{1,4}\])+[.,;:!?]*$/;
const TRAILING_MARKERS = /(?:\[\d{1,4}\])+$/;
const SENTENCE_END = /[.!?…]['"”’»)]*$/;

/**
 * Splits text into sentence units whose concatenation is the text. A unit ends after sentence
 * punctuation (or a line break) and keeps the citation markers that follow it, so `... attack. [1]`
 * stays together and a cut between units never falls inside a marker or between a claim and its citation.
 */
export function sentenceUnits(text: string): string[] {
  const parts = text.split(/(\s+)/); // words at even indexes, whitespace at odd ones
  const units: string[] = [];
  let cur = '';
  let pending = false; // a sentence ended and only markers followed so far
  for (let i = 0; i < parts.length; i += 2) {
    const word = parts[i] ?? '';
    const space = parts[i + 1] ?? '';
    const next = parts[i + 2] ?? '';
    cur += word + space;
    const markersOnly = ONLY_MARKERS.test(word);
    const bare = word.replace(TRAILING_MARKERS, '');
    const ends: boolean =
      (markersOnly && (pending || /[.!?]$/.test(word))) || (!markersOnly && SENTENCE_END.test(bare)) || space.includes('\n');
    if (space === '' || next === '') continue;
    const nextIsMarkers = ONLY_MARKERS.test(next);
    pending = ends && nextIsMarkers;
    if (ends && !nextIsMarkers && (space.includes('\n') || !/^[a-z]/.test(next))) {
      units.push(cur);
      cur = '';
    }
  }
  if (cur !== '') units.push(cur);
  return units;
}

/** The result of fitting text into a budget. */
export interface Fitted {
  /** The transformed text that fits. */
  shown: string;
  /** Offset into the raw text where the rest starts, or null when everything fits. */
  rest: number | null;
}

/**
 * Takes as many whole sentences of `text` as fit in `budget` characters after `transform`
 * (escaping). If not even the first sentence fits, cuts at a word boundary, and as a last resort
 * anywhere outside a `[n]` marker. Always makes progress: `rest`, when set, is greater than 0.
 */
export function fitSentences(text: string, budget: number, transform: (s: string) => string = (s) => s): Fitted {
  const whole = transform(text);
  if (whole.length <= budget) return { shown: whole.trimEnd(), rest: null };
  const taken = takeWhile(sentenceUnits(text), budget, transform);
  if (taken === '') return fitWords(text, budget, transform);
  return { shown: transform(taken).trimEnd(), rest: restStart(text, taken.length) };
}

/** The longest prefix of whole pieces whose transform fits; estimates piece by piece, then checks. */
function takeWhile(pieces: readonly string[], budget: number, transform: (s: string) => string): string {
  let n = 0;
  let estimate = 0;
  while (n < pieces.length) {
    const len = transform(pieces[n]!).length;
    if (estimate + len > budget + 1) break; // +1: the trailing space is trimmed
    estimate += len;
    n += 1;
  }
  while (n > 0 && transform(pieces.slice(0, n).join('')).trimEnd().length > budget) n -= 1;
  return pieces.slice(0, n).join('');
}

function fitWords(text: string, budget: number, transform: (s: string) => string): Fitted {
  const words = text.split(/(?<=\s)/);
  let taken = takeWhile(words, budget - 1, transform);
  let shown = transform(taken).trimEnd();
  if (taken === '') {
    // a single enormous word: binary search the longest prefix that fits, then step out of a marker
    let lo = 1;
    let hi = text.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (transform(text.slice(0, mid)).length <= budget - 1) lo = mid;
      else hi = mid - 1;
    }
    let cut = lo;
    const open = text.lastIndexOf('[', cut - 1);
    const m = open >= 0 ? /^\[\d{1,4}\]/.exec(text.slice(open)) : null;
    if (m && open + m[0].length > cut && open > 0) cut = open;
    const code = text.charCodeAt(cut - 1);
    if (cut > 1 && code >= 0xd800 && code <= 0xdbff) cut -= 1;
    taken = text.slice(0, cut);
    shown = transform(taken);
  }
  return { shown: `${shown}…`, rest: restStart(text, taken.length) };
}

function restStart(text: string, at: number): number | null {
  let i = at;
  while (i < text.length && /\s/.test(text[i]!)) i += 1;
  return i >= text.length ? null : i;
}
