import type { LexicalQuery, LexicalSearch } from '../core/ports.js';
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
 * The lexical query for free text: its content words, any of them. With the store's lexical port,
 * words found in no passage are dropped and very common ones too (keeping the two rarest), rarest first
 * until the words match ROW_BUDGET rows; when even the rarest word matches more, the two rarest must
 * both occur (an AND matches far fewer rows), and a lone word that common gives no query at all
 * (undefined: no lexical list). A query costs in proportion to the rows it matches, and common words
 * add little to bm25.
 */
export async function lexicalQuery(text: string, lexical?: Pick<LexicalSearch, 'documentFrequencies' | 'rowBudget'>, totalPassages = 0,
  rowBudget = lexical?.rowBudget ?? ROW_BUDGET): Promise<LexicalQuery | undefined> {
  let words = queryWords(text);
  if (lexical && words.length > 0) {
    const df = await lexical.documentFrequencies(words);
    const cap = Math.max(50, totalPassages * COMMON_SHARE);
    const ranked = words.map((w, i) => ({ w, df: df[i]! })).filter((x) => x.df > 0).sort((a, b) => a.df - b.df);
    if (ranked.length >= 2 && ranked[0]!.df > rowBudget) return { terms: [ranked[0]!.w, ranked[1]!.w], match: 'all' };
    // One word in more passages than the budget: bm25 would score them all (60 ms for 94,000 at 1M
    // passages) to rank by a word half the store contains. The other lists (vectors, speaker) decide.
    if (ranked.length === 1 && ranked[0]!.df > rowBudget) return undefined;
    let rows = 0;
    words = ranked.filter((x, i) => {
      if (i > 0 && ((i >= 2 && x.df > cap) || rows + x.df > rowBudget)) return false;
      rows += x.df;
      return true;
    }).map((x) => x.w);
  }
  return words.length ? { terms: words } : undefined;
}
