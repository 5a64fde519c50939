/** Words that carry no topic: dropped from lexical queries and down-weighted in vectors. */
export const STOP_WORDS = new Set(
  ('a an and are as at be been but by can could did do does for from had has have he her his how i if in into is it its ' +
    'me my no not of on or our say said says she so than that the their them then there these they this those to ' +
    'us was we were what when where which who whom why will with would you your about after also any between both ' +
    'during each few more most other over same some such through under until up very while against again further ' +
    'once only own too just should now tell told know according regarding').split(' '),
);

/** Lower-cased word tokens with accents folded (letters and digits only). */
export function tokenize(text: string): string[] {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** A light English stemmer: enough to join plurals and simple verb forms ("attacks", "attacked"). */
export function stem(w: string): string {
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
  if (w.endsWith('ing') && w.length > 5) return trimDouble(w.slice(0, -3));
  if (w.endsWith('ed') && w.length > 4) return trimDouble(w.slice(0, -2));
  if (w.endsWith('es') && /(ss|x|ch|sh)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) return w.slice(0, -1);
  return w;
}

function trimDouble(w: string): string {
  return /([bdfgmnprt])\1$/.test(w) ? w.slice(0, -1) : w;
}
