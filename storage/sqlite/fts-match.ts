import { segmentWords } from '../../core/language.js';
import type { LexicalQuery } from '../../core/ports.js';

/** Letters or digits: a word without any is punctuation, which the FTS tokenizer would drop anyway. */
const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * An FTS5 MATCH expression for plain words: each word quoted as a string (so no word is read as FTS
 * syntax: AND, NEAR, column filters, `*`), OR-ed together. No usable word gives an empty string.
 */
export function ftsMatchForWords(words: readonly string[]): string {
  return ftsMatch({ terms: words });
}

/**
 * An FTS5 MATCH expression for a query given as data: each term a quoted string (a phrase when it has
 * several words), `*` after it for a prefix query, joined by OR or AND. Segmented terms are cut into
 * words as the Chinese passages were. No usable term gives an empty string.
 */
export function ftsMatch(q: LexicalQuery): string {
  const terms = q.terms
    .map((t) => (q.segmented ? segmentWords(t) : t))
    .filter((t) => HAS_WORD_CHAR.test(t))
    .map((t) => `"${t.replaceAll('"', '""')}"${q.prefix ? '*' : ''}`);
  return terms.join(q.match === 'all' ? ' AND ' : ' OR ');
}
