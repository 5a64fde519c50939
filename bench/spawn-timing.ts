import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../core/paths.js';
import { percentile } from './stats.js';

/** What `dist/bench/startup.js` prints. */
export interface StartupReport {
  startupMs: number;
  rssMB: number;
  answerMs?: number;
  rssAfterAnswerMB?: number;
}

const TIMEOUT_MS = 120_000;

/** The compiled script `rel` (e.g. `bench/startup.js`) under `dist/`; throws if it was not built. */
export function distScript(rel: string): string {
  const file = path.join(projectRoot(), 'dist', rel);
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
  return file;
}

/** Runs a command and resolves with its wall time (spawn to exit) and output; rejects on failure. */
export function timedRun(cmd: string, args: readonly string[]): Promise<{ wallMs: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { cwd: projectRoot(), stdio: ['ignore', 'pipe', 'pipe'], timeout: TIMEOUT_MS });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const wallMs = performance.now() - t0;
      if (code === 0) resolve({ wallMs, stdout });
      else reject(new Error(`${path.basename(cmd)} ${args.join(' ')} exited with ${code ?? signal}: ${stderr.trim().slice(0, 500)}`));
    });
  });
}

/** Start-up in new processes: createApp on `dataDir` (then one answer), `runs` times; medians. */
export async function measureStartup(dataDir: string, question: string, runs: number): Promise<StartupReport & { wallMs: number }> {
  const reports: (StartupReport & { wallMs: number })[] = [];
  for (let i = 0; i < runs; i++) {
    const { wallMs, stdout } = await timedRun(process.execPath, [distScript('bench/startup.js'), dataDir, question]);
    reports.push({ ...(JSON.parse(stdout) as StartupReport), wallMs });
  }
  const med = (f: (r: StartupReport & { wallMs: number }) => number | undefined) =>
    percentile(reports.map(f).filter((x): x is number => x !== undefined), 0.5);
  return {
    startupMs: med((r) => r.startupMs), rssMB: med((r) => r.rssMB), answerMs: med((r) => r.answerMs),
    rssAfterAnswerMB: med((r) => r.rssAfterAnswerMB), wallMs: med((r) => r.wallMs),
  };
}

/** Median wall time of `node dist/cli/ask.js --data-dir DIR "question"`, spawn to exit. */
export async function measureAskCli(dataDir: string, question: string, runs: number): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) ms.push((await timedRun(process.execPath, [distScript('cli/ask.js'), '--data-dir', dataDir, question])).wallMs);
  return percentile(ms, 0.5);
}

/**
 * The ask CLI on the bundled corpus in the empty folder `dir`: the first run builds the index, the
 * next ones are timed, `runs` times each: `npm run ask` as a user types it, and node alone (medians).
 */
export async function measureBundledAsk(dir: string, question: string, runs: number):
Promise<{ firstMs: number; askMs: number; npmAskMs: number }> {
  const firstMs = (await timedRun(process.execPath, [distScript('cli/ask.js'), '--data-dir', dir, question])).wallMs;
  const askMs = await measureAskCli(dir, question, runs);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const npmMs: number[] = [];
  for (let i = 0; i < runs; i++) npmMs.push((await timedRun(npm, ['run', '--silent', 'ask', '--', '--data-dir', dir, question])).wallMs);
  return { firstMs, askMs, npmAskMs: percentile(npmMs, 0.5) };
}
