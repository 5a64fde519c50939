import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUserError } from '../../../core/errors.js';
import { loadText, normalizeText } from '../../../corpus/loaders/index.js';

describe('normalizeText', () => {
  it('GIVEN a BOM and Windows or old Mac line ends THEN they become plain \\n without the BOM', () => {
    expect(normalizeText('\uFEFFone\r\ntwo\rthree')).toBe('one\ntwo\nthree');
  });

  it('GIVEN decomposed accents THEN the text is NFC', () => {
    expect(normalizeText('Cafe\u0301')).toBe('Caf\u00e9');
  });

  it('GIVEN control characters THEN they are dropped except tab and newline', () => {
    expect(normalizeText('a\u0000b\u0007c\td\u001Be\u0085f\ng')).toBe('abc\tdef\ng');
  });

  it('GIVEN a control character between a letter and its accent THEN the result is still NFC', () => {
    expect(normalizeText('e\u0001\u0301')).toBe('\u00e9');
  });

  it('GIVEN trailing spaces and many blank lines THEN lines are trimmed and blank runs collapse to one', () => {
    expect(normalizeText('  a  \t\n\n\n\n\nb \n\nc\n\n')).toBe('a\n\nb\n\nc');
  });

  it('GIVEN leading indentation inside the text THEN it is kept', () => {
    expect(normalizeText('a\n    indented')).toBe('a\n    indented');
  });
});

describe('properties', () => {
  const anyText = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 200 }),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.array(fc.constantFrom('\r', '\n', ' ', '\t', '\u0000', '\uFEFF', 'e', '\u0301', '#', '-', ':', '---', '\u2028', '\u00a0'), { maxLength: 60 })
      .map((parts) => parts.join('')),
  );

  it('GIVEN any string THEN normalizeText is idempotent', () => {
    fc.assert(fc.property(anyText, (s) => normalizeText(normalizeText(s)) === normalizeText(s)), { numRuns: 2000 });
  });

  it('GIVEN any string THEN loadText either returns normalised text or throws a UserError, nothing else', () => {
    const frontMatter = fc.tuple(fc.string({ maxLength: 30 }), fc.string({ maxLength: 80 })).map(([h, b]) => `---\n${h}\n---\n${b}`);
    fc.assert(
      fc.property(fc.oneof(anyText, frontMatter), (s) => {
        try {
          const doc = loadText(s);
          return doc.text.length > 0 && normalizeText(doc.text) === doc.text;
        } catch (err) {
          return isUserError(err);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
