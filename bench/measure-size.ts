import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../app/config.js';
import { createApp } from '../app/create-app.js';
import { hybridSearch, searchText } from '../retrieval/hybrid.js';
import { rebuildIndex } from '../retrieval/index-sync.js';
import { toMatchQuery } from '../retrieval/lexical.js';
import { analyzeQuestion } from '../retrieval/question.js';
import { floorBaseline, memoryStoreBaseline, type BenchQuery } from './baselines.js';
import type { EvalCorpus } from './corpus-source.js';
import { loadMatrix, recallAtK } from './exact-search.js';
import { diskBytes, ingestToSize } from './ingest-phase.js';
import { pseudoQueries } from './pseudo-queries.js';
import { measureAskCli, measureStartup } from './spawn-timing.js';
import { p50p99, progress, round, timeEach } from './stats.js';
import type { BenchPlan, SizeResult } from './types.js';

/** Temporary data folders still on disk (removed on exit or interrupt). */
export const liveDirs = new Set<string>();

/** Fills a fresh store to `target` chunks through the project's import path and measures everything at that size. */
export async function measureSize(target: number, corpus: EvalCorpus, config: Config, plan: BenchPlan): Promise<SizeResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `bench-${target}-`));
  liveDirs.add(dir);
  const label = `[${target.toLocaleString('en-US')}]`;
  const app = await createApp({ ...config, dataDir: dir }, { bundled: false });
  try {
    const ing = await ingestToSize(app, corpus, target, label);
    const disk = diskBytes(dir);
    const { store, embedder, gazetteer } = app.deps;
    const chunks = store.counts().chunks;
    const firstQ = plan.questions[0]!.q;

    progress(`${label}: start-up and ask in new processes`);
    const boot = await measureStartup(dir, firstQ, plan.startupRuns);
    const askCliMs = await measureAskCli(dir, firstQ, plan.askRuns);

    progress(`${label}: index build from stored vectors`);
    let t0 = performance.now();
    rebuildIndex(store, embedder, app.deps.index.params);
    const indexBuildMs = performance.now() - t0;

    progress(`${label}: answer() x ${plan.questions.length * plan.answerRounds}`);
    const qs = plan.questions.map((x) => x.q);
    for (const q of qs) await app.answer(q, { channel: 'bench' }); // warm-up: JIT and page cache
    const answerMs: number[] = [];
    for (let r = 0; r < plan.answerRounds; r++) answerMs.push(...await timeEach(qs, (q) => app.answer(q, { channel: 'bench' })));

    progress(`${label}: retrieval alone and the baselines`);
    const analyses = qs.map((q) => analyzeQuestion(q, gazetteer));
    const opts = { k: config.RETRIEVAL_K, mode: config.RETRIEVAL_MODE };
    const retrievalMs: number[] = [];
    for (let r = 0; r < plan.answerRounds; r++) retrievalMs.push(...await timeEach(analyses, (a) => hybridSearch(app.deps, a, opts)));
    const texts = analyses.map(searchText);
    const embedMs = await timeEach(texts, (t) => embedder.embedQuery(t));
    // The floor gets the system's own bounded lexical query and its candidate count (hybridSearch's default).
    const queries: BenchQuery[] = [];
    for (const t of texts) queries.push({ vec: await embedder.embedQuery(t), match: toMatchQuery(t, store, app.deps.index.size) });
    const annMs = await timeEach(queries, (q) => app.deps.index.search(q.vec, 10));
    const candidates = Math.max(50, opts.k * 5);
    const floor = await floorBaseline(store, dir, embedder.dimensions, app.deps.index.params.efSearch, queries, candidates);

    progress(`${label}: recall@10 against exact search`);
    const matrix = await loadMatrix(app.deps.storage.vectors, embedder.dimensions);
    const recallQs = [...queries.map((q) => Float32Array.from(q.vec)), ...await pseudoQueries(store, embedder, matrix.ids, plan.recallQueries - queries.length)];
    const recall = recallAtK(app.deps.index, matrix, recallQs, 10);

    let mem: { addMs: number; queryMs: number[] } | null = null;
    if (chunks <= plan.memoryStoreMaxChunks) {
      progress(`${label}: LangChain MemoryVectorStore`);
      mem = await memoryStoreBaseline(embedder, matrix, queries.slice(0, plan.memoryStoreQueries));
    }

    const answer = p50p99(answerMs);
    const retrieval = p50p99(retrievalMs);
    const fl = p50p99(floor.totalMs);
    const memStats = mem ? p50p99(mem.queryMs) : null;
    const exact = p50p99(recall.exactMs);
    const secs = ing.totalMs / 1000;
    return {
      chunks, documents: ing.documents, rejected: ing.rejected,
      ingestChunksPerS: round(ing.chunks / secs, 1), ingestDocsPerS: round(ing.documents / secs, 1),
      ingestMs: round(ing.totalMs, 1), ingestParseEstimateMs: round(ing.parseMs, 1), ingestImportMs: round(ing.importMs, 1), saveIndexMs: round(ing.saveMs, 1), ingestCurve: ing.curve,
      indexBuildMs: round(indexBuildMs, 1),
      startupMs: round(boot.startupMs, 1), startupWallMs: round(boot.wallMs, 1), askCliMs: round(askCliMs, 1),
      firstAnswerInNewProcessMs: round(boot.answerMs ?? Number.NaN, 2),
      answerP50Ms: answer.p50, answerP99Ms: answer.p99, answerSamples: answerMs.length,
      retrievalP50Ms: retrieval.p50, retrievalP99Ms: retrieval.p99,
      floorP50Ms: fl.p50, floorP99Ms: fl.p99, floorAnnP50Ms: p50p99(floor.annMs).p50, floorFtsP50Ms: p50p99(floor.ftsMs).p50,
      embedQueryP50Ms: p50p99(embedMs).p50, annP50Ms: p50p99(annMs).p50,
      memoryStoreP50Ms: memStats?.p50 ?? null, memoryStoreP99Ms: memStats?.p99 ?? null,
      memoryStoreAddMs: mem ? round(mem.addMs, 1) : null,
      exactScanP50Ms: exact.p50, exactScanP99Ms: exact.p99,
      recallAt10Strict: round(recall.strict, 4), recallAt10TieTolerant: round(recall.recall, 4),
      recallQueries: recallQs.length,
      rssMB: round(boot.rssMB, 1), rssAfterAnswerMB: round(boot.rssAfterAnswerMB ?? Number.NaN, 1),
      diskBytesPerChunk: round((disk.store + disk.wal + disk.index) / chunks, 1),
      storeBytes: disk.store, walBytes: disk.wal, indexBytes: disk.index,
      floorCandidates: candidates,
      retrievalOverFloor: round(retrieval.p50 / fl.p50, 2),
      exactScanOverRetrieval: round(exact.p50 / retrieval.p50, 2),
      memoryStoreOverRetrieval: memStats ? round(memStats.p50 / retrieval.p50, 2) : null,
      memoryStoreOverExactScan: memStats ? round(memStats.p50 / exact.p50, 2) : null,
    };
  } finally {
    await app.close();
    liveDirs.delete(dir);
    if (plan.keep) process.stderr.write(`kept ${dir}\n`);
    else rmSync(dir, { recursive: true, force: true });
  }
}
