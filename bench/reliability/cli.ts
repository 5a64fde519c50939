import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../../core/paths.js';

/** What a finished command-line run printed. */
export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** The compiled file of a command (`corpus` -> dist/cli/corpus.js). */
export function cliFile(command: string): string {
  return path.join(projectRoot(), 'dist', 'cli', `${command}.js`);
}

/**
 * Starts `node dist/cli/<command>.js args` in `cwd` with an explicit, nearly empty environment (no
 * `.env` is read unless `cwd` holds one). Returns the child and a promise of its result.
 */
export function startCli(command: string, args: string[], opts: { cwd: string; env?: Record<string, string> }):
{ child: ChildProcess; done: Promise<CliResult> } {
  return startNode([cliFile(command), ...args], opts);
}

/** Starts `node ...args` (a script and its arguments, node options first) the same way. */
export function startNode(args: string[], opts: { cwd: string; env?: Record<string, string> }):
{ child: ChildProcess; done: Promise<CliResult> } {
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { cwd: opts.cwd, env: { ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (s: string) => { stdout += s; });
  child.stderr!.setEncoding('utf8').on('data', (s: string) => { stderr += s; });
  const done = new Promise<CliResult>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr, ms: performance.now() - t0 }));
  });
  return { child, done };
}

/** Runs a command to the end. */
export function runCli(command: string, args: string[], opts: { cwd: string; env?: Record<string, string> }): Promise<CliResult> {
  return startCli(command, args, opts).done;
}

/** Runs `tasks` with at most `limit` at a time, keeping their order in the result. */
export async function pool<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const out: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      out[i] = await tasks[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return out;
}
