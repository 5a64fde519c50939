import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../app/config.js';
import { createApp, type AppInternals } from '../app/create-app.js';
import { UserError } from '../core/errors.js';
import { readJsonl } from '../corpus/loaders/index.js';
import type { DocumentInput } from '../core/documents.js';
import { openEvalStore, type EvalStoreKey } from './eval-cache.js';
import { machineInfo, runFinished, runStarted } from './run-info.js';
import { byLanguage, extraDocuments, framedIn, type LanguageSummary } from './evaluate-languages.js';
import { percentile } from './stats.js';
import type { BenchResult, RunInfo } from './types.js';

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

interface KindSummary { n: number; hitAt1: number | null; hitAt5: number | null; containsGold: number | null; wrongfulAbstentions: number | null }

/** The evaluation report; other tools read these names. */
export interface EvalReport {
  run: RunInfo;
  machine: BenchResult['machine'];
  /** The settings that change the answers. */
  settings: { retrievalMode: string; answerMode: string; claimsMode: string; embedder: string };
  summary: {
    questions: number; corpusChunks: number;
    speaker: KindSummary; event: KindSummary; abstain: { n: number; abstained: number | null };
    /** Speaker and event questions (all answerable) that got an abstention. */
    wrongful: { count: number; of: number };
    latency: { p50Ms: number; p95Ms: number };
    /** With a multilingual question set: scores per language, and the p50 latency of the non-English questions. */
    byLanguage?: Record<string, LanguageSummary>;
    nonEnglishP50Ms?: number;
  };
  /** The parts of the store's key that made this run rebuild it (empty: the cached store was current). */
  storeRebuilt: string[];
  results: { id: string; kind: string; abstained: boolean; citedDocIds: string[]; ms: number; hitAt1: boolean; hitAt5: boolean; lang?: string; framed?: boolean }[];
}

const CORPORA = ['un_general_debate', 'wikipedia_current_events', 'state_dept_press'];

/**
 * Builds (once, cached in `<dataDir>/eval`) a store over the three corpora of the evaluation folder,
 * answers every question and scores the citations against the gold documents.
 */
export async function evaluate(opts: { config: Config; questions: EvalQuestion[]; corpusDir: string; progress?: (m: string) => void; command?: string }):
Promise<EvalReport> {
  const started = runStarted(opts.command ?? 'npm run eval');
  const multilingual = opts.questions.some((q) => q.lang);
  const { app, rebuilt } = await evalApp(opts.config, opts.corpusDir, opts.progress, undefined, multilingual);
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
    const answerable = results.filter((r) => r.kind !== 'abstain');
    const ms = results.map((r) => r.ms);
    const c = opts.config;
    return {
      run: runFinished(started),
      machine: machineInfo(),
      settings: { retrievalMode: c.RETRIEVAL_MODE, answerMode: c.ANSWER_MODE, claimsMode: c.CLAIMS_MODE, embedder: app.deps.embedder.id },
      summary: {
        questions: results.length, corpusChunks: (await app.stats()).chunks,
        speaker: kind('speaker'), event: kind('event'),
        abstain: { n: abst.length, abstained: ratio(abst.filter((r) => r.abstained).length, abst.length) },
        wrongful: { count: answerable.filter((r) => r.abstained).length, of: answerable.length },
        latency: { p50Ms: ms.length ? percentile(ms, 0.5) : 0, p95Ms: ms.length ? percentile(ms, 0.95) : 0 },
        ...(multilingual ? byLanguage(results) : {}),
      },
      storeRebuilt: rebuilt,
      results,
    };
  } finally {
    await app.close();
  }
}

/** The input files of the evaluation store: the JSONL files of the three corpora, sorted. */
export function evalCorpusFiles(corpusDir: string): string[] {
  const files = CORPORA.flatMap((d) => {
    const dir = path.join(corpusDir, d);
    try { return readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort().map((f) => path.join(dir, f)); } catch { return []; }
  });
  if (files.length === 0) throw new UserError('FILE_NOT_FOUND', { path: `${corpusDir}/{${CORPORA.join(',')}}/*.jsonl` });
  return files;
}

/**
 * The evaluation store in `<dataDir>/eval`, reused only when it was built from the same file contents by
 * the same code versions (bench/eval-cache.ts), else built again from nothing. With `multilingual`, in
 * `<dataDir>/eval-multilingual`, with the bundled documents and the fixtures in other languages too.
 */
export async function evalApp(config: Config, corpusDir: string, progress?: (m: string) => void, override?: Partial<EvalStoreKey>,
  multilingual = false): Promise<{ app: AppInternals; rebuilt: string[] }> {
  const files = evalCorpusFiles(corpusDir);
  const extras = multilingual ? extraDocuments() : [];
  return openEvalStore({
    config, dataDir: path.join(config.dataDir, multilingual ? 'eval-multilingual' : 'eval'), files: [...files, ...extras], progress, override,
    build: async (app) => {
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
    },
  });
}

function ratio(a: number, b: number): number | null {
  return b === 0 ? null : a / b;
}
