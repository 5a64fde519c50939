import type { EvalReport } from './evaluate.js';
import { sizeNear } from './report.js';
import type { BenchResult, RunInfo, SizeResult } from './types.js';

/** A results file and what it holds. */
export interface Results<T> {
  /** Path relative to the project, as printed in the README. */
  file: string;
  result: T;
}

const fmt = (x: number | null | undefined, digits = 2): string =>
  x === null || x === undefined || Number.isNaN(x) ? 'n/a' : x.toLocaleString('en-US', { maximumFractionDigits: digits });
const val = (s: SizeResult, k: string): number | null => (typeof s[k] === 'number' ? (s[k] as number) : null);
const verdict = (met: boolean | null) => (met === null ? '' : met ? 'met' : 'not met');
const faster = (x: number | null) => (x === null ? 'n/a' : x >= 1 ? `${fmt(x)}x faster` : `${fmt(1 / x)}x slower`);
const minutesOrSeconds = (ms: number) => (ms >= 120_000 ? `${fmt(ms / 60_000, 1)} min` : `${fmt(ms / 1000, 1)} s`);
const rate = (x: number | null) => (x === null ? 'n/a' : x.toFixed(3).replace(/0$/, ''));

type Machine = BenchResult['machine'];

/** One line saying when, where, from what and under what load a results file was measured. */
export function provenance(file: string, run: RunInfo, machine: Machine): string {
  return `- \`${file}\`: measured ${run.date.slice(0, 16).replace('T', ' ')} UTC at commit ${run.commit} with \`${run.command}\`; ` +
    `${machine.cores} cores ${machine.cpu}, ${fmt(machine.memoryGB, 1)} GB, Node ${machine.node}; ` +
    `load average (1 min) ${fmt(run.loadAverageStart[0])} at the start, ${fmt(run.loadAverageEnd[0])} at the end.`;
}

// A row: what is measured, the value, and (at the size a target is set for) the target and whether it is met.
type Row = [string, string, string, boolean | null];

function sizeRows(s: SizeResult, r: BenchResult): Row[] {
  const at100k = sizeNear(r, 100_000) === s;
  const at1m = sizeNear(r, 1_000_000) === s;
  const t = <T>(on: boolean, text: string, ok: T | null): [string, T | null] => (on ? [text, ok] : ['–', null]);
  const ret = s.retrievalP50Ms;
  const over = (k: string) => val(s, k);
  const rows: Row[] = [];
  const row = (what: string, value: string, target: [string, boolean | null] = ['–', null]) => rows.push([what, value, target[0], target[1]]);
  row('`answer()` p50 / p99', `${fmt(s.answerP50Ms)} / ${fmt(s.answerP99Ms)} ms`,
    at1m ? t(true, 'p99 ≤ 100 ms', s.answerP99Ms <= 100) : t(at100k, '≤ 10 / ≤ 40 ms', s.answerP50Ms <= 10 && s.answerP99Ms <= 40));
  row('retrieval p50 vs the fair floor (raw hnswlib + FTS5, the same bounded query and k)',
    `${fmt(ret)} ms vs ${fmt(s.floorP50Ms)} ms (${fmt(over('retrievalOverFloor'))}x)`, t(at100k, 'within 1.5x', (over('retrievalOverFloor') ?? Infinity) <= 1.5));
  row('retrieval p50 vs the plain exact scan (Float32Array, every vector)',
    `${fmt(ret)} ms vs ${fmt(over('exactScanP50Ms'))} ms (${faster(over('exactScanOverRetrieval'))})`,
    t(at100k, '10x faster', (over('exactScanOverRetrieval') ?? 0) >= 10));
  const mem = over('memoryStoreP50Ms');
  row('retrieval p50 vs LangChain `MemoryVectorStore` (exact)', mem === null ? 'not built at this size' :
    `${fmt(ret)} ms vs ${fmt(mem)} ms (${faster(over('memoryStoreOverRetrieval'))}; it takes ${fmt(over('memoryStoreOverExactScan'))}x the plain scan)`);
  row('ANN recall@10: strict (same ids) / tie-tolerant (equal exact scores count)',
    `${rate(s.recallAt10Strict)} / ${rate(s.recallAt10TieTolerant)}`, t(at1m, 'strict ≥ 0.95', s.recallAt10Strict >= 0.95));
  row('start-up (new process: open store, load index)', `${fmt(s.startupMs / 1000)} s`);
  row('resident memory after load', `${fmt(s.rssMB, 0)} MB`, t(at1m, '≤ 2 GB', s.rssMB <= 2048));
  const curve = s.ingestCurve;
  const ingest = `${fmt(s.ingestChunksPerS, 0)} passages/s (${fmt(curve[0], 0)} in the first tenth, ${fmt(curve[curve.length - 1], 0)} in the last)` +
    `; ${minutesOrSeconds(s.ingestMs)} in all, of which ${fmt(over('ingestParseEstimateMs'), 0)} ms is an estimated parse share`;
  row('ingest, end to end (`importBatches` + `saveIndex`)', ingest,
    at1m ? t(true, 'build ≤ 12 min', s.ingestMs / 60_000 <= 12) : t(at100k, '≥ 2,000 passages/s', s.ingestChunksPerS >= 2000));
  row('disk (store, WAL, index)', `${fmt(s.diskBytesPerChunk / 1000, 1)} KB per passage`);
  row('`node dist/cli/ask.js` on this store, spawn to exit', `${fmt(s.askCliMs / 1000)} s`);
  return rows;
}

