import type { BenchResult, SizeResult } from './types.js';

/** One target of the issue, judged on the measured numbers. */
export interface TargetCheck {
  target: string;
  value: string;
  /** null when the size it needs was not measured. */
  met: boolean | null;
}

const near = (r: BenchResult, lo: number, hi: number): SizeResult | undefined => r.sizes.find((s) => s.chunks >= lo && s.chunks <= hi);
const fmt = (x: number | null | undefined, digits = 2): string =>
  x === null || x === undefined || Number.isNaN(x) ? 'n/a' : x.toLocaleString('en-US', { maximumFractionDigits: digits });

/** Every target of the issue: met, not met, or n/a when its size was not run. */
export function checkTargets(r: BenchResult): TargetCheck[] {
  const s = near(r, 50_000, 300_000);
  const m = near(r, 900_000, Number.MAX_SAFE_INTEGER);
  const out: TargetCheck[] = [];
  const add = (target: string, size: SizeResult | undefined, get: (s: SizeResult) => number | null, ok: (v: number) => boolean, unit = '') => {
    const v = size ? get(size) : null;
    out.push({ target, value: v === null ? 'n/a' : `${fmt(v)}${unit}`, met: v === null ? null : ok(v) });
  };
  add('100k: answer p50 <= 15 ms', s, (x) => x.answerP50Ms, (v) => v <= 15, ' ms');
  add('100k: answer p99 <= 50 ms', s, (x) => x.answerP99Ms, (v) => v <= 50, ' ms');
  add('100k: retrieval p50 within 2x of the raw floor', s, (x) => x.retrievalP50Ms / x.floorP50Ms, (v) => v <= 2, 'x');
  add('100k: >= 10x faster than MemoryVectorStore (its p50 / retrieval p50)', s,
    (x) => (x.memoryStoreP50Ms === null ? null : x.memoryStoreP50Ms / x.retrievalP50Ms), (v) => v >= 10, 'x');
  add('100k: recall@10 >= 0.98', s, (x) => x.recallAt10, (v) => v >= 0.98);
  add('100k: start-up <= 1 s', s, (x) => x.startupMs, (v) => v <= 1000, ' ms');
  add('100k: RSS after load <= 600 MB', s, (x) => x.rssMB, (v) => v <= 600, ' MB');
  add('100k: ingest >= 1,500 chunks/s end to end', s, (x) => x.ingestChunksPerS, (v) => v >= 1500, '/s');
  add('1M: built (ingest end to end) <= 15 min', m, (x) => x.ingestMs / 60_000, (v) => v <= 15, ' min');
  add('1M: answer p99 <= 100 ms', m, (x) => x.answerP99Ms, (v) => v <= 100, ' ms');
  add('1M: RSS after load <= 3 GB', m, (x) => x.rssMB, (v) => v <= 3072, ' MB');
  const ask = r.bundledAsk?.askMs ?? null;
  out.push({ target: 'bundled corpus: ask <= 1.5 s from process start (index built)', value: ask === null ? 'n/a' : `${fmt(ask)} ms`,
    met: ask === null ? null : ask <= 1500 });
  return out;
}

const ROWS: [string, keyof SizeResult | ((s: SizeResult) => number | null)][] = [
  ['chunks', 'chunks'], ['documents', 'documents'],
  ['ingest chunks/s (end to end)', 'ingestChunksPerS'], ['ingest docs/s', 'ingestDocsPerS'],
  ['ingest total ms', 'ingestMs'], ['  parse ms', 'ingestParseMs'], ['  importDocuments ms', 'ingestImportMs'], ['  saveIndex ms', 'saveIndexMs'],
  ['  chunks/s by tenth', 'ingestCurve'],
  ['index build ms (rebuildIndex)', 'indexBuildMs'],
  ['start-up ms (createApp, new process)', 'startupMs'], ['start-up wall ms (spawn to exit)', 'startupWallMs'],
  ['ask CLI wall ms', 'askCliMs'],
  ['answer p50 ms', 'answerP50Ms'], ['answer p99 ms', 'answerP99Ms'],
  ['retrieval p50 ms (hybridSearch)', 'retrievalP50Ms'], ['retrieval p99 ms', 'retrievalP99Ms'],
  ['floor p50 ms (raw hnsw + FTS5)', 'floorP50Ms'], ['  floor hnsw p50 ms', 'floorAnnP50Ms'], ['  floor FTS5 p50 ms', 'floorFtsP50Ms'],
  ['embed query p50 ms', 'embedQueryP50Ms'], ['VectorIndex.search k=10 p50 ms', 'annP50Ms'],
  ['MemoryVectorStore p50 ms', 'memoryStoreP50Ms'], ['MemoryVectorStore p99 ms', 'memoryStoreP99Ms'],
  ['MemoryVectorStore addVectors ms', 'memoryStoreAddMs'], ['exact JS search ms/query', 'exactJsSearchMs'],
  ['ratio retrieval / floor', 'retrievalOverFloor'], ['ratio retrieval / MemoryVectorStore', 'retrievalOverMemoryStore'],
  ['ratio hnsw k=10 / MemoryVectorStore', 'annOverMemoryStore'],
  ['recall@10 (ties counted)', 'recallAt10'], ['recall@10 (same ids)', 'recallAt10Strict'],
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
  const lines = [`machine: ${r.machine.cores} cores, ${r.machine.memoryGB} GB, ${r.machine.cpu}, node ${r.machine.node}`,
    `corpus: ${fmt(r.corpus.documents)} documents, ${fmt(r.corpus.chunks)} chunks, parsed in ${fmt(r.corpus.parseMs)} ms`, ''];
  lines.push(['metric'.padEnd(w0), ...r.sizes.map((s, i) => `${fmt(s.chunks)} chunks`.padStart(ws[i]!))].join('  '));
  ROWS.forEach(([name], row) => lines.push([name.padEnd(w0), ...cols.map((c, i) => c[row]!.padStart(ws[i]!))].join('  ')));
  if (r.bundledAsk) {
    lines.push('', `bundled corpus: first ask (builds the index) ${fmt(r.bundledAsk.firstMs)} ms, then ask ${fmt(r.bundledAsk.askMs)} ms` +
      `, via npm ${fmt(r.bundledAsk.npmAskMs)} ms`);
  }
  lines.push('', 'targets:');
  for (const t of checkTargets(r)) lines.push(`  [${t.met === null ? 'n/a' : t.met ? 'met' : 'NOT MET'}] ${t.target}: ${t.value}`);
  lines.push(`total ${fmt(r.totalMs / 1000, 1)} s`);
  return lines.join('\n');
}
