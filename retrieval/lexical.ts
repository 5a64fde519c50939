import type { Store } from '../corpus/store.js';
import { STOP_WORDS, tokenize } from './text.js';

/** Share of all passages above which a word is too common to search for (when rarer words exist). */
const COMMON_SHARE = 0.04;

/** Content words of a text for lexical search: no stop words, no one-letter tokens, at most `max`. */
export function queryWords(text: string, max = 16): string[] {
  return [...new Set(tokenize(text).filter((w) => !STOP_WORDS.has(w) && w.length > 1))].slice(0, max);
}

/**
 * An FTS5 query for free text: content words OR-ed, each quoted (so nothing in the question is read
 * as FTS syntax). With a store, words found in no passage are dropped and very common ones too
 * (keeping the two rarest): an OR query costs in proportion to the rows it matches, and common words
 * add little to bm25.
 */
export function toMatchQuery(text: string, store?: Store, totalChunks?: number): string {
  let words = queryWords(text);
  if (store && words.length > 2) {
    const df = store.documentFrequencies(words);
    const cap = Math.max(50, (totalChunks ?? store.counts().chunks) * COMMON_SHARE);
    words = words.map((w, i) => ({ w, df: df[i]! })).filter((x) => x.df > 0).sort((a, b) => a.df - b.df)
      .filter((x, i) => i < 2 || x.df <= cap).map((x) => x.w);
  }
  return words.map((w) => `"${w}"`).join(' OR ');
}
