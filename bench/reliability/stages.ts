import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, type Config } from '../../app/config.js';
import { createApp } from '../../app/create-app.js';
import { BAD_CASES, SEED_TEXT } from './bad-documents.js';
import { runCli } from './cli.js';
import { runHeavy, type HeavyOutcome } from './heavy.js';
import { importPool } from './import-data.js';
import { badInputsCli, badInputsInProcess, type InputOutcome } from './inputs.js';
import { runKills, type KillReport, type KillRun } from './kill.js';
import { loadQuestions, runLoad, toBatches, type LoadReport } from './load.js';
import { badUrlsInProcess, cliUrlCases } from './url-cases.js';
import { runWatches, type WatchReport } from './watches.js';
import { startAbuseServer } from './url-server.js';

/** Sizes of the long run. */
export interface ReliabilityOptions {
  workDir: string;
  kills: number;
  requests: number;
  concurrency: number;
  importDocs: number;
  heavy: boolean;
  heavyTimeoutMs: number;
  log: (line: string) => void;
  /** A PostgreSQL store for the kill and load stages (DATABASE_URL), instead of SQLite in the data folder. */
  databaseUrl?: string;
}

/** Everything `npm run reliability` measured. */
export interface ReliabilityResult {
  inputs: { app: InputOutcome[]; cli: InputOutcome[]; urls: InputOutcome[]; cliUrls: InputOutcome[] };
  kills: KillReport;
  load: LoadReport;
  heavy: HeavyOutcome[];
  watches: WatchReport;
}

function pgEnv(o: ReliabilityOptions): Record<string, string> {
  return o.databaseUrl ? { DATABASE_URL: o.databaseUrl } : {};
}

function config(dir: string, env: Record<string, string> = {}): Config {
  return loadConfig({ env: { DATA_DIR: dir, ...env }, envFile: null });
}

/** Bad documents and URLs, in process and on the command line, against a hostile server on 127.0.0.1. */
export async function inputStages(o: ReliabilityOptions): Promise<ReliabilityResult['inputs']> {
  const dir = path.join(o.workDir, 'inputs');
  mkdirSync(dir, { recursive: true });
  const app = await createApp(config(path.join(dir, 'app-data')), { bundled: false });
  let appResults: InputOutcome[];
  try {
    await app.addDocument({ kind: 'text', text: SEED_TEXT });
    appResults = await badInputsInProcess(app, BAD_CASES, dir);
  } finally {
    await app.close();
  }
  o.log(`bad documents through the app: ${appResults.length} tried`);
  const cliData = path.join(dir, 'cli-data');
  writeFileSync(path.join(dir, 'seed.md'), SEED_TEXT);
  await runCli('corpus', ['add', path.join(dir, 'seed.md'), '--data-dir', cliData], { cwd: dir });
  const cli = await badInputsCli(BAD_CASES, dir, cliData);
  o.log(`bad documents through corpus add: ${cli.length} tried`);
  const server = await startAbuseServer();
  try {
    const env = { FETCH_TIMEOUT_MS: '1000', MAX_UPLOAD_BYTES: '100000' };
    const urlData = path.join(dir, 'url-data');
    const allowed = await createApp(config(urlData, env), { bundled: false, allowHosts: ['127.0.0.1'] });
    const strict = await createApp(config(urlData, env), { bundled: false });
    let urls: InputOutcome[];
    try {
      urls = await badUrlsInProcess({ strict, allowed }, server);
    } finally {
      await allowed.close();
      await strict.close();
    }
    const cliUrls = await badInputsCli(cliUrlCases(server), dir, cliData);
    if (server.hits.some((p) => p === '/page.html')) cliUrls.forEach((r) => { r.ok = false; r.problems.push('a refused URL reached the server'); });
    o.log(`bad URLs: ${urls.length} through the app, ${cliUrls.length} through corpus add`);
    return { app: appResults, cli, urls, cliUrls };
  } finally {
    await server.close();
  }
}

/** SIGKILL during `corpus import`, `kills` times over one data folder. */
export async function killStage(o: ReliabilityOptions): Promise<KillReport> {
  const dir = path.join(o.workDir, 'kills');
  mkdirSync(dir, { recursive: true });
  return runKills({
    config: config(path.join(dir, 'data'), pgEnv(o)), workDir: dir, runs: o.kills, docsPerRun: 150, batch: 10, minDelayMs: 100, seed: 2024,
    onRun: (r: KillRun) => o.log(`kill ${r.run + 1}/${o.kills}: ${r.killed ? `killed after ${r.delayMs} ms` : 'finished first'}, ` +
      `${r.ok ? 'sound' : `PROBLEMS: ${r.problems.join('; ')}`} (${r.documents} documents${r.indexLagged ? ', index caught up on open' : ''})`),
  });
}

/** Questions in waves while a large import runs, in one process. */
export async function loadStage(o: ReliabilityOptions): Promise<LoadReport> {
  const dir = path.join(o.workDir, 'load');
  const app = await createApp(config(dir, pgEnv(o)));
  try {
    const questions = [...loadQuestions(), '', 'x'.repeat(1200), 'NEAR(" AND OR * ^ :', '@everyone <@&1> [x](https://e.example)'];
    const report = await runLoad({ app, questions, requests: o.requests, concurrency: o.concurrency, batches: toBatches(importPool(o.importDocs, undefined, 5), 25) });
    o.log(`load: ${report.served} answered, ${report.errors} errors, ${report.imported} documents imported meanwhile`);
    return report;
  } finally {
    await app.close();
  }
}

/** 1,000 watches and 50 status changes through the notification outbox, with restarts. */
export async function watchStage(o: ReliabilityOptions): Promise<WatchReport> {
  const r = await runWatches(o.workDir);
  o.log(`watches: ${r.sent}/${r.expected} notices delivered, ${r.lost} lost, ${r.repeats} repeats absorbed by the nonce, ${r.restarts} restarts`);
  return r;
}

/** Heavy documents within the size cap, each in a child process. */
export async function heavyStage(o: ReliabilityOptions): Promise<HeavyOutcome[]> {
  if (!o.heavy) return [];
  const dir = path.join(o.workDir, 'heavy');
  mkdirSync(dir, { recursive: true });
  return runHeavy(dir, undefined, {
    timeoutMs: o.heavyTimeoutMs,
    onCase: (h) => o.log(`heavy: ${h.name}: ${h.outcome} in ${Math.round(h.ms)} ms, event loop blocked ${Math.round(h.loopBlockMs)} ms`),
  });
}
