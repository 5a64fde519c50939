import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../app/config.js';
import { createApp, type AppInternals } from '../app/create-app.js';
import { UserError } from '../app/errors.js';
import { readJsonl } from '../corpus/loaders/index.js';
import type { DocumentInput } from '../corpus/types.js';
import type { Answer } from '../answer/types.js';
import { projectRoot } from '../app/paths.js';
import { detectLanguageOrUndefined } from '../corpus/language.js';
import { percentile } from './stats.js';

/** One line of the questions file. */
export interface EvalQuestion {
  id: string;
  kind: 'speaker' | 'event' | 'abstain';
  question: string;
  gold_doc_ids: string[];
  gold_contains?: string;
  /** The question's language, in the multilingual set (bench/data/dev-questions-multilingual.jsonl). */
  lang?: string;
}

/** Scores of the questions in one language. */
export interface LanguageSummary { n: number; hitAt1: number | null; hitAt5: number | null; abstained: number | null; framed: number | null; p50Ms: number }

interface KindSummary { n: number; hitAt1: number | null; hitAt5: number | null; containsGold: number | null; wrongfulAbstentions: number | null }

/** The evaluation report; other tools read these names. */
export interface EvalReport {
  summary: {
    questions: number; corpusChunks: number;
    speaker: KindSummary; event: KindSummary; abstain: { n: number; abstained: number | null };
    latency: { p50Ms: number; p95Ms: number };
    /** With a multilingual question set: scores per language, and the p50 latency of the non-English questions. */
    byLanguage?: Record<string, LanguageSummary>;
    nonEnglishP50Ms?: number;
  };
  results: { id: string; kind: string; abstained: boolean; citedDocIds: string[]; ms: number; hitAt1: boolean; hitAt5: boolean; lang?: string; framed?: boolean }[];
}

const CORPORA = ['un_general_debate', 'wikipedia_current_events', 'state_dept_press'];

/**
 * Builds (once, cached in `<dataDir>/eval`) a store over the three corpora of the evaluation folder,
 * answers every question and scores the citations against the gold documents.
 */
export async function evaluate(opts: { config: Config; questions: EvalQuestion[]; corpusDir: string; progress?: (m: string) => void }): Promise<EvalReport> {
  const multilingual = opts.questions.some((q) => q.lang);
  const app = await evalApp(opts.config, opts.corpusDir, opts.progress, multilingual);
  try {
    const results: EvalReport['results'] = [];
    const rows: { q: EvalQuestion; abstained: boolean; cited: string[]; quotes: string[] }[] = [];
    for (const q of opts.questions) {
      const a = await app.answer(q.question, { channel: 'eval' });
      const cited = a.citations.map((c) => c.docId);
      const gold = new Set(q.gold_doc_ids);
      results.push({
        id: q.id, kind: q.kind, abstained: a.abstained, citedDocIds: cited, ms: a.timings.totalMs ?? 0,
        hitAt1: cited.slice(0, 1).some((d) => gold.has(d)), hitAt5: cited.slice(0, 5).some((d) => gold.has(d)),
        ...(q.lang ? { lang: q.lang, framed: framedIn(a, q.lang) } : {}),
      });
      rows.push({ q, abstained: a.abstained, cited, quotes: a.citations.map((c) => c.quote) });
    }
    const kind = (k: 'speaker' | 'event'): KindSummary => {
      const rs = results.filter((r) => r.kind === k);
      const withGold = rows.filter((r) => r.q.kind === k && r.q.gold_contains);
      return {
        n: rs.length,
        hitAt1: ratio(rs.filter((r) => r.hitAt1).length, rs.length),
        hitAt5: ratio(rs.filter((r) => r.hitAt5).length, rs.length),
        containsGold: ratio(withGold.filter((r) => r.quotes.some((x) => x.toLowerCase().includes(r.q.gold_contains!.toLowerCase()))).length, withGold.length),
        wrongfulAbstentions: ratio(rs.filter((r) => r.abstained).length, rs.length),
      };
    };
    const abst = results.filter((r) => r.kind === 'abstain');
    const ms = results.map((r) => r.ms);
    return {
      summary: {
        questions: results.length, corpusChunks: app.stats().chunks,
        speaker: kind('speaker'), event: kind('event'),
        abstain: { n: abst.length, abstained: ratio(abst.filter((r) => r.abstained).length, abst.length) },
        latency: { p50Ms: ms.length ? percentile(ms, 0.5) : 0, p95Ms: ms.length ? percentile(ms, 0.95) : 0 },
        ...(multilingual ? byLanguage(results) : {}),
      },
      results,
    };
  } finally {
    await app.close();
  }
}

/**
 * The app over the evaluation corpora, built once and cached under `<dataDir>/eval` (with `multilingual`,
 * under `<dataDir>/eval-multilingual`, with the bundled documents and the fixtures in other languages too).
 */
export async function evalApp(config: Config, corpusDir: string, progress?: (m: string) => void, multilingual = false): Promise<AppInternals> {
  const files = CORPORA.flatMap((d) => {
    const dir = path.join(corpusDir, d);
    try { return readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort().map((f) => path.join(dir, f)); } catch { return []; }
  });
  if (files.length === 0) throw new UserError('FILE_NOT_FOUND', { path: `${corpusDir}/{${CORPORA.join(',')}}/*.jsonl` });
  // The multilingual set also asks about the bundled documents and the fixtures in other languages.
  const extras = multilingual ? extraDocuments() : [];
  const key = [...files, ...extras].map((f) => `${path.basename(f)}:${statSync(f).size}`).join('|');
  const app = await createApp({ ...config, dataDir: path.join(config.dataDir, multilingual ? 'eval-multilingual' : 'eval') }, { bundled: multilingual });
  if (app.deps.store.getMeta('eval_corpus_key') === key) return app;
  for (const f of extras) await app.addDocument({ kind: 'path', path: f });
  for (const file of files) {
    let batch: DocumentInput[] = [];
    let n = 0;
    for await (const item of readJsonl(file, { ...app.loadOptions, format: 'auto' })) {
      if (item.doc) batch.push(item.doc);
      if (batch.length >= 500) { await app.importDocuments(batch, undefined, () => {}); n += batch.length; batch = []; progress?.(`${path.basename(file)}: ${n}`); }
    }
    await app.importDocuments(batch, undefined, () => {});
  }
  app.deps.store.setMeta('eval_corpus_key', key);
  await app.saveIndex();
  return app;
}

function ratio(a: number, b: number): number | null {
  return b === 0 ? null : a / b;
}

/** The documents in other languages written for the tests (tests/fixtures/languages). */
function extraDocuments(): string[] {
  const dir = path.join(projectRoot(), 'tests', 'fixtures', 'languages');
  try { return readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md').sort().map((f) => path.join(dir, f)); } catch { return []; }
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

function byLanguage(results: EvalReport['results']): Pick<EvalReport['summary'], 'byLanguage' | 'nonEnglishP50Ms'> {
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
