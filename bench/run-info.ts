import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { projectRoot } from '../core/paths.js';
import { round } from './stats.js';
import type { RunInfo } from './types.js';

/** The commit of the working tree (`+dirty` when it has uncommitted changes), or 'unknown'. */
export function currentCommit(): string {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: projectRoot(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  try {
    const head = git('rev-parse', '--short', 'HEAD');
    // Results files and the README they feed are written by these runs; they change no measured code.
    return git('status', '--porcelain', '--untracked-files=no', '--', '.', ':(exclude)bench/results', ':(exclude)README.md') ? `${head}+dirty` : head;
  } catch {
    return 'unknown';
  }
}

const loadAverage = () => os.loadavg().map((x) => round(x, 2));

/** What is known at the start of a run (its end fills in the load average after). */
export function runStarted(command: string): RunInfo {
  return { date: new Date().toISOString(), commit: currentCommit(), command, loadAverageStart: loadAverage(), loadAverageEnd: [] };
}

/** `info` with the load average at the end of the run. */
export function runFinished(info: RunInfo): RunInfo {
  return { ...info, loadAverageEnd: loadAverage() };
}

/** The machine a result was measured on. */
export function machineInfo(): { cores: number; memoryGB: number; cpu: string; node: string } {
  const cpus = os.cpus();
  return { cores: cpus.length, memoryGB: round(os.totalmem() / 2 ** 30, 1), cpu: cpus[0]?.model.trim() ?? 'unknown', node: process.version };
}
