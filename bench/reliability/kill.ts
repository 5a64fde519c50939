import path from 'node:path';
import type { Config } from '../../app/config.js';
import { startCli, type CliResult } from './cli.js';
import { leftoverTempFiles, verifyDataDir } from './consistency.js';
import { importPool, random, writeImportFile } from './import-data.js';

/** Options of {@link runKills}. */
export interface KillOptions {
  /** Configuration of the data folder under test (its `dataDir` is where the imports write). */
  config: Config;
  /** Where the JSONL files are written (the child processes run here too). */
  workDir: string;
  runs: number;
  /** Documents per import file; each run imports new ones. */
  docsPerRun: number;
  /** `--batch` of the import: documents per transaction. */
  batch: number;
  /**
   * The kill comes at a uniformly random moment between this and 90% of the time a whole import took
   * in a first, calibration run (which is not killed).
   */
  minDelayMs: number;
  seed?: number;
  evalDir?: string;
  onRun?: (r: KillRun) => void;
}

/** One spawned import. */
export interface KillRun {
  run: number;
  delayMs: number;
  /** False when the import finished before the kill came. */
  killed: boolean;
  ok: boolean;
  problems: string[];
  documents: number;
  indexLagged: boolean;
}

/** Kills survived out of kills tried, and what was wrong after the others. */
export interface KillReport {
  tried: number;
  survived: number;
  finishedFirst: number;
  finishedOk: number;
  /** How long the calibration import (not killed) took, start-up included. */
  calibrationMs: number;
  failures: { run: number; problems: string[] }[];
  /** Runs after which `corpus check` saw the index behind the store (each repaired on open). */
  indexLagged: number;
  leftoverTempFiles: number;
  documents: number;
  ms: number;
}

/**
 * Spawns `corpus import <file> --data-dir DIR` again and again over one data folder and SIGKILLs it
 * at a random moment; after every run the folder is verified (see `verifyDataDir`). An import that
 * finishes before its kill must have exited 0 and reported its bad lines by number.
 */
export async function runKills(opts: KillOptions): Promise<KillReport> {
  const t0 = performance.now();
  const rnd = random(opts.seed ?? 7);
  const pool = importPool((opts.runs + 1) * opts.docsPerRun, opts.evalDir, opts.seed ?? 7);
  const report: KillReport = {
    tried: 0, survived: 0, finishedFirst: 0, finishedOk: 0, calibrationMs: 0, failures: [], indexLagged: 0, leftoverTempFiles: 0, documents: 0, ms: 0,
  };
  const fileFor = (run: number) => {
    const file = path.join(opts.workDir, `import-${run}.jsonl`);
    const bad = writeImportFile(file, pool.slice((run * opts.docsPerRun) % pool.length).slice(0, opts.docsPerRun));
    return { bad, args: ['import', file, '--data-dir', opts.config.dataDir, '--batch', String(opts.batch), '--json'] };
  };
  const calibration = fileFor(opts.runs);
  // The children reach the same store: the data folder, or the PostgreSQL database of the configuration.
  const env: Record<string, string> = opts.config.DATABASE_URL ? { DATABASE_URL: opts.config.DATABASE_URL } : {};
  const calibrated = await startCli('corpus', calibration.args, { cwd: opts.workDir, env }).done;
  report.calibrationMs = calibrated.ms;
  const calibrationProblems = finishedProblems(calibrated, calibration.bad);
  if (calibrationProblems.length) report.failures.push({ run: -1, problems: calibrationProblems });
  const maxDelayMs = Math.max(opts.minDelayMs + 100, calibrated.ms * 0.9);
  for (let run = 0; run < opts.runs; run++) {
    const { bad, args } = fileFor(run);
    const delayMs = Math.round(opts.minDelayMs + rnd() * (maxDelayMs - opts.minDelayMs));
    const { child, done } = startCli('corpus', args, { cwd: opts.workDir, env });
    let timer: NodeJS.Timeout | undefined;
    const first = await Promise.race([done, new Promise<'kill'>((r) => { timer = setTimeout(() => r('kill'), delayMs); })]);
    clearTimeout(timer);
    const problems: string[] = [];
    const killed = first === 'kill' && child.kill('SIGKILL');
    const result = await done;
    if (!killed) {
      report.finishedFirst++;
      problems.push(...finishedProblems(result, bad));
      if (problems.length === 0) report.finishedOk++;
    } else report.tried++;
    const check = await verifyDataDir(opts.config);
    problems.push(...check.problems);
    if (killed && check.ok) report.survived++;
    if (check.indexLagged) report.indexLagged++;
    if (problems.length > 0) report.failures.push({ run, problems });
    report.documents = check.documents;
    opts.onRun?.({ run, delayMs, killed, ok: problems.length === 0, problems, documents: check.documents, indexLagged: check.indexLagged });
  }
  report.leftoverTempFiles = leftoverTempFiles(opts.config.dataDir).length;
  report.ms = performance.now() - t0;
  return report;
}

function finishedProblems(r: CliResult, bad: number[]): string[] {
  if (r.code !== 0) return [`import exited ${r.code ?? r.signal}: ${r.stderr.trim().split('\n')[0] ?? ''}`];
  try {
    const reported = new Set((JSON.parse(r.stdout) as { errors: { line: number }[] }).errors.map((e) => e.line));
    const missed = bad.filter((n) => !reported.has(n));
    return missed.length ? [`bad lines not reported: ${missed.join(', ')}`] : [];
  } catch {
    return ['the import report is not JSON'];
  }
}
