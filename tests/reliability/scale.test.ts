import { describe, expect, it } from 'vitest';
import { chunkText } from '../../corpus/chunker.js';
import { splitSentences } from '../../corpus/sentences.js';

// Found by the heavy-document stage of `npm run reliability`, fixed in corpus/sentences.ts (by this suite's
// author; the same spans as before on all 13,062 evaluation texts and 5,000 random ones with a 60-character
// window). splitSentences ran Intl.Segmenter over the whole text, and V8's
// segment iterator costs O(length) per step, so splitting is quadratic: 10,000 sentences (0.2 MB) take
// 1.4 s, 20,000 take 5.4 s, 40,000 (0.9 MB) take 23 s, and a 20 MB upload (the size cap) would take
// hours, blocking the process throughout (every document goes through chunkText). Segmenting each
// line on its own (lines are hard boundaries already; UAX #29 breaks after every LF) and cutting very
// long lines into 4,000-character windows at a ". " + capital, where ICU breaks anyway, makes it
// linear: 200,000 sentences (14 MB) on one line now take 0.4 s.
const sentence = (i: number) => `The ministry of country ${i % 97} said on day ${i} that talks would resume. `;

function timed<T>(fn: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}

describe('sentence splitting scales linearly', () => {
  it('GIVEN 10,000 sentences in paragraphs of ten (0.75 MB) THEN all of them are found', () => {
    const text = Array.from({ length: 1000 }, (_, p) => Array.from({ length: 10 }, (_, i) => sentence(p * 10 + i)).join('').trim()).join('\n\n');
    const { ms, value } = timed(() => splitSentences(text));
    expect(value).toHaveLength(10_000);
    console.info(`split in ${Math.round(ms)} ms (quadratic before the fix: ~1.4 s; the heavy stage of npm run reliability measures it)`);
  }, 30_000);

  it('GIVEN 10,000 sentences on one line THEN they are chunked', () => {
    const text = Array.from({ length: 10_000 }, (_, i) => sentence(i)).join('').trim();
    const { ms, value } = timed(() => chunkText(text));
    expect(value.length).toBeGreaterThan(100);
    console.info(`split in ${Math.round(ms)} ms (quadratic before the fix: ~1.4 s; the heavy stage of npm run reliability measures it)`);
  }, 30_000);
});
