import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../app/config.js';
import { evaluate, type EvalQuestion, type EvalReport } from './evaluate.js';
import { progress } from './stats.js';
import { findPostgresBinaries, POSTGRES_MISSING, startTempPostgres } from './temp-postgres.js';

/** The dev evaluation on one adapter: its summary and the documents each question cited. */
export interface AdapterEval {
  adapter: 'sqlite' | 'postgres';
  summary: EvalReport['summary'];
  cited: Record<string, string[]>;
}

/** Questions whose cited documents differ between the adapters, with both lists. */
export interface EvalDifference { id: string; sqlite: string[]; postgres: string[] }

/** The questions of a JSONL file (one object per line). */
export function readEvalQuestions(file: string): EvalQuestion[] {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as EvalQuestion);
}

/**
 * The dev evaluation (`npm run eval`'s questions and corpora) on a fresh store of `adapter`: SQLite in a
 * temporary folder, or a throw-away PostgreSQL cluster. Nothing is cached, so both build the same store.
 */
export async function evalOn(adapter: AdapterEval['adapter'], config: Config, questions: EvalQuestion[], corpusDir: string): Promise<AdapterEval> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `bench-eval-${adapter}-`));
  const bin = adapter === 'postgres' ? findPostgresBinaries() : undefined;
  if (adapter === 'postgres' && !bin) throw new Error(POSTGRES_MISSING);
  const pg = bin ? startTempPostgres(bin) : undefined;
  try {
    progress(`[${adapter}] dev evaluation`);
    const report = await evaluate({ config: { ...config, dataDir: dir, DATABASE_URL: pg?.url }, questions, corpusDir });
    return { adapter, summary: report.summary, cited: Object.fromEntries(report.results.map((r) => [r.id, r.citedDocIds])) };
  } finally {
    pg?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The questions whose first five cited documents are not the same on both adapters. */
export function evalDifferences(a: AdapterEval, b: AdapterEval): EvalDifference[] {
  return Object.keys(a.cited).filter((id) => a.cited[id]!.slice(0, 5).join() !== (b.cited[id] ?? []).slice(0, 5).join())
    .map((id) => ({ id, sqlite: a.cited[id]!.slice(0, 5), postgres: (b.cited[id] ?? []).slice(0, 5) }));
}
