import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Answer } from '../../core/answer.js';
import type { AppInternals } from '../../app/create-app.js';
import { isUserError } from '../../core/errors.js';
import { recordToDocument } from '../../corpus/loaders/jsonl-formats.js';
import type { DocumentInput } from '../../core/documents.js';
import { defaultEvalDir } from './import-data.js';

/** Options of {@link runLoad}. */
export interface LoadOptions {
  app: AppInternals;
  questions: readonly string[];
  /** Questions in all. */
  requests: number;
  /** Questions in flight at once (one `Promise.all` wave). */
  concurrency: number;
  /** Imported one batch after another while the questions run. */
  batches: readonly DocumentInput[][];
}

/** Latency and errors of questions answered while an import runs. */
export interface LoadReport {
  served: number;
  /** Questions refused with a UserError (an empty or too long question): expected, not errors. */
  refused: number;
  /** Anything else thrown, or an answer whose citations are not exact. */
  errors: number;
  /** Questions answered while the import was still running. */
  duringImport: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Longest stretch the event loop was blocked (nothing else, e.g. a Discord acknowledgement, could run). */
  loopBlockMaxMs: number;
  imported: number;
  importMs: number;
  ms: number;
  errorSamples: string[];
}

/** The p-quantile (0..1) of `values` by nearest rank. */
export function quantile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length))) - 1]!;
}

/** Problems with an answer: a citation that is not the document's text at its offsets, a marker without a citation. */
export async function answerProblems(app: AppInternals, a: Answer): Promise<string[]> {
  const problems: string[] = [];
  for (const c of a.citations) {
    const text = (await app.deps.storage.documents.getDocument(c.docId))?.text;
    if (text === undefined) problems.push(`citation ${c.n} names a missing document ${c.docId}`);
    else if (text.slice(c.start, c.end) !== c.quote) problems.push(`citation ${c.n} of ${c.docId} is not the text at ${c.start}-${c.end}`);
  }
  const numbers = new Set(a.citations.map((c) => c.n));
  for (const m of a.answer.matchAll(/\[(\d+)\]/g)) if (!numbers.has(Number(m[1]))) problems.push(`marker [${m[1]}] has no citation`);
  return problems;
}

/**
 * Runs `requests` questions in waves of `concurrency` (`Promise.all`) while the batches are imported
 * one after another, and measures each question from its call to its answer.
 */
export async function runLoad(opts: LoadOptions): Promise<LoadReport> {
  const { app } = opts;
  const t0 = performance.now();
  const r: LoadReport = { served: 0, refused: 0, errors: 0, duringImport: 0, p50Ms: 0, p99Ms: 0, maxMs: 0, loopBlockMaxMs: 0, imported: 0, importMs: 0, ms: 0, errorSamples: [] };
  const loop = watchEventLoop();
  let importing = true;
  const fail = (msg: string) => {
    r.errors++;
    if (r.errorSamples.length < 5) r.errorSamples.push(msg);
  };
  const importer = (async () => {
    for (const batch of opts.batches) {
      const res = await app.importDocuments(batch);
      r.imported += res.filter((x) => x.added).length;
    }
    await app.saveIndex();
    r.importMs = performance.now() - t0;
    importing = false;
  })().catch((err: unknown) => { importing = false; fail(`import: ${(err as Error).message}`); });
  const latencies: number[] = [];
  const ask = async (q: string) => {
    const s = performance.now();
    try {
      const a = await app.answer(q, { channel: 'load' });
      latencies.push(performance.now() - s);
      r.served++;
      if (importing) r.duringImport++;
      for (const p of await answerProblems(app, a)) fail(`${JSON.stringify(q.slice(0, 60))}: ${p}`);
    } catch (err) {
      if (isUserError(err)) r.refused++;
      else fail(`${JSON.stringify(q.slice(0, 60))}: ${(err as Error)?.message}`);
    }
  };
  for (let sent = 0; sent < opts.requests; sent += opts.concurrency) {
    const n = Math.min(opts.concurrency, opts.requests - sent);
    await Promise.all(Array.from({ length: n }, (_, i) => ask(opts.questions[(sent + i) % opts.questions.length]!)));
  }
  await importer;
  r.loopBlockMaxMs = loop.stop();
  r.p50Ms = quantile(latencies, 0.5);
  r.p99Ms = quantile(latencies, 0.99);
  r.maxMs = Math.max(0, ...latencies);
  r.ms = performance.now() - t0;
  return r;
}

/**
 * Watches the event loop with a 5 ms timer; `stop` returns the longest gap between ticks, i.e. the
 * longest time nothing else could run (perf_hooks' histogram misses blocks that start at once).
 */
export function watchEventLoop(): { stop(): number } {
  let last = performance.now();
  let max = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    max = Math.max(max, now - last);
    last = now;
  }, 5);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(max, performance.now() - last);
    },
  };
}

/** Questions for the load: the evaluation's dev questions when present, else built from actors and topics. */
export function loadQuestions(evalDir = defaultEvalDir()): string[] {
  const file = path.join(evalDir, 'dev-questions.jsonl');
  const base = ['What did Pakistan say?', 'Did Ukraine attack Putin\'s residence?', 'Who condemned the attack?', 'What is disputed?'];
  if (!existsSync(file)) return [...base, ...['Norway', 'Kenya', 'Chile', 'Japan'].map((a) => `What did ${a} say about the ceasefire?`)];
  const dev = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { question: string }).question);
  return [...base, ...dev];
}

/** Parses JSONL lines into documents in batches of `size` (lines that do not parse are skipped). */
export function toBatches(lines: readonly string[], size: number): DocumentInput[][] {
  const docs: DocumentInput[] = [];
  lines.forEach((l, i) => {
    try {
      docs.push(recordToDocument(JSON.parse(l), 'auto', `line ${i + 1}`));
    } catch {
      // a bad line: the import tests cover those
    }
  });
  return Array.from({ length: Math.ceil(docs.length / size) }, (_, i) => docs.slice(i * size, (i + 1) * size));
}
