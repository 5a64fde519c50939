import { describe, expect, it, vi } from 'vitest';
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

// The cost of V8's segment iterator grows with the length of the string it walks, at every step: the
// work is linear when no string handed to the segmenter grows with the text, and the strings add up
// to the text once. Counted at two sizes, with no clock.
function segmenterInputs<T>(fn: () => T): { value: T; longest: number; total: number } {
  const spy = vi.spyOn(Intl.Segmenter.prototype, 'segment');
  try {
    const value = fn();
    const lengths = spy.mock.calls.map(([s]) => s.length);
    return { value, longest: Math.max(0, ...lengths), total: lengths.reduce((a, b) => a + b, 0) };
  } finally {
    spy.mockRestore();
  }
}

const paragraphs = (n: number) =>
  Array.from({ length: n / 10 }, (_, p) => Array.from({ length: 10 }, (_, i) => sentence(p * 10 + i)).join('').trim()).join('\n\n');
const oneLine = (n: number) => Array.from({ length: n }, (_, i) => sentence(i)).join('').trim();

describe('sentence splitting scales linearly', () => {
  it.each([['paragraphs of ten', paragraphs], ['one line', oneLine]] as const)(
    'GIVEN 10,000 then 20,000 sentences in %s THEN all are found, and the segmenter never walks a string that grows with the text',
    (_, make) => {
      const small = make(10_000);
      const large = make(20_000);
      const a = segmenterInputs(() => splitSentences(small));
      const b = segmenterInputs(() => splitSentences(large));
      expect(a.value).toHaveLength(10_000);
      expect(b.value).toHaveLength(20_000);
      // Quadratic before the fix: one string, the whole text, walked step by step.
      expect(b.longest).toBeLessThanOrEqual(Math.max(a.longest, 5_000));
      expect(b.longest).toBeLessThan(large.length / 10);
      expect(a.total).toBeLessThanOrEqual(small.length * 1.1);
      expect(b.total).toBeLessThanOrEqual(large.length * 1.1);
    },
    30_000,
  );

  it('GIVEN 10,000 sentences on one line THEN they are chunked', () => {
    const { value, longest } = segmenterInputs(() => chunkText(oneLine(10_000)));
    expect(value.length).toBeGreaterThan(100);
    expect(longest).toBeLessThanOrEqual(5_000);
  }, 30_000);
});
