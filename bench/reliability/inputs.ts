import type { AppInternals } from '../../app/create-app.js';
import { ERRORS, isUserError, type ErrorCode } from '../../core/errors.js';
import { openSqliteStorage } from '../../storage/sqlite/sqlite-storage.js';
import type { BadCase } from './bad-documents.js';
import { pool, runCli } from './cli.js';
import { storeFingerprint, type StoreFingerprint } from './fingerprint.js';

/** How one bad input was handled. */
export interface InputOutcome {
  name: string;
  via: 'app' | 'cli';
  expected: string;
  /** The error code (app) or the stderr line (cli) that came back; 'accepted' when nothing was refused. */
  got: string;
  /** True when refused with the expected code, in one line without a stack, and the store is unchanged. */
  ok: boolean;
  problems: string[];
  ms: number;
}

const STACK_LINE = /^\s*at .+:\d+:\d+\)?$/m;

function sameStore(before: StoreFingerprint, after: StoreFingerprint): string[] {
  const diffs: string[] = [];
  for (const k of ['storeVersion', 'documents', 'chunks', 'digest'] as const) {
    if (before[k] !== after[k]) diffs.push(`store changed: ${k} ${before[k]} -> ${after[k]}`);
  }
  return diffs;
}

/** Feeds every case to `app.addDocument` and checks the error, its message and the store after it. */
export async function badInputsInProcess(app: AppInternals, cases: readonly BadCase[], dir: string): Promise<InputOutcome[]> {
  const out: InputOutcome[] = [];
  for (const c of cases) {
    const input = c.make(dir);
    const before = (await storeFingerprint(app.deps.storage));
    const t0 = performance.now();
    const err = await app.addDocument(input.source, input.meta).then(() => undefined, (e: unknown) => e);
    const ms = performance.now() - t0;
    const problems = sameStore(before, (await storeFingerprint(app.deps.storage)));
    let got = 'accepted';
    if (err === undefined) problems.push('the input was accepted');
    else if (!isUserError(err)) {
      got = `${(err as Error)?.name}: ${(err as Error)?.message}`;
      problems.push(`not a UserError: ${got}`);
    } else {
      got = err.code;
      if (err.code !== c.expect) problems.push(`expected ${c.expect}, got ${err.code}: ${err.message}`);
      if (err.message.includes('\n') || STACK_LINE.test(err.message)) problems.push('the message is not one line');
    }
    out.push({ name: c.name, via: 'app', expected: c.expect, got, ok: problems.length === 0, problems, ms });
  }
  return out;
}

/**
 * Runs `corpus add <args> --data-dir dataDir` for every case that has command-line arguments:
 * exit code 1, exactly one stderr line starting with "error: ", nothing on stdout, store unchanged.
 */
export async function badInputsCli(cases: readonly BadCase[], dir: string, dataDir: string, concurrency = 2): Promise<InputOutcome[]> {
  const runs = cases.map((c) => ({ c, input: c.make(dir) })).filter((r) => r.input.cli);
  const before = (await fingerprintOf(dataDir));
  const results = await pool(runs.map(({ c, input }) => async (): Promise<InputOutcome> => {
    const r = await runCli('corpus', ['add', ...input.cli!, '--data-dir', dataDir], { cwd: dir });
    const lines = r.stderr.split('\n').filter((l) => l !== '');
    const problems: string[] = [];
    if (r.code !== 1) problems.push(`exit code ${r.code ?? r.signal}, expected 1`);
    if (lines.length !== 1) problems.push(`${lines.length} stderr lines, expected 1`);
    if (!messagePattern(c.expect).test(lines[0] ?? '')) problems.push(`stderr is not an "error: " line for ${c.expect}`);
    if (STACK_LINE.test(r.stderr)) problems.push('a stack trace was printed');
    if (r.stdout !== '') problems.push('something was printed on stdout');
    return { name: c.name, via: 'cli', expected: c.expect, got: lines[0] ?? '', ok: problems.length === 0, problems, ms: r.ms };
  }), concurrency);
  const diffs = sameStore(before, (await fingerprintOf(dataDir)));
  if (diffs.length > 0) for (const r of results) { r.problems.push(...diffs); r.ok = false; }
  return results;
}

/** Matches the one stderr line the command line prints for a UserError with `code`. */
export function messagePattern(code: ErrorCode): RegExp {
  const parts = ERRORS[code].split(/\{\w+\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^error: ${parts.join('.*')}$`);
}

/** Opens the store in `dataDir` just long enough to read its fingerprint. */
export async function fingerprintOf(dataDir: string): Promise<StoreFingerprint> {
  const storage = openSqliteStorage(dataDir);
  try {
    return await storeFingerprint(storage);
  } finally {
    await storage.close();
  }
}
