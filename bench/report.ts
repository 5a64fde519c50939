import type { BenchResult, SizeResult } from './types.js';

/** One target of the issue, judged on the measured numbers. */
export interface TargetCheck {
  target: string;
  value: string;
  /** null when the size it needs was not measured. */
  met: boolean | null;
}

/** The size of `r` measured nearest to `target` within a factor of 3, if any. */
export function sizeNear(r: BenchResult, target: number): SizeResult | undefined {
  return r.sizes.find((s) => s.chunks >= target / 3 && s.chunks <= target * 3);
}
const fmt = (x: number | null | undefined, digits = 2): string =>
  x === null || x === undefined || Number.isNaN(x) ? 'n/a' : x.toLocaleString('en-US', { maximumFractionDigits: digits });
const num = (s: SizeResult, k: string): number | null => {
  const v = s[k];
  return typeof v === 'number' ? v : null;
};

/** The targets of issue 13 (same machine class, quiet), judged on the measured numbers; n/a when the size was not run. */
export function checkTargets(r: BenchResult): TargetCheck[] {
  const s = sizeNear(r, 100_000);
  const m = sizeNear(r, 1_000_000);
  const out: TargetCheck[] = [];
  const add = (target: string, size: SizeResult | undefined, get: (s: SizeResult) => number | null, ok: (v: number) => boolean, unit = '') => {
    const v = size ? get(size) : null;
    out.push({ target, value: v === null ? 'n/a' : `${fmt(v)}${unit}`, met: v === null ? null : ok(v) });
  };
  add('100k: answer() p50 <= 10 ms', s, (x) => x.answerP50Ms, (v) => v <= 10, ' ms');
  add('100k: answer() p99 <= 40 ms', s, (x) => x.answerP99Ms, (v) => v <= 40, ' ms');
  add('100k: retrieval p50 within 1.5x of the fair floor', s, (x) => num(x, 'retrievalOverFloor'), (v) => v <= 1.5, 'x');
  add('100k: retrieval >= 10x faster than the plain exact scan (p50s)', s, (x) => num(x, 'exactScanOverRetrieval'), (v) => v >= 10, 'x');
  add('100k: ingest >= 2,000 passages/s end to end', s, (x) => x.ingestChunksPerS, (v) => v >= 2000, '/s');
  add('1M: build (ingest end to end) <= 12 min', m, (x) => x.ingestMs / 60_000, (v) => v <= 12, ' min');
  add('1M: strict recall@10 >= 0.95', m, (x) => x.recallAt10Strict, (v) => v >= 0.95);
  add('1M: answer() p99 <= 100 ms', m, (x) => x.answerP99Ms, (v) => v <= 100, ' ms');
  add('1M: RSS after load <= 2 GB', m, (x) => x.rssMB, (v) => v <= 2048, ' MB');
  const ask = r.bundledAsk?.npmAskMs ?? null;
  out.push({ target: '`npm run ask` <= 0.6 s wall, process start to answer (bundled corpus)', value: ask === null ? 'n/a' : `${fmt(ask)} ms`,
    met: ask === null ? null : ask <= 600 });
  return out;
}

