import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../app/config.js';
import { createApp } from '../app/create-app.js';
import { hybridSearch } from '../retrieval/hybrid.js';
import { analyzeQuestion } from '../retrieval/question.js';
import type { EvalCorpus } from './corpus-source.js';
import { ingestToSize } from './ingest-phase.js';
import { p50p99, progress, round, timeEach } from './stats.js';
import { findPostgresBinaries, POSTGRES_MISSING, startTempPostgres } from './temp-postgres.js';
import type { machineInfo } from './run-info.js';
import type { BenchQuestion, RunInfo } from './types.js';
import type { AdapterEval, EvalDifference } from './adapters-eval.js';

/** What one adapter measured at one size, the same work on each. */
export interface AdapterResult {
  adapter: 'sqlite' | 'postgres';
  chunks: number;
  documents: number;
  ingestChunksPerS: number;
  ingestMs: number;
  answerP50Ms: number;
  answerP99Ms: number;
  answerSamples: number;
  retrievalP50Ms: number;
  retrievalP99Ms: number;
  /** The cited document of each question's first citation (or null when it abstained), in question order. */
  firstCited: (string | null)[];
}

/**
 * Fills a fresh store of `adapter` to `target` passages through the product's import path, then times
 * `answer()` and hybrid retrieval on the benchmark questions (one warm-up pass, then `rounds`). The
 * PostgreSQL store is a throw-away cluster on a unix socket of this machine, started and removed here.
 */
export async function measureAdapter(adapter: AdapterResult['adapter'], target: number, corpus: EvalCorpus, config: Config,
  questions: readonly BenchQuestion[], rounds: number): Promise<AdapterResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `bench-${adapter}-${target}-`));
  const bin = adapter === 'postgres' ? findPostgresBinaries() : undefined;
  if (adapter === 'postgres' && !bin) throw new Error(POSTGRES_MISSING);
  const pg = bin ? startTempPostgres(bin) : undefined;
  const label = `[${adapter} ${target.toLocaleString('en-US')}]`;
  try {
    const app = await createApp({ ...config, dataDir: dir, DATABASE_URL: pg?.url }, { bundled: false });
    try {
      const ing = await ingestToSize(app, corpus, target, label);
      const qs = questions.map((x) => x.q);
      progress(`${label}: answer() x ${qs.length * rounds}`);
      const firstCited: (string | null)[] = [];
      for (const q of qs) firstCited.push((await app.answer(q, { channel: 'bench' })).citations[0]?.docId ?? null);
      const answerMs: number[] = [];
      for (let r = 0; r < rounds; r++) answerMs.push(...await timeEach(qs, (q) => app.answer(q, { channel: 'bench' })));
      const analyses = qs.map((q) => analyzeQuestion(q, app.deps.gazetteer));
      const opts = { k: config.RETRIEVAL_K, mode: config.RETRIEVAL_MODE };
      const retrievalMs: number[] = [];
      for (let r = 0; r < rounds; r++) retrievalMs.push(...await timeEach(analyses, (a) => hybridSearch(app.deps, a, opts)));
      const answer = p50p99(answerMs);
      const retrieval = p50p99(retrievalMs);
      return {
        adapter, chunks: ing.chunks, documents: ing.documents,
        ingestChunksPerS: round(ing.chunks / (ing.totalMs / 1000), 1), ingestMs: round(ing.totalMs, 1),
        answerP50Ms: answer.p50, answerP99Ms: answer.p99, answerSamples: answerMs.length,
        retrievalP50Ms: retrieval.p50, retrievalP99Ms: retrieval.p99, firstCited,
      };
    } finally {
      await app.close();
    }
  } finally {
    pg?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The committed result of `npm run bench -- adapters`. */
export interface AdaptersReport {
  run: RunInfo;
  machine: ReturnType<typeof machineInfo>;
  size: number;
  questions: number;
  results: AdapterResult[];
  /** Questions whose first citation is the same document on both adapters. */
  sameFirstCitation: number;
  /** The dev evaluation on each adapter, and the questions whose citations differ. */
  eval?: { results: AdapterEval[]; differences: EvalDifference[] };
}
