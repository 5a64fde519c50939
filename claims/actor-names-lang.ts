/**
 * Names of actors in the other supported languages, outside the matcher (claims/actors-lang.ts): the data it
 * reads, a name's stem, an actor's name in a locale, and names as search terms for other scripts.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../core/paths.js';
import type { Lang } from '../core/language.js';

/** A country of the world-countries package, as far as names go. */
export interface CountryRecord { cca2: string; cca3: string; translations: Record<string, { common: string; official: string }> }
/** claims/data/actors-lang.json: per language, actor id -> names. */
export type LangFile = Record<string, Record<string, string[]> | string>;

/** world-countries keys its translations by ISO 639-3 (and 'zho' for Chinese). */
export const WC_KEYS: Partial<Record<Lang, string>> = { ru: 'rus', ur: 'urd', ar: 'ara', zh: 'zho', fr: 'fra', es: 'spa', de: 'deu' };
// Endings after folding too (й becomes и): ий/ии, ый/ыи, ой/ои.
const CYR_ENDING2 = /(?:ий|ии|ый|ыи|ой|ои|ая|яя|ое|ее|ие|ые|ія|іи|ия|ьи)$/u;
const CYR_ENDING1 = /[аяоеиыуюьйіїє]$/u;
/** Arabic's attached "and", "so", "with/for the", "the". */
const AR_CLITIC = /^(?:[وف]?(?:بال|لل|كال|ال)|[وف])(?=\p{L}{3})/u;

let countries: CountryRecord[] | undefined;
let langFile: LangFile | undefined;
/** The countries of world-countries (loaded once). */
export function loadCountries(): CountryRecord[] {
  return (countries ??= createRequire(import.meta.url)('world-countries/countries.json') as CountryRecord[]);
}
/** claims/data/actors-lang.json (loaded once). */
export function loadLangFile(): LangFile {
  return (langFile ??= JSON.parse(readFileSync(path.join(projectRoot(), 'claims', 'data', 'actors-lang.json'), 'utf8')) as LangFile);
}

export function safeDisplay(d: Intl.DisplayNames, code: string): string | undefined {
  try { return d.of(code) ?? undefined; } catch { return undefined; }
}

/** A name word without its inflectional ending, so that other case forms start with it. */
export function nameStem(w: string, lang: Lang): string {
  if ((lang === 'ru' || lang === 'uk') && w.length > 4) {
    for (const re of [CYR_ENDING2, CYR_ENDING1]) {
      const s = w.replace(re, '');
      if (s !== w && s.length >= 4) return s;
    }
    return w;
  }
  return stripClitic(w, lang);
}

/** A word without Arabic's attached "and"/"the" (other languages unchanged). */
export function stripClitic(w: string, lang: Lang): string {
  return lang === 'ar' ? w.replace(AR_CLITIC, '') : w;
}

let displayData: { cca2: Map<string, string>; bodies: Record<string, Record<string, string[]>> } | undefined;
/**
 * An actor's name in `locale`: a country's from Intl.DisplayNames, a body's as first listed in
 * actors-lang.json; the English name otherwise.
 */
export function actorName(actor: { id: string; name: string; kind: string }, locale: string | undefined): string {
  const lang = (locale ?? 'en').toLowerCase().split(/[-_]/)[0]!;
  if (lang === 'en') return actor.name;
  displayData ??= { cca2: new Map(loadCountries().map((c) => [c.cca3, c.cca2])), bodies: loadLangFile() as Record<string, Record<string, string[]>> };
  if (actor.kind === 'country') {
    const code = displayData.cca2.get(actor.id);
    try {
      const n = code ? new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' }).of(code) : undefined;
      if (n) return n;
    } catch { /* an unknown locale: the English name */ }
    return actor.name;
  }
  return displayData.bodies[lang]?.[actor.id]?.[0] ?? actor.name;
}

let nameTerms: Map<string, string[]> | undefined;
/**
 * Prefix terms (searched as word prefixes) for the names of these actors in Cyrillic, Arabic and Devanagari
 * script ("росси", "пакистан"), for finding documents in those languages from a question in any language. Latin and Han
 * names are left out (Latin ones would match English passages; Han text is not split into words).
 */
export function foreignNameTerms(actorIds: readonly string[], max = 12): string[] {
  if (!nameTerms) {
    nameTerms = new Map();
    const countries = loadCountries();
    const data = loadLangFile();
    const add = (id: string, lang: Lang, name: string | undefined) => {
      if (!name || !/^[\p{Script=Cyrillic}\p{Script=Arabic}\p{Script=Devanagari}\s'’-]+$/u.test(name)) return;
      const words = name.normalize('NFC').toLowerCase().split(/[\s'’-]+/).filter((w) => w.length >= 3);
      const stemmed = words.map((w) => nameStem(w, lang));
      if (stemmed.length) nameTerms!.set(id, [...(nameTerms!.get(id) ?? []), stemmed.sort((a, b) => b.length - a.length)[0]!]);
    };
    for (const lang of ['ru', 'uk', 'ur', 'ar', 'hi'] as Lang[]) {
      const display = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
      for (const c of countries) {
        add(c.cca3, lang, WC_KEYS[lang] ? c.translations[WC_KEYS[lang]!]?.common : undefined);
        add(c.cca3, lang, safeDisplay(display, c.cca2));
      }
      const extra = data[lang];
      if (extra && typeof extra === 'object') for (const [id, names] of Object.entries(extra)) for (const n of names) if (n.length > 4) add(id, lang, n);
    }
  }
  return [...new Set(actorIds.flatMap((id) => nameTerms!.get(id) ?? []))].slice(0, max);
}

let hanNames: Map<string, string[]> | undefined;
/** The Chinese names of these actors (world-countries and actors-lang.json), for the segmented index. */
export function chineseNames(actorIds: readonly string[]): string[] {
  if (!hanNames) {
    hanNames = new Map();
    const countries = loadCountries();
    const data = loadLangFile();
    const add = (id: string, n: string | undefined) => { if (n) hanNames!.set(id, [...(hanNames!.get(id) ?? []), n]); };
    for (const c of countries) add(c.cca3, c.translations.zho?.common);
    const zh = data.zh;
    if (zh && typeof zh === 'object') for (const [id, names] of Object.entries(zh)) for (const n of names) add(id, n);
  }
  return [...new Set(actorIds.flatMap((id) => hanNames!.get(id) ?? []))];
}
