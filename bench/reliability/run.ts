/**
 * `npm run reliability -- [--quick] [--kills N] [--requests N] [--no-heavy] [--json] [--strict]`: the long
 * reliability checks (bad documents and URLs, SIGKILL during imports, questions under load, heavy
 * documents) with a table of figures. Needs `npm run build`. Only 127.0.0.1 servers it starts are contacted.
 */
import { renderBlock, writeReadmeBlock, writeResult } from '../results-files.js';
import { machineInfo, runFinished, runStarted } from '../run-info.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { UserError } from '../../core/errors.js';
import { parse, printJson, run } from '../../cli/common.js';
import { failureCount, formatReport, formatWatches } from './report.js';
import { heavyStage, inputStages, killStage, loadStage, watchStage, type ReliabilityOptions, type ReliabilityResult } from './stages.js';

const USAGE = 'usage: npm run reliability -- [--quick] [--kills N] [--requests N] [--no-heavy] [--only watches] [--postgres] [--json] [--strict] [--keep] [--out FILE] [--markdown [--readme]]';
const OPTIONS = {
  quick: { type: 'boolean', default: false }, kills: { type: 'string' }, requests: { type: 'string' },
  'no-heavy': { type: 'boolean', default: false }, json: { type: 'boolean', default: false },
  strict: { type: 'boolean', default: false }, keep: { type: 'boolean', default: false }, only: { type: 'string' },
  out: { type: 'string' }, markdown: { type: 'boolean', default: false }, readme: { type: 'boolean', default: false },
  postgres: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

const workDir = mkdtempSync(path.join(tmpdir(), 'dd-reliability-'));
let keep = false;
const removeWorkDir = () => { if (!keep) rmSync(workDir, { recursive: true, force: true }); };
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    removeWorkDir();
    process.exit(130);
  });
}

function count(value: string | undefined, dflt: number, name: string): number {
  if (value === undefined) return dflt;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100_000) throw new UserError('USAGE', { detail: `--${name} takes a whole number from 1: ${USAGE}` });
  return n;
}

run(async () => {
  const { values } = parse(process.argv.slice(2), OPTIONS);
  keep = values.keep;
  try {
    if (values.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const quick = values.quick;
    const opts: ReliabilityOptions = {
      workDir,
      kills: count(values.kills, quick ? 5 : 30, 'kills'),
      requests: count(values.requests, quick ? 300 : 2000, 'requests'),
      concurrency: 25,
      importDocs: quick ? 200 : 1500,
      heavy: !values['no-heavy'] && !quick,
      heavyTimeoutMs: 60_000,
      log: (line) => { if (!values.json) process.stderr.write(`${line}\n`); },
    };
    if (values.only !== undefined) {
      if (values.only !== 'watches') throw new UserError('USAGE', { detail: `--only takes: watches\n${USAGE}` });
      const watches = await watchStage(opts);
      if (values.json) printJson({ watches });
      else process.stdout.write(`${formatWatches(watches)}\n`);
      return values.strict && watches.lost + watches.extra > 0 ? 1 : 0;
    }
    if (values.markdown) {
      if (values.readme) writeReadmeBlock('reliability');
      else process.stdout.write(`${renderBlock('reliability')}\n`);
      return 0;
    }
    const info = runStarted(`npm run bench -- reliability ${process.argv.slice(2).join(' ')}`.trim());
    if (values.postgres) return postgresRun(opts, info, values);
    const t0 = performance.now();
    const result: ReliabilityResult = {
      inputs: await inputStages(opts),
      kills: await killStage(opts),
      load: await loadStage(opts),
      heavy: await heavyStage(opts),
      watches: await watchStage(opts),
    };
    const totalMs = performance.now() - t0;
    if (values.out) writeResult(values.out, { run: runFinished(info), machine: machineInfo(), ...result, failures: failureCount(result), ms: totalMs });
    if (values.json) printJson({ ...result, failures: failureCount(result), ms: totalMs });
    else process.stdout.write(`${formatReport(result, totalMs)}\n`);
    return values.strict && failureCount(result) > 0 ? 1 : 0;
  } finally {
    removeWorkDir();
  }
});

/**
 * `--postgres`: the stages that depend on the store (SIGKILLed imports, questions during an import) on a
 * throw-away PostgreSQL cluster of this machine instead of SQLite; the others do not touch the adapter.
 */
async function postgresRun(opts: ReliabilityOptions, info: ReturnType<typeof runStarted>,
  values: { out?: string; json: boolean; strict: boolean }): Promise<number> {
  const { findPostgresBinaries, startTempPostgres } = await import('../temp-postgres.js');
  const pg = startTempPostgres(findPostgresBinaries());
  try {
    const t0 = performance.now();
    const o = { ...opts, databaseUrl: pg.url };
    const kills = await killStage(o);
    const load = await loadStage({ ...o, databaseUrl: pg.url });
    const failures = kills.tried - kills.survived + load.errors;
    const result = { adapter: 'postgres', kills, load, failures, ms: performance.now() - t0 };
    if (values.out) writeResult(values.out, { run: runFinished(info), machine: machineInfo(), ...result });
    if (values.json) printJson(result);
    else process.stdout.write(`postgres: ${kills.survived}/${kills.tried} kills survived; ${load.served} answered during an import, ${load.errors} errors\n`);
    return values.strict && failures > 0 ? 1 : 0;
  } finally {
    pg.stop();
  }
}
