import { detectLanguageOrUndefined, isLang, type Lang } from '../../core/language.js';

/** The supported language of a locale code ("es-ES" -> "es", "zh-CN" -> "zh"), or undefined. */
export function langOfLocale(locale: string | undefined): Lang | undefined {
  const primary = locale?.trim().toLowerCase().split(/[-_]/)[0];
  return isLang(primary) ? primary : undefined;
}

/**
 * The language an answer is framed in: `override` when given (the CLI's `--locale`), else the language the
 * question is written in, else the asker's locale (Discord's interaction locale, then the server's), else English.
 */
export function chooseLocale(question: string, opts: { override?: string; fallbacks?: (string | undefined)[] } = {}): Lang {
  const forced = langOfLocale(opts.override);
  if (forced) return forced;
  const detected = detectLanguageOrUndefined(question);
  if (detected) return detected;
  for (const f of opts.fallbacks ?? []) {
    const l = langOfLocale(f);
    if (l) return l;
  }
  return 'en';
}
