/**
 * Language of a text and the script-level folding every layer shares (questions, documents, names).
 * Detection needs no model: the script decides most languages (Cyrillic, Arabic, Devanagari, Han), then
 * letters only one language of the script uses (Ukrainian і ї є ґ; Urdu ے ں ٹ ڈ ڑ) and, for Latin text,
 * counts of very common function words. English is the default: an unclear Latin text stays English.
 */

/** Languages the project reads and answers in (ISO 639-1). */
export const SUPPORTED_LANGUAGES = ['en', 'ru', 'uk', 'ur', 'ar', 'zh', 'hi', 'fr', 'es', 'de'] as const;
/** One of the supported languages. */
export type Lang = (typeof SUPPORTED_LANGUAGES)[number];

/** True when `x` is one of the supported languages. */
export function isLang(x: string | undefined): x is Lang {
  return !!x && (SUPPORTED_LANGUAGES as readonly string[]).includes(x);
}

// The most frequent function words of each Latin-script language: enough to tell them apart in a
// sentence or a question (general vocabulary, not taken from any test question).
const LATIN_WORDS: Record<'en' | 'fr' | 'es' | 'de', string[]> = {
  en: ['the', 'of', 'and', 'to', 'in', 'is', 'was', 'that', 'what', 'did', 'who', 'said', 'with', 'for', 'on', 'has', 'about', 'does'],
  fr: ['le', 'la', 'les', 'des', 'du', 'et', 'est', 'une', 'un', 'que', 'qui', 'a', 'dit', 'pour', 'dans', 'sur', 'au', 'aux', 'pas', 'quoi', 'quel', 'quelle', 'ce', 'il', 'elle', 'ont', 'sont', "l", "d", "qu"],
  es: ['el', 'la', 'los', 'las', 'del', 'y', 'es', 'una', 'un', 'que', 'qué', 'quién', 'quien', 'dijo', 'para', 'por', 'en', 'con', 'al', 'se', 'su', 'ha', 'han', 'fue', 'sobre', 'cómo'],
  de: ['der', 'die', 'das', 'und', 'ist', 'was', 'wer', 'hat', 'haben', 'den', 'dem', 'des', 'ein', 'eine', 'nicht', 'mit', 'zu', 'von', 'über', 'gesagt', 'sagte', 'wie', 'auf', 'im', 'es', 'sich', 'wurde'],
};

// Common words that one of Russian and Ukrainian has and the other does not (for texts without ы or і).
const UK_WORDS = /(?<!\p{L})(?:хто|що|чи|як|та|від|це|він|вона|також|щодо|про)(?!\p{L})/giu;
const RU_WORDS = /(?<!\p{L})(?:кто|что|как|это|он|она|также|от|или|об)(?!\p{L})/giu;

/** The language of `text`: one of SUPPORTED_LANGUAGES, English when nothing else is clear. */
export function detectLanguage(text: string): Lang {
  return detectLanguageOrUndefined(text) ?? 'en';
}

/**
 * The language of a short text such as a question, or undefined when it shows none (a Latin-script text
 * without any common function word, "Pakistan?"): the caller then falls back on the asker's locale.
 */
export function detectLanguageOrUndefined(text: string): Lang | undefined {
  const sample = text.slice(0, 4000);
  const count = (re: RegExp) => sample.match(re)?.length ?? 0;
  const scripts = {
    cyr: count(/\p{Script=Cyrillic}/gu), arab: count(/\p{Script=Arabic}/gu), deva: count(/\p{Script=Devanagari}/gu),
    han: count(/\p{Script=Han}/gu), latn: count(/\p{Script=Latin}/gu),
  };
  const kana = count(/[\p{Script=Hiragana}\p{Script=Katakana}]/gu);
  // Han characters carry about a word each: weigh them against Latin letters (about 5 per word).
  const best = Object.entries({ ...scripts, han: scripts.han * 3 }).sort((a, b) => b[1] - a[1])[0]!;
  if (best[1] === 0) return undefined;
  switch (best[0]) {
    case 'cyr': return count(/[іїєґІЇЄҐ]/gu) + 2 * count(UK_WORDS) > count(/[ыэъёЫЭЪЁ]/gu) + 2 * count(RU_WORDS) ? 'uk' : 'ru';
    case 'arab': return count(/[ٹڈڑںےۓہھگچپژک]/gu) > 0 && count(/[ٹڈڑںےۓہھ]/gu) * 20 >= scripts.arab * 0.1 ? 'ur' : 'ar';
    case 'deva': return 'hi';
    case 'han': return kana > scripts.han / 4 ? undefined : 'zh';
    default: return latinLanguage(sample);
  }
}

function latinLanguage(text: string): Lang | undefined {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const scores = { en: 0, fr: 0, es: 0, de: 0 } as Record<keyof typeof LATIN_WORDS, number>;
  const sets = Object.fromEntries(Object.entries(LATIN_WORDS).map(([l, ws]) => [l, new Set(ws)])) as Record<keyof typeof LATIN_WORDS, Set<string>>;
  for (const w of words) for (const l of Object.keys(scores) as (keyof typeof scores)[]) if (sets[l].has(w)) scores[l]++;
  // Letters and marks that English never uses tip a short question.
  if (/[¿¡ñ]/u.test(text)) scores.es += 2;
  if (/[ßäöü]/u.test(text)) scores.de += 2;
  if (/[çœèêàùâîô]|\b[ldjnqs]['’]\p{L}/u.test(text)) scores.fr += 2;
  const ranked = (Object.entries(scores) as [Lang, number][]).sort((a, b) => b[1] - a[1]);
  const [top, second] = ranked;
  if (top![1] === 0) return undefined;
  if (top![0] === 'en' || top![1] === second![1]) return 'en';
  // A foreign language must clearly outscore English, so an English text quoting a French phrase stays English.
  return top![1] > scores.en ? top![0] : 'en';
}

/**
 * Folds one word for matching: compatibility forms, case, diacritics of Latin, Greek and Cyrillic letters
 * (й and ё become и and е), Arabic-script letter variants (alef forms, alef maqsura, teh marbuta,
 * Urdu/Persian kaf, yeh and heh), Arabic short vowels and tatweel. Devanagari vowel signs are letters of
 * the word and are kept ("पेरू" is not "पर").
 */
export function foldWord(w: string): string {
  return w.normalize('NFKD').replace(/(?<=[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]\p{M}*)\p{M}/gu, '')
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '').toLowerCase()
    .replace(/[أإآٱ]/g, 'ا').replace(/[ىیېۍ]/g, 'ي').replace(/ة/g, 'ه').replace(/[ۃۂہھ]/g, 'ه')
    .replace(/ک/g, 'ك').replace(/ے/g, 'ي').replace(/[’']/g, "'");
}

/** Words of a text with their offsets (letters, digits, marks inside a word). */
export function wordsOf(text: string): { word: string; start: number; end: number }[] {
  return [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}\p{M}\u0640\u200c]*/gu)].map((m) => ({ word: m[0], start: m.index, end: m.index + m[0].length }));
}

/** Languages written without spaces between words, whose passages are also indexed segmented. */
export const SEGMENTED_LANGUAGES: readonly string[] = ['zh'];

let segmenter: Intl.Segmenter | undefined;
/** Han text as words separated by spaces (Intl.Segmenter); other text keeps its words. */
export function segmentWords(text: string): string {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return [...segmenter.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment).join(' ');
}
