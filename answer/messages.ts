import { readFileSync } from 'node:fs';
import path from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { projectRoot } from '../core/paths.js';

/** Languages with a message catalogue in answer/messages/<locale>.json. */
export const LOCALES = ['en', 'ru', 'uk', 'ur', 'ar', 'zh', 'hi', 'fr', 'es', 'de'] as const;
/** A supported language (BCP 47 primary subtag). */
export type Locale = (typeof LOCALES)[number] | (string & {});

type Catalogue = Record<string, string>;
const catalogues = new Map<string, Catalogue | null>();
const compiled = new Map<string, IntlMessageFormat>();

function catalogue(locale: string): Catalogue | null {
  if (!catalogues.has(locale)) {
    let c: Catalogue | null = null;
    try {
      c = JSON.parse(readFileSync(path.join(projectRoot(), 'answer', 'messages', `${locale}.json`), 'utf8')) as Catalogue;
    } catch { c = null; }
    catalogues.set(locale, c);
  }
  return catalogues.get(locale)!;
}

/**
 * The fixed text `key` in `locale` (ICU MessageFormat, filled with `vars`); English when the locale has
 * no catalogue or lacks the key. An unknown key is a programming error and throws.
 */
export function msg(locale: Locale | undefined, key: string, vars: Record<string, string | number> = {}): string {
  const lang = (locale ?? 'en').toLowerCase().split(/[-_]/)[0]!;
  const own = catalogue(lang)?.[key];
  const text = own ?? catalogue('en')?.[key];
  if (text === undefined) throw new Error(`No message "${key}" in answer/messages/en.json`);
  const id = `${own === undefined ? 'en' : lang}\u0000${key}`;
  let f = compiled.get(id);
  if (!f) compiled.set(id, (f = new IntlMessageFormat(text, own === undefined ? 'en' : lang)));
  return String(f.format(vars));
}
