import type { Store } from '../storage/sqlite/store.js';
import { STOP_WORDS, tokenize } from '../core/text.js';

/** Share of all passages above which a word is too common to search for (when rarer words exist). */
const COMMON_SHARE = 0.04;
/**
 * Rows an OR query may match: bm25 is computed for every row that matches, so this bounds a query's cost
 * however large the store grows (at a million passages, one common word alone matches 100,000 rows).
 */
const ROW_BUDGET = 20_000;

/** Content words of a text for lexical search: no stop words, no one-letter tokens, at most `max`. */
export function queryWords(text: string, max = 16): string[] {
  return [...new Set(tokenize(text).filter((w) => !STOP_WORDS.has(w) && w.length > 1))].slice(0, max);
}

/**
 * An FTS5 query for free text: content words OR-ed, each quoted (so nothing in the question is read
 * as FTS syntax). With a store, words found in no passage are dropped and very common ones too
 * (keeping the two rarest), rarest first until the words match ROW_BUDGET rows; when even the rarest
 * word matches more, the two rarest must both occur (an AND matches far fewer rows), and a lone word
 * that common gives no query at all (an empty string: no lexical list). An OR query costs
 * in proportion to the rows it matches, and common words add little to bm25.
 */
export function toMatchQuery(text: string, store?: Store, totalChunks?: number, rowBudget = ROW_BUDGET): string {
  let words = queryWords(text);
  if (store && words.length > 0) {
    const df = store.documentFrequencies(words);
    const cap = Math.max(50, (totalChunks ?? store.counts().chunks) * COMMON_SHARE);
    const ranked = words.map((w, i) => ({ w, df: df[i]! })).filter((x) => x.df > 0).sort((a, b) => a.df - b.df);
    if (ranked.length >= 2 && ranked[0]!.df > rowBudget) return `"${ranked[0]!.w}" AND "${ranked[1]!.w}"`;
    // One word in more passages than the budget: bm25 would score them all (60 ms for 94,000 at 1M
    // passages) to rank by a word half the store contains. The other lists (vectors, speaker) decide.
    if (ranked.length === 1 && ranked[0]!.df > rowBudget) return '';
    let rows = 0;
    words = ranked.filter((x, i) => {
      if (i > 0 && ((i >= 2 && x.df > cap) || rows + x.df > rowBudget)) return false;
      rows += x.df;
      return true;
    }).map((x) => x.w);
  }
  return words.map((w) => `"${w}"`).join(' OR ');
}