function table(head: string, rows: Row[]): string[] {
  return [`| ${head} | measured | target | |`, '|---|---|---|---|', ...rows.map(([w, v, t, m]) => `| ${w} | ${v} | ${t} | ${verdict(m)} |`)];
}

/** The README's Speed tables from bench results files (one table per size, then the ask CLI). */
export function speedMarkdown(files: readonly Results<BenchResult>[]): string {
  const out: string[] = [];
  for (const { file, result } of files) {
    out.push(provenance(file, result.run, result.machine), '');
    for (const s of result.sizes) out.push(...table(`at ${fmt(s.chunks, 0)} passages`, sizeRows(s, result)), '');
    const ask = result.bundledAsk;
    if (ask) {
      out.push(...table('bundled corpus, index built', [
        ['`npm run ask`, as a user types it (spawn to exit, through npm)', `${fmt(ask.npmAskMs / 1000)} s`, '≤ 0.6 s', ask.npmAskMs <= 600],
        ['`node dist/cli/ask.js` alone (the same, without npm)', `${fmt(ask.askMs / 1000)} s`, '–', null],
      ]), '');
    }
  }
  return out.join('\n').trimEnd();
}

const MODES: Record<string, string> = { hybrid: 'hybrid (default)', lexical: 'bm25 only (`RETRIEVAL_MODE=lexical`)', dense: 'vectors only (`RETRIEVAL_MODE=dense`)' };

/** The README's Evaluation table from eval results files (one row per file). */
export function evalMarkdown(files: readonly Results<EvalReport>[]): string {
  const two = (a: number | null, b: number | null) => `${rate(a)} / ${rate(b)}`;
  const lines = files.map(({ file, result }) => provenance(file, result.run, result.machine));
  lines.push('', '| retrieval | passages | speaker hit@1 / hit@5 | speaker quotes with the expected phrase | event hit@1 / hit@5 | abstain questions abstained | wrongful abstentions | latency p50 / p95 |',
    '|---|---|---|---|---|---|---|---|');
  for (const { result: { summary: s, settings } } of files) {
    lines.push(`| ${MODES[settings.retrievalMode] ?? settings.retrievalMode} | ${fmt(s.corpusChunks, 0)} | ${two(s.speaker.hitAt1, s.speaker.hitAt5)} | ` +
      `${rate(s.speaker.containsGold)} | ${two(s.event.hitAt1, s.event.hitAt5)} | ${rate(s.abstain.abstained)} | ${s.wrongful.count} of ${s.wrongful.of} | ` +
      `${fmt(s.latency.p50Ms, 1)} ms / ${fmt(s.latency.p95Ms, 1)} ms |`);
  }
  return lines.join('\n');
}