const ROWS: [string, keyof SizeResult | ((s: SizeResult) => number | null)][] = [
  ['chunks', 'chunks'], ['documents', 'documents'],
  ['ingest chunks/s (end to end)', 'ingestChunksPerS'], ['ingest docs/s', 'ingestDocsPerS'],
  ['ingest total ms', 'ingestMs'], ['  parse ms (estimate: share of one parse)', 'ingestParseEstimateMs'],
  ['  importBatches ms', 'ingestImportMs'], ['  saveIndex ms', 'saveIndexMs'],
  ['  chunks/s by tenth', 'ingestCurve'],
  ['index build ms (rebuildIndex)', 'indexBuildMs'],
  ['start-up ms (createApp, new process)', 'startupMs'], ['start-up wall ms (spawn to exit)', 'startupWallMs'],
  ['node dist/cli/ask.js wall ms', 'askCliMs'],
  ['answer p50 ms', 'answerP50Ms'], ['answer p99 ms', 'answerP99Ms'],
  ['retrieval p50 ms (hybridSearch)', 'retrievalP50Ms'], ['retrieval p99 ms', 'retrievalP99Ms'],
  ['floor p50 ms (raw hnsw + FTS5, same query and k)', 'floorP50Ms'], ['  floor hnsw p50 ms', 'floorAnnP50Ms'], ['  floor FTS5 p50 ms', 'floorFtsP50Ms'],
  ['embed query p50 ms', 'embedQueryP50Ms'], ['VectorIndex.search k=10 p50 ms', 'annP50Ms'],
  ['plain exact scan p50 ms (Float32Array)', 'exactScanP50Ms'],
  ['MemoryVectorStore p50 ms', 'memoryStoreP50Ms'], ['MemoryVectorStore p99 ms', 'memoryStoreP99Ms'],
  ['MemoryVectorStore addVectors ms', 'memoryStoreAddMs'],
  ['ratio retrieval / floor', 'retrievalOverFloor'], ['x faster than the plain exact scan', 'exactScanOverRetrieval'],
  ['x faster than MemoryVectorStore', 'memoryStoreOverRetrieval'], ['MemoryVectorStore / plain exact scan', 'memoryStoreOverExactScan'],
  ['recall@10 strict (same ids)', 'recallAt10Strict'], ['recall@10 tie-tolerant (equal scores count)', 'recallAt10TieTolerant'],
  ['RSS MB after load', 'rssMB'], ['RSS MB after one answer', 'rssAfterAnswerMB'],
  ['disk bytes/chunk', 'diskBytesPerChunk'], ['  store bytes', 'storeBytes'], ['  WAL+shm bytes', 'walBytes'], ['  index bytes', 'indexBytes'],
];

/** The report as a text table (one column per size) followed by the targets. */
export function formatTable(r: BenchResult): string {
  const cell = (s: SizeResult, k: keyof SizeResult | ((s: SizeResult) => number | null)) => {
    const v = typeof k === 'function' ? k(s) : s[k];
    return Array.isArray(v) ? v.join(' ') : fmt(v);
  };
  const cols = r.sizes.map((s) => ROWS.map(([, k]) => cell(s, k)));
  const w0 = Math.max(...ROWS.map(([n]) => n.length));
  const ws = cols.map((c) => Math.max(12, ...c.map((v) => v.length)));
  const lines = [`run: ${r.run.date}, commit ${r.run.commit}, load average ${r.run.loadAverageStart.join(' ')} at the start, ${r.run.loadAverageEnd.join(' ')} at the end`,
    `machine: ${r.machine.cores} cores, ${r.machine.memoryGB} GB, ${r.machine.cpu}, node ${r.machine.node}`,
    `corpus: ${fmt(r.corpus.documents)} documents, ${fmt(r.corpus.chunks)} chunks, parsed in ${fmt(r.corpus.parseMs)} ms`, ''];
  lines.push(['metric'.padEnd(w0), ...r.sizes.map((s, i) => `${fmt(s.chunks)} chunks`.padStart(ws[i]!))].join('  '));
  ROWS.forEach(([name], row) => lines.push([name.padEnd(w0), ...cols.map((c, i) => c[row]!.padStart(ws[i]!))].join('  ')));
  if (r.bundledAsk) {
    lines.push('', `bundled corpus: first ask (builds the index) ${fmt(r.bundledAsk.firstMs)} ms; then \`npm run ask\` ${fmt(r.bundledAsk.npmAskMs)} ms` +
      ` wall, of which node dist/cli/ask.js alone ${fmt(r.bundledAsk.askMs)} ms`);
  }
  lines.push('', 'targets:');
  for (const t of checkTargets(r)) lines.push(`  [${t.met === null ? 'n/a' : t.met ? 'met' : 'NOT MET'}] ${t.target}: ${t.value}`);
  lines.push(`total ${fmt(r.totalMs / 1000, 1)} s`);
  return lines.join('\n');
}
