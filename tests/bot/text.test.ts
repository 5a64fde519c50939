import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitSentences, sentenceUnits } from '../../bot/render/sentences.js';
import { escapeAnswer, escapeText, escapeTruncate, truncate } from '../../bot/render/text.js';

describe('escapeText', () => {
  it('escapes markdown, masked links, line-start markers and mentions', () => {
    expect(escapeText('**b** _i_ ~~s~~ ||x|| `c`')).toBe('\\*\\*b\\*\\* \\_i\\_ \\~\\~s\\~\\~ \\|\\|x\\|\\| \\`c\\`');
    expect(escapeText('[t](https://e.x/a)')).toBe('\\[t\\](https://e.x/a)');
    expect(escapeText('# h\n> q\n- l\n1. n')).toBe('\\# h\n\\> q\n\\- l\n1\\. n');
    expect(escapeText('@everyone @here <@&1> <@2> <#3>')).toBe('@\u200beveryone @\u200bhere \\<@&1> \\<@2> \\<#3>');
  });

  it('leaves bare URLs clickable', () => {
    expect(escapeText('see https://example.org/a_b*c and a_b')).toBe('see https://example.org/a_b*c and a\\_b');
  });

  it('keeps [n] markers in answers but stops "[n](" from becoming a link', () => {
    expect(escapeAnswer('x [1](https://e.x) [2] [y]')).toBe('x [1]\\(https://e.x) [2] \\[y\\]');
  });

  it('never leaves an unescaped "](" (no masked link) for any input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const e = escapeAnswer(s);
        for (const m of e.matchAll(/\]\(/g)) {
          // the "]" is escaped (odd run of backslashes before it) or ends a [n] marker followed by an escaped "("
          const before = e.slice(0, m.index);
          const slashes = /\\*$/.exec(before)![0].length;
          expect(slashes % 2 === 1 || /\[\d{1,4}$/.test(before)).toBe(true);
        }
      }),
    );
  });
});

describe('truncate', () => {
  it('cuts with an ellipsis and never splits a surrogate pair', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('ab😀cd', 4)).toBe('ab…');
    expect(escapeTruncate('aaa*bbb', 5)).toBe('aaa…');
  });
});

describe('sentenceUnits and fitSentences', () => {
  it('keeps citation markers with their sentence', () => {
    expect(sentenceUnits('One happened. [1] Two did [2]. Three, said U.S. officials [3].')).toEqual([
      'One happened. [1] ',
      'Two did [2]. ',
      'Three, said U.S. officials [3].',
    ]);
  });

  it('units always concatenate back to the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        expect(sentenceUnits(s).join('')).toBe(s);
      }),
    );
  });

  it('cuts at a sentence boundary and reports where the rest starts', () => {
    const text = 'First sentence here [1]. Second sentence is longer [2]. Third [3].';
    expect(fitSentences(text, 40)).toEqual({ shown: 'First sentence here [1].', rest: 25 });
  });

  it('falls back to words, then to characters, but never inside a marker', () => {
    expect(fitSentences('aaaa bbbb cccc dddd', 11)).toEqual({ shown: 'aaaa bbbb…', rest: 10 });
    const cut = fitSentences('xxxxxxxx[12]yyyy', 11);
    expect(cut.shown).toBe('xxxxxxxx…');
    expect(cut.rest).toBe(8);
  });

  it('shown text fits the budget and the rest always moves forward (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 500 }), fc.integer({ min: 20, max: 200 }), (s, budget) => {
        const r = fitSentences(s, budget, escapeAnswer);
        expect(r.shown.length).toBeLessThanOrEqual(budget);
        if (r.rest !== null) expect(r.rest).toBeGreaterThan(0);
      }),
    );
  });
});
