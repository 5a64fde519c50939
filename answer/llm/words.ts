import { STOP_WORDS, stem, tokenize } from '../../core/text.js';

// Word-level evidence used by the answer checks: content words, numbers and capitalised names of a
// sentence, and the cues that mark a statement as attributed or hedged.

const NUMBER_WORDS: Record<string, string> = {
  one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10',
  eleven: '11', twelve: '12', thirteen: '13', fourteen: '14', fifteen: '15', sixteen: '16', seventeen: '17',
  eighteen: '18', nineteen: '19', twenty: '20', thirty: '30', forty: '40', fifty: '50', sixty: '60', seventy: '70',
  eighty: '80', ninety: '90', hundred: '100', thousand: '1000', million: '1000000', billion: '1000000000',
  dozen: '12', dozens: 'dozens', hundreds: 'hundreds', thousands: 'thousands',
};

// Words that present content as someone's claim, or as uncertain.
const ATTRIBUTION = String.raw`alleg\w*|according to|claim\w*|report\w*|den(y|ies|ied|ial\w*)|reject\w*|said|say\w*|stat(ed|ement\w*)|assert\w*|accus\w*|purport\w*|unconfirm\w*|unverif\w*|disput\w*|insist\w*|suggest\w*|dismiss\w*|call(s|ed)|describ\w*|contend\w*|maintain\w*|argu\w*|told|quot\w*|apparent\w*|supposed\w*|so-called|may have|might|possibl\w*|no independent`;
const STRONG_CUE = new RegExp(String.raw`\b(${ATTRIBUTION})\b`, 'i');
// Also speech acts: what follows "condemned", "urged" or "warned" is the speaker's, not the outlet's.
const CUE = new RegExp(String.raw`\b(${ATTRIBUTION}|condemn\w*|urg(e|es|ed|ing)|emphasi[sz]\w*|stress(es|ed)|warn\w*)\b`, 'i');

// Hedges inside a source sentence that an answer must not drop.
const HEDGE = /\b(alleg\w*|reportedly|purported\w*|unconfirmed|unverified|claim(s|ed)?|accus\w*|assert\w*|no independent|supposed\w*)\b/i;
// A hedge that modifies the next words: "the alleged attack", "reportedly shot down".
const MODIFIER = /\b(alleged(?:ly)?|reportedly|purported(?:ly)?|unconfirmed|unverified|so-called|supposed(?:ly)?)\s+((?:[\p{L}-]+\s+){0,2}[\p{L}-]+)/giu;

// Words that upgrade a claim's status, and what cancels them when it comes just before.
const UPGRADE = /\b(confirm\w*|verified|proven|proved|established|corroborated|undisputed|certainly|definitely|in fact)\b/gi;
const NEGATION = /\b(no|not|never|without|nothing|yet to|cannot|n't)\b/i;

// Sentence-initial capitalised words that are not names.
const OPENERS = new Set(('according however meanwhile separately additionally moreover furthermore finally first second ' +
  'third overall instead still yet thus therefore although though despite since because after before earlier later ' +
  'both neither several many none all each every another here one officials authorities critics diplomats analysts ' +
  'sources reports the a an in on at by as it its this these those there they he she we while when what who which').split(' '));

const NOT_CONTENT = /^(said|say|says|saying|according|stated|told|reportedly|allegedly|passage|passages|source|sources)$/;

const CALENDAR = new Set(('january february march april may june july august september october november december ' +
  'monday tuesday wednesday thursday friday saturday sunday').split(' '));

/** Content words of a text, stemmed, without stop words, numbers and pure attribution words ("said"). */
export function contentWords(text: string): string[] {
  const out = new Set<string>();
  for (const w of tokenize(text)) {
    if (STOP_WORDS.has(w) || w.length < 2 || /^\d+$/.test(w) || NUMBER_WORDS[w] || NOT_CONTENT.test(w)) continue;
    out.add(stem(w));
  }
  return [...out];
}

/** Numbers in a text, normalised ("1,200" -> "1200", "three" -> "3"). */
export function numbersIn(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/\d[\d,.]*\d|\d/g)) out.add(m[0].replace(/,(?=\d{3}\b)/g, '').replace(/\.$/, ''));
  for (const w of tokenize(text)) if (NUMBER_WORDS[w]) out.add(NUMBER_WORDS[w]!);
  return [...out];
}

