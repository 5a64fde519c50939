import { splitSentences } from '../../corpus/sentences.js';

/** One sentence of a generated answer, with the passage numbers it cites. */
export interface AnswerSentence {
  /** The sentence without its citation markers. */
  text: string;
  /** Passage numbers cited, in order, without repeats. */
  cites: number[];
  /** True when the sentence starts a new line in the generated text. */
  newLine: boolean;
}

const MARKER = /\[\s*(\d+(?:\s*(?:[,;]|[-–]|and)\s*\d+)*)\s*\]/g;
const LEADING = /^\s*(?:\[\s*\d+(?:\s*(?:[,;]|[-–]|and)\s*\d+)*\s*\][\s,;]*)+/;

/** Passage numbers in a marker's body: "1, 3" -> [1, 3]; "2-4" -> [2, 3, 4] (ranges capped at 10). */
function markerNumbers(body: string): number[] {
  const out: number[] = [];
  for (const part of body.split(/\s*(?:[,;]|and)\s*/)) {
    const [a, b] = part.split(/\s*[-–]\s*/).map(Number);
    if (a === undefined || Number.isNaN(a)) continue;
    if (b === undefined || Number.isNaN(b) || b < a || b - a > 10) out.push(a);
    else for (let n = a; n <= b; n++) out.push(n);
  }
  return out;
}

function citesIn(text: string): number[] {
  return [...new Set([...text.matchAll(MARKER)].flatMap((m) => markerNumbers(m[1]!)))];
}

/** Removes markdown emphasis, list bullets and heading marks that models add despite the prompt. */
function plain(line: string): string {
  return line.replace(/^\s*(?:[-*•]|\d+[.)]|#+)\s+/, '').replace(/(\*\*|__|`)/g, '');
}

/**
 * Splits a generated answer into sentences with their citations. A marker written after the full stop
 * ("... attack. [1]") belongs to the sentence before it.
 */
export function splitAnswer(text: string): AnswerSentence[] {
  const out: AnswerSentence[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    const line = plain(rawLine);
    let first = true;
    for (const span of splitSentences(line)) {
      let seg = line.slice(span.start, span.end);
      const lead = LEADING.exec(seg);
      if (lead && out.length) {
        const prev = out[out.length - 1]!;
        prev.cites = [...new Set([...prev.cites, ...citesIn(lead[0])])];
        seg = seg.slice(lead[0].length);
      }
      const bare = seg.replace(MARKER, '').replace(/\s+([.,;:!?])/g, '$1').replace(/\s{2,}/g, ' ').trim();
      if (!/[\p{L}\p{N}]/u.test(bare)) continue;
      out.push({ text: bare, cites: citesIn(seg), newLine: first && out.length > 0 });
      first = false;
    }
  }
  return out;
}
