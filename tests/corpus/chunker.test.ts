import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkText } from '../../corpus/chunker.js';
import { splitSentences } from '../../corpus/sentences.js';

describe('splitSentences', () => {
  it('GIVEN abbreviations and initials THEN it does not break after them', () => {
    const t = 'Mr. Lavrov met U.S. officials on Monday. George W. Bush was not there. The talks ended.';
    expect(splitSentences(t).map((s) => t.slice(s.start, s.end))).toEqual([
      'Mr. Lavrov met U.S. officials on Monday.', 'George W. Bush was not there.', 'The talks ended.',
    ]);
  });

  it('GIVEN line breaks THEN a heading is its own sentence', () => {
    const t = '# Heading\nFirst sentence here. Second one.';
    expect(splitSentences(t).map((s) => t.slice(s.start, s.end))).toEqual(['# Heading', 'First sentence here.', 'Second one.']);
  });
});

describe('chunkText', () => {
  it('GIVEN any text THEN every chunk and sentence is an exact, trimmed slice in order', () => {
    fc.assert(fc.property(fc.string({ maxLength: 3000 }), (text) => {
      let last = 0;
      for (const c of chunkText(text, { maxChars: 200, minChars: 50, hardMaxChars: 300 })) {
        expect(c.start).toBeGreaterThanOrEqual(last);
        expect(c.end).toBeGreaterThan(c.start);
        expect(text.slice(c.start, c.end).trim()).toBe(text.slice(c.start, c.end));
        for (const s of c.sentences) {
          expect(s.start).toBeGreaterThanOrEqual(c.start);
          expect(s.end).toBeLessThanOrEqual(c.end);
        }
        last = c.end;
      }
    }), { numRuns: 300 });
  });

  it('GIVEN long prose THEN chunks stay near the size limit and never split a sentence', () => {
    const sentence = 'Pakistan urged all parties to exercise restraint and pursue peaceful negotiations. ';
    const text = sentence.repeat(40);
    const chunks = chunkText(text, { maxChars: 400 });
    expect(chunks.length).toBeGreaterThan(5);
    for (const c of chunks) {
      expect(c.end - c.start).toBeLessThanOrEqual(400);
      expect(text.slice(c.start, c.end).endsWith('negotiations.')).toBe(true);
    }
  });

  it('GIVEN a run-on "sentence" with no punctuation THEN it is cut at white space under the hard cap', () => {
    const text = 'word '.repeat(2000).trim();
    const chunks = chunkText(text, { hardMaxChars: 500 });
    for (const c of chunks) expect(c.end - c.start).toBeLessThanOrEqual(500);
    expect(chunks.map((c) => text.slice(c.start, c.end)).join(' ')).toBe(text);
  });
});
