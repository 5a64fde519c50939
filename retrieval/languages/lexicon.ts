import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../core/paths.js';
import { detectLanguage, foldWord, wordsOf, type Lang } from '../../core/language.js';
import { stem, tokenize } from '../../core/text.js';

interface LangIndex { prefixes: Map<string, string>; phrases: [string, string][] }
interface Lexicon { byLang: Map<Lang, LangIndex>; raw: Map<string, string[]> }

let lexicon: Lexicon | undefined;

/**
 * The bilingual domain lexicon (retrieval/languages/lexicon.json): each English word of the domain's core
 * vocabulary with the beginnings of its forms in the other languages. Loaded once.
 */
function load(): Lexicon {
  if (lexicon) return lexicon;
  const file = JSON.parse(readFileSync(path.join(projectRoot(), 'retrieval', 'languages', 'lexicon.json'), 'utf8')) as Record<string, Record<string, string[]> | string>;
  const byLang = new Map<Lang, LangIndex>();
  const raw = new Map<string, string[]>();
  for (const [english, forms] of Object.entries(file)) {
    if (typeof forms === 'string') continue;
    const concept = stem(tokenize(english)[0]!);
    for (const [lang, list] of Object.entries(forms) as [Lang, string[]][]) {
      let ix = byLang.get(lang);
      if (!ix) byLang.set(lang, (ix = { prefixes: new Map(), phrases: [] }));
      for (const form of list) {
        raw.set(concept, [...(raw.get(concept) ?? []), form.toLowerCase()]);
        const f = wordsOf(form).map((w) => fold(w.word, lang)).join(' ');
        if (f.includes(' ') || lang === 'zh') ix.phrases.push([f, concept]);
        else if (!ix.prefixes.has(f)) ix.prefixes.set(f, concept);
      }
    }
  }
  lexicon = { byLang, raw };
  return lexicon;
}

/** A word folded for the lexicon: script variants, and Arabic's attached "and"/"the" dropped. */
function fold(w: string, lang: Lang): string {
  const f = foldWord(w);
  return lang === 'ar' ? f.replace(/^(?:[وف]?(?:بال|لل|ال)|[وف])(?=\p{L}{3})/u, '') : f;
}

/** One found lexicon word: the English stem it means and where it is. */
export interface ConceptHit { concept: string; start: number; end: number }

/** The domain words of a text in `lang`, as English stems, with their spans. */
export function conceptHits(text: string, lang: Lang): ConceptHit[] {
  const ix = load().byLang.get(lang);
  if (!ix) return [];
  const out: ConceptHit[] = [];
  if (lang === 'zh') {
    for (const [form, concept] of ix.phrases) {
      for (let i = text.indexOf(form); i >= 0; i = text.indexOf(form, i + form.length)) out.push({ concept, start: i, end: i + form.length });
    }
    return out.sort((a, b) => a.start - b.start);
  }
  const words = wordsOf(text);
  const folded = words.map((w) => fold(w.word, lang));
  for (let i = 0; i < words.length; i++) {
    const w = folded[i]!;
    for (let n = Math.min(w.length, 16); n >= 2; n--) {
      const concept = ix.prefixes.get(w.slice(0, n));
      if (concept) { out.push({ concept, start: words[i]!.start, end: words[i]!.end }); break; }
    }
  }
  // A phrase matches consecutive words that each begin with its words ("прекращени огня" ~ "прекращении огня").
  for (const [phrase, concept] of ix.phrases) {
    const parts = phrase.split(' ');
    for (let i = 0; i + parts.length <= folded.length; i++) {
      if (!parts.every((p, k) => folded[i + k]!.startsWith(p))) continue;
      out.push({ concept, start: words[i]!.start, end: words[i + parts.length - 1]!.end });
      break;
    }
  }
  // A word inside a matched phrase means the phrase ("جنگ" war, in "جنگ بندی" ceasefire).
  const phrases = out.filter((h) => /\s/.test(text.slice(h.start, h.end)));
  return out.filter((h) => phrases.includes(h) || !phrases.some((p) => h.start >= p.start && h.end <= p.end))
    .sort((a, b) => a.start - b.start);
}

/** The English stems of the domain words in a text in `lang`. */
export function conceptStems(text: string, lang: Lang): string[] {
  return [...new Set(conceptHits(text, lang).map((h) => h.concept))];
}

/**
 * Prefix terms for the other languages' forms of these English stems (`атак`, searched as a prefix): an English
 * question then finds a Russian passage by its domain words. At most `max` terms; Chinese and Latin-script
 * forms and phrases are left out (one FTS token each would not match; Latin forms would match English).
 */
export function expansionTerms(stems: readonly string[], max = 24): string[] {
  const raw = load().raw;
  const out: string[] = [];
  for (const s of stems) {
    for (const form of raw.get(s) ?? []) {
      // Latin-script forms would match English passages too ("drone", "résidence"): only other scripts.
      if (/\s/.test(form) || /[\p{Script=Han}\p{Script=Latin}]/u.test(form) || form.length < 3) continue;
      const f = form.replace(/"/g, '');
      out.push(f);
      // Arabic writes "the" into the word (الهجوم): the prefix must start there too.
      if (/^\p{Script=Arabic}/u.test(f) && !f.startsWith('ال')) out.push(`ال${f}`);
    }
  }
  return [...new Set(out)].slice(0, max);
}

const OTHER_SCRIPT = /[\p{Script=Cyrillic}\p{Script=Arabic}\p{Script=Devanagari}\p{Script=Han}]/u;
const LATIN_ACCENT = /[\u00C0-\u024F]/u;

/**
 * The English stems of the domain words of a text in another language than English (a sentence of a
 * Russian document), so that it shares topic words with questions in any language. Empty for English
 * text, and cheaply so: plain ASCII text is not examined further.
 */
export function foreignConcepts(text: string): string[] {
  if (!OTHER_SCRIPT.test(text) && !LATIN_ACCENT.test(text)) return [];
  const lang = detectLanguage(text);
  return lang === 'en' ? [] : conceptStems(text, lang);
}

/** The Chinese forms of these English stems (whole words). */
export function chineseForms(stems: readonly string[]): string[] {
  const raw = load().raw;
  return [...new Set(stems.flatMap((s) => (raw.get(s) ?? []).filter((f) => /^\p{Script=Han}+$/u.test(f))))];
}
