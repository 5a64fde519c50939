/** Letters or digits: a word without any is punctuation, which the FTS tokenizer would drop anyway. */
const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * An FTS5 MATCH expression for plain words: each word quoted as a string (so no word is read as FTS
 * syntax: AND, NEAR, column filters, `*`), OR-ed together. No usable word gives an empty string.
 */
export function ftsMatchForWords(words: readonly string[]): string {
  return words
    .filter((w) => HAS_WORD_CHAR.test(w))
    .map((w) => `"${w.replaceAll('"', '""')}"`)
    .join(' OR ');
}
