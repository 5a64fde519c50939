import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Answer } from '../core/answer.js';
import { bundledDocumentsDir, projectRoot } from '../core/paths.js';
import { detectLanguageOrUndefined } from '../core/language.js';
import type { EvalReport } from './evaluate.js';
import { percentile } from './stats.js';

/** Scores of the questions in one language. */
export interface LanguageSummary { n: number; hitAt1: number | null; hitAt5: number | null; abstained: number | null; framed: number | null; p50Ms: number }

/**
 * The documents the multilingual questions also ask about: the bundled ones and those in other languages
 * written for the tests (tests/fixtures/languages).
 */
export function extraDocuments(): string[] {
  const md = (dir: string) => {
    try { return readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md').sort().map((f) => path.join(dir, f)); } catch { return []; }
  };
  return [...md(bundledDocumentsDir()), ...md(path.join(projectRoot(), 'tests', 'fixtures', 'languages'))];
}

/**
 * True when the answer's own words (everything but its quotes and [n] markers) are in `lang`: the
 * answer says it is (`locale`) and the language detector agrees.
 */
export function framedIn(a: Answer, lang: string): boolean {
  if ((a.locale ?? 'en') !== lang) return false;
  // Each line's quote runs from its first quotation mark to the end of the line (a quote may hold others).
  const own = a.answer.split('\n').map((l) => l.replace(/[“„«"].*$/u, '')).join('\n').replace(/\[\d+\]/g, ' ');
  const detected = detectLanguageOrUndefined(own);
  return detected === lang || (lang === 'en' && detected === undefined);
}

export function byLanguage(results: EvalReport['results']): Pick<EvalReport['summary'], 'byLanguage' | 'nonEnglishP50Ms'> {
  const out: Record<string, LanguageSummary> = {};
  for (const lang of [...new Set(results.map((r) => r.lang).filter((l): l is string => !!l))]) {
    const rs = results.filter((r) => r.lang === lang);
    const answerable = rs.filter((r) => r.kind !== 'abstain');
    const abst = rs.filter((r) => r.kind === 'abstain');
    out[lang] = {
      n: rs.length,
      hitAt1: ratio(answerable.filter((r) => r.hitAt1).length, answerable.length),
      hitAt5: ratio(answerable.filter((r) => r.hitAt5).length, answerable.length),
      abstained: ratio(abst.filter((r) => r.abstained).length, abst.length),
      framed: ratio(rs.filter((r) => r.framed).length, rs.length),
      p50Ms: percentile(rs.map((r) => r.ms), 0.5),
    };
  }
  const foreign = results.filter((r) => r.lang && r.lang !== 'en').map((r) => r.ms);
  return { byLanguage: out, nonEnglishP50Ms: foreign.length ? percentile(foreign, 0.5) : undefined };
}

function ratio(a: number, b: number): number | null {
  return b === 0 ? null : a / b;
}
