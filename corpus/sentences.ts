/** A half-open span `[start, end)` into a text. */
export interface Span {
  start: number;
  end: number;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
const WINDOW = 4000;
const CUT = /[.!?]['")\]’”]*[ \t]+(?=\p{Lu})/gu;

// A sentence break after one of these is usually not a sentence end ("Mr. Lavrov", "U.S. officials").
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'gen', 'col', 'lt', 'sgt', 'capt', 'cmdr', 'adm',
  'gov', 'sen', 'rep', 'rev', 'hon', 'amb', 'pres', 'no', 'nos', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'u.s', 'u.k', 'u.n',
  'e.g', 'i.e', 'a.m', 'p.m', 'art', 'para', 'fig', 'approx', 'dept', 'est', 'mt', 'ft',
]);

/**
 * Splits text into sentence spans with exact offsets: Intl.Segmenter, then re-joins breaks after
 * abbreviations and initials, and splits at line breaks (headings and list items are their own sentence).
 * Leading and trailing white space is excluded from each span.
 */
export function splitSentences(text: string): Span[] {
  const raw: Span[] = [];
  // Lines are hard boundaries: a heading or a list item never runs into the next line. Each line is
  // segmented on its own (V8's segment iterator costs O(length) per step: whole texts were quadratic),
  // and a very long line in windows cut after ". " before a capital, where ICU breaks anyway.
  for (let start = 0; start <= text.length;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    for (let from = start; from < end;) {
      let to = end;
      if (end - from > WINDOW) {
        CUT.lastIndex = from + WINDOW / 2;
        const m = CUT.exec(text);
        if (m && m.index + m[0].length < end) to = m.index + m[0].length;
      }
      for (const seg of segmenter.segment(text.slice(from, to))) {
        pushTrimmed(text, from + seg.index, from + seg.index + seg.segment.length, raw);
      }
      from = to;
    }
    start = end + 1;
  }
  const out: Span[] = [];
  for (const span of raw) {
    const prev = out[out.length - 1];
    if (prev && shouldJoin(text, prev, span)) prev.end = span.end;
    else out.push({ ...span });
  }
  return out;
}

function pushTrimmed(text: string, start: number, end: number, out: Span[]): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) out.push({ start, end });
}

function shouldJoin(text: string, prev: Span, next: Span): boolean {
  const between = text.slice(prev.end, next.start);
  if (between.includes('\n')) return false;
  const tail = text.slice(Math.max(prev.start, prev.end - 12), prev.end);
  const m = /([A-Za-z.]+)\.$/.exec(tail);
  if (!m) return false;
  const word = m[1]!.toLowerCase().replace(/^\.+/, '');
  if (ABBREVIATIONS.has(word)) return true;
  // A single capital initial ("George W. Bush") continues the sentence.
  if (/^[a-z]$/.test(word) && /^[A-Z]/.test(text[next.start] ?? '')) return true;
  // A lower-case continuation means the break was wrong.
  return /^[a-z]/.test(text[next.start] ?? '');
}
