import { randomBytes } from 'node:crypto';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../core/paths.js';
import { startNode } from './cli.js';

/** A document within the size cap that is expensive to take in; the last file is the one measured. */
export interface HeavyCase {
  name: string;
  make(dir: string): string[];
}

/** How a heavy document was handled in a child process with a small heap and a hard time limit. */
export interface HeavyOutcome {
  name: string;
  mb: number;
  ms: number;
  loopBlockMs: number;
  rssMb: number;
  /** 'added', 'refused: CODE', 'killed at N s', 'crashed (...)'. */
  outcome: string;
  /** Handled (added or refused) without blocking the event loop past Discord's 3 s acknowledgement deadline. */
  ok: boolean;
}

/** Discord drops an interaction not acknowledged within 3 s; a longer block fails every other user's command. */
export const ACK_DEADLINE_MS = 3000;

function write(dir: string, name: string, content: string | Buffer): string {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
}

const sentences = (n: number, from = 0) => Array.from({ length: n }, (_, i) =>
  `The ministry of country ${(i + from) % 97} said that the talks would resume on day ${i + from}.`).join(' ');

/** The heavy documents: HTML shapes, similar sentences, a run-on line, a garbage PDF. */
export const HEAVY_CASES: readonly HeavyCase[] = [
  { name: 'HTML table, 60k rows (1 MB)', make: (d) => [write(d, 'table-1.html', `<html><body><table>${'<tr><td>cell</td>'.repeat(60_000)}</table></body></html>`)] },
  { name: 'HTML table, 180k rows (3 MB)', make: (d) => [write(d, 'table-3.html', `<html><body><table>${'<tr><td>cell</td>'.repeat(180_000)}</table></body></html>`)] },
  { name: 'HTML entities (3 MB)', make: (d) => [write(d, 'entities.html', `<html><body><p>${'A&amp;B '.repeat(370_000)}</p></body></html>`)] },
  { name: 'HTML paragraphs (3 MB)', make: (d) => [write(d, 'paras.html', `<html><body>${'<p>The ministry said so.</p>'.repeat(110_000)}</body></html>`)] },
  { name: 'text, 2,000 similar sentences (0.14 MB)', make: (d) => [write(d, 'similar-1.txt', sentences(2000))] },
  { name: 'text, 3,000 similar sentences after 2,000 (0.22 MB)', make: (d) => [write(d, 'similar-a.txt', sentences(2000)), write(d, 'similar-b.txt', sentences(3000, 5000))] },
  { name: 'one 4 MB line, no punctuation', make: (d) => [write(d, 'runon.txt', 'word '.repeat(800_000))] },
  { name: 'garbage PDF (19 MB)', make: (d) => [write(d, 'garbage.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(19_000_000)]))] },
];

/**
 * Adds each heavy case in its own child process (`--max-old-space-size=heapMb`, killed after
 * `timeoutMs`) over a fresh data folder, and measures time, event-loop block and peak memory.
 */
export async function runHeavy(workDir: string, cases: readonly HeavyCase[] = HEAVY_CASES,
  opts: { timeoutMs?: number; heapMb?: number; onCase?: (o: HeavyOutcome) => void } = {}): Promise<HeavyOutcome[]> {
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const child = path.join(projectRoot(), 'dist', 'bench', 'reliability', 'heavy-child.js');
  const out: HeavyOutcome[] = [];
  for (const [i, c] of cases.entries()) {
    const dir = path.join(workDir, `heavy-${i}`);
    mkdirSync(dir, { recursive: true });
    const files = c.make(dir);
    const mb = statSync(files[files.length - 1]!).size / 2 ** 20;
    const run = startNode([`--max-old-space-size=${opts.heapMb ?? 1536}`, child, path.join(dir, 'data'), ...files], { cwd: dir });
    const timer = setTimeout(() => run.child.kill('SIGKILL'), timeoutMs);
    const r = await run.done;
    clearTimeout(timer);
    let o: HeavyOutcome;
    try {
      const m = JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as Omit<HeavyOutcome, 'name' | 'mb' | 'ok'>;
      o = { name: c.name, mb, ...m, ok: !m.outcome.startsWith('error') && m.loopBlockMs < ACK_DEADLINE_MS };
    } catch {
      const outcome = r.signal === 'SIGKILL' ? `killed at ${timeoutMs / 1000} s` : `crashed (${/heap out of memory/i.test(r.stderr) ? 'out of memory' : `exit ${r.code}`})`;
      o = { name: c.name, mb, ms: r.ms, loopBlockMs: Number.NaN, rssMb: Number.NaN, outcome, ok: false };
    }
    out.push(o);
    opts.onCase?.(o);
  }
  return out;
}