/**
 * Capitalised names of a sentence (proper nouns, acronyms), lower-cased and without a possessive. The
 * first word counts unless it is a common opener ("The", "However", "Officials").
 */
export function namesIn(sentence: string): string[] {
  const out = new Set<string>();
  const words = [...sentence.matchAll(/[\p{L}][\p{L}\p{M}'’.-]*/gu)];
  words.forEach((m, i) => {
    const w = m[0].replace(/['’]s?$/u, '').replace(/[.-]+$/, '').replace(/\./g, '');
    // "Russia-Ukraine": each capitalised part is a name.
    for (const part of w.split('-')) {
      if (!/^\p{Lu}/u.test(part) || part === 'I') continue;
      const lower = part.toLowerCase();
      if (CALENDAR.has(lower) || (i === 0 && (OPENERS.has(lower) || STOP_WORDS.has(lower)))) continue;
      out.add(lower);
    }
  });
  return [...out];
}

/**
 * True when `have` holds `word`, or a form of it that differs only by a short ending: "Pakistan" ~
 * "Pakistani", "Ukraine" ~ "Ukrainian", and with a larger `maxExtra`, "condemn" ~ "condemnation".
 */
export function matchesWord(word: string, have: ReadonlySet<string>, maxExtra = 3): boolean {
  if (have.has(word)) return true;
  if (word.length < 4) return false;
  for (const h of have) {
    if (h.length < 4) continue;
    const [s, l] = word.length <= h.length ? [word, h] : [h, word];
    const base = l.startsWith(s) ? s : /[aey]$/.test(s) && l.startsWith(s.slice(0, -1)) ? s.slice(0, -1) : '';
    if (base.length >= 4 && l.length - base.length <= maxExtra) return true;
  }
  return false;
}

/** Lower-cased surface words of a text (for name matching); "U.S." also gives "us". */
export function surfaceWords(text: string): Set<string> {
  return new Set([...tokenize(text), ...tokenize(text.replace(/(\p{L})\.(?=\p{L})/gu, '$1'))]);
}

/** True when the sentence attributes or hedges what it says (speech acts such as "condemned" count). */
export function hasCue(sentence: string): boolean {
  return CUE.test(sentence);
}

/** True when the sentence presents what it says as someone's claim or as uncertain (speech acts do not count). */
export function hasStrongCue(sentence: string): boolean {
  return STRONG_CUE.test(sentence);
}

/** True when the sentence carries a hedge an answer must keep. */
export function hasHedge(sentence: string): boolean {
  return HEDGE.test(sentence);
}

/** Content words a hedge modifies in a sentence: "the alleged drone attack" -> drone, attack. */
export function hedgedWords(sentence: string): string[] {
  return [...sentence.matchAll(MODIFIER)].flatMap((m) => contentWords(m[2]!));
}

/** True when the sentence calls something confirmed or verified, with no negation just before it. */
export function upgrades(sentence: string): boolean {
  return [...sentence.matchAll(UPGRADE)].some((m) => {
    const before = sentence.slice(Math.max(0, m.index - 40), m.index);
    return !NEGATION.test(before.split(/\s+/).slice(-4).join(' '));
  });
}

const INJECTION = [
  /\b(ignore|disregard|forget|override)\s+(all\s+|any\s+|the\s+|your\s+|of\s+)*(previous|prior|above|earlier|preceding|system|these|those)?\s*(instructions?|prompts?|rules?|guidelines?|directions?)\b/i,
  /\b(you are now|you must now|system prompt|new instructions?|as an ai (model|assistant)|developer mode)\b/i,
  /^\W*(please\s+)?(say|answer|respond|reply|write|output|print|repeat|tell the user)\b/i,
];

/** True when a passage sentence reads as an instruction to the model rather than reporting. */
export function looksLikeInjection(sentence: string): boolean {
  return INJECTION.some((re) => re.test(sentence));
}
