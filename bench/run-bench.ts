import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../app/config.js';
import { projectRoot } from '../core/paths.js';
import { loadEvalCorpus } from './corpus-source.js';
import { liveDirs, measureSize } from './measure-size.js';
import { measureBundledAsk } from './spawn-timing.js';
import { machineInfo, runFinished, runStarted } from './run-info.js';
import { progress, progressDone, round } from './stats.js';
import type { BenchPlan, BenchQuestion, BenchResult, SizeResult } from './types.js';

/** Options of {@link runBench}. */
export interface RunBenchOptions {
  /** Base configuration; each size gets its own temporary data folder. */
  config: Config;
  /** Store sizes in chunks (default 10,000 and 100,000; `quick` forces 10,000). */
  sizes?: number[];
  /** Adds 1,000,000 chunks. */
  full?: boolean;
  /** 10,000 chunks and fewer queries, for CI. */
  quick?: boolean;
  /** The evaluation data (default `../shared/eval` beside the project). */
  evalDir?: string;
  /** Measure `npm run ask` on the bundled corpus (default true). */
  bundledAsk?: boolean;
  /** Keep the data folders of the sizes (printed on stderr) for profiling. */
  keep?: boolean;
  /** The command line recorded in the result. */
  command?: string;
}

/** The question set of the benchmark (`bench/questions.json`). */
export function loadQuestions(): BenchQuestion[] {
  const file = path.join(projectRoot(), 'bench', 'questions.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { questions: BenchQuestion[] }).questions;
}

/** The sizes a run measures, in order, without duplicates. */
export function sizesOf(opts: Pick<RunBenchOptions, 'sizes' | 'full' | 'quick'>): number[] {
  const base = opts.quick ? [10_000] : (opts.sizes?.length ? opts.sizes : [10_000, 100_000]);
  return [...new Set([...base, ...(opts.full ? [1_000_000] : [])])].sort((a, b) => a - b);
}

function planFor(quick: boolean, keep: boolean): BenchPlan {
  const all = loadQuestions();
  return quick
    ? { questions: all.filter((_, i) => i % 5 < 2), answerRounds: 1, recallQueries: 50, memoryStoreQueries: 10,
      memoryStoreMaxChunks: 300_000, startupRuns: 1, askRuns: 1, keep }
    : { questions: all, answerRounds: 2, recallQueries: 200, memoryStoreQueries: all.length,
      memoryStoreMaxChunks: 300_000, startupRuns: 3, askRuns: 3, keep };
}

/**
 * Runs the benchmark: for every size, a fresh store filled from the evaluation corpora through the
 * project's own import path, then ingest, index build, start-up, latency, recall, memory and disk,
 * with LangChain's MemoryVectorStore and the raw hnswlib + FTS5 floor measured on the same data.
 * Temporary folders are removed before it returns.
 */
export async function runBench(opts: RunBenchOptions): Promise<BenchResult> {
  const t0 = performance.now();
  const started = runStarted(opts.command ?? 'npm run bench');
  const quick = opts.quick ?? false;
  const plan = planFor(quick, opts.keep ?? false);
  const evalDir = opts.evalDir ?? path.resolve(projectRoot(), '..', 'shared', 'eval');
  try {
    progress('reading the evaluation corpora');
    const loadOptions = { maxBytes: opts.config.MAX_UPLOAD_BYTES, fetchTimeoutMs: opts.config.FETCH_TIMEOUT_MS };
    const corpus = await loadEvalCorpus(evalDir, loadOptions);
    let bundledAsk: BenchResult['bundledAsk'] = null;
    if (opts.bundledAsk ?? true) {
      progress('npm run ask on the bundled corpus');
      const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-bundled-'));
      liveDirs.add(dir);
      const b = await measureBundledAsk(dir, 'What did Pakistan say?', quick ? 1 : 3);
      removeTempDirs();
      bundledAsk = { firstMs: round(b.firstMs, 1), askMs: round(b.askMs, 1), npmAskMs: round(b.npmAskMs, 1) };
    }
    const sizes: SizeResult[] = [];
    for (const size of sizesOf(opts)) sizes.push(await measureSize(size, corpus, opts.config, plan));
    return {
      run: runFinished(started),
      machine: machineInfo(),
      sizes,
      bundledAsk,
      corpus: { documents: corpus.docs.length, chunks: corpus.chunks, parseMs: round(corpus.parseMs, 1) },
      totalMs: round(performance.now() - t0, 1),
    };
  } finally {
    progressDone();
    removeTempDirs();
  }
}

/** Deletes every temporary folder the benchmark still has (also called on an interrupt). */
export function removeTempDirs(): void {
  for (const dir of liveDirs) {
    rmSync(dir, { recursive: true, force: true });
    liveDirs.delete(dir);
  }
}
