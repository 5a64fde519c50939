import type { LexicalSearch } from '../core/ports.js';

/**
 * The lexical port with its document frequencies remembered until the store version changes: one
 * answer asks for the frequencies of the same words three or four times (the topic's weights, the
 * bounded query, the wider search), and on PostgreSQL each ask is a round trip. At most `max` words.
 */
export function cachedFrequencies(lexical: LexicalSearch, version: () => number, max = 20_000): LexicalSearch {
  let cache = { version: Number.NaN, df: new Map<string, number>() };
  return {
    ...(lexical.rowBudget !== undefined ? { rowBudget: lexical.rowBudget } : {}),
    search: (query, opts) => lexical.search(query, opts),
    async documentFrequencies(words) {
      const v = version();
      if (cache.version !== v || cache.df.size > max) cache = { version: v, df: new Map() };
      const c = cache;
      const missing = [...new Set(words.filter((w) => !c.df.has(w)))];
      if (missing.length) (await lexical.documentFrequencies(missing)).forEach((n, i) => c.df.set(missing[i]!, n));
      return words.map((w) => c.df.get(w) ?? 0);
    },
  };
}
