import type { Store } from '../corpus/store.js';
import { STOP_WORDS, tokenize } from './text.js';

/**
 * An FTS5 query for free text: content words OR-ed, each quoted (so nothing in the question is read
 * as FTS syntax), stop words dropped because they make OR queries slow and add nothing to bm25.
 */
export function toMatchQuery(text: string, maxTerms = 16): string {
  const words = [...new Set(tokenize(text).filter((w) => !STOP_WORDS.has(w) && w.length > 1))].slice(0, maxTerms);
  return words.map((w) => `"${w}"`).join(' OR ');
}

/** bm25 search over chunks for free text; best first. */
export function lexicalSearch(store: Store, text: string, limit: number): { id: number; score: number }[] {
  return store.lexicalSearch(toMatchQuery(text), limit);
}
