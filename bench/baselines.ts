import path from 'node:path';
import { Document } from '@langchain/core/documents';
import { MemoryVectorStore } from '@langchain/classic/vectorstores/memory';
import hnswlib from 'hnswlib-node';
import type { Store } from '../storage/sqlite/store.js';
import type { NamedEmbeddings } from '../retrieval/builtin-embeddings.js';
import type { VectorMatrix } from './exact-search.js';
import { timeEach } from './stats.js';

/** One benchmark query: the vector and the bounded FTS5 expression the project searches with (`toMatchQuery` with the store). */
export interface BenchQuery {
  vec: number[];
  match: string;
}

/**
 * LangChain's MemoryVectorStore (exact cosine search) over the same vectors, with the same embedder:
 * the time `addVectors` takes for all of them, then `similaritySearchVectorWithScore(vec, 10)` per query.
 */
export async function memoryStoreBaseline(embedder: NamedEmbeddings, m: VectorMatrix, queries: readonly BenchQuery[]):
Promise<{ addMs: number; queryMs: number[] }> {
  const store = new MemoryVectorStore(embedder);
  const BATCH = 5000;
  let addMs = 0;
  for (let start = 0; start < m.ids.length; start += BATCH) {
    const end = Math.min(m.ids.length, start + BATCH);
    const vectors: number[][] = [];
    const docs: Document[] = [];
    for (let r = start; r < end; r++) {
      vectors.push(Array.from(m.data.subarray(r * m.dim, (r + 1) * m.dim)));
      docs.push(new Document({ pageContent: '', metadata: { id: m.ids[r] } }));
    }
    const t0 = performance.now();
    await store.addVectors(vectors, docs);
    addMs += performance.now() - t0;
  }
  const queryMs = await timeEach(queries, (q) => store.similaritySearchVectorWithScore(q.vec, 10));
  return { addMs, queryMs };
}

/**
 * The floor of the project's own stack: a raw hnswlib-node index read from the saved file (same `ef`)
 * with `searchKnn(vec, candidates)`, plus one raw FTS5 bm25 query on the same store with the system's
 * own bounded expression and the same number of candidates (`Store.lexicalSearch`, no speaker list). No fusion, no speaker lists, no chunk
 * loading, no composition. Returns the time of each part and of both together per query.
 */
export async function floorBaseline(store: Store, dataDir: string, dim: number, ef: number, queries: readonly BenchQuery[], candidates: number):
Promise<{ annMs: number[]; ftsMs: number[]; totalMs: number[] }> {
  const raw = new hnswlib.HierarchicalNSW('cosine', dim);
  await raw.readIndex(path.join(dataDir, 'index.hnsw'));
  raw.setEf(ef);
  const n = Math.min(candidates, raw.getCurrentCount());
  const annMs: number[] = [];
  const ftsMs: number[] = [];
  const totalMs: number[] = [];
  for (const q of queries) {
    const t0 = performance.now();
    raw.searchKnn(q.vec, n);
    const t1 = performance.now();
    if (q.match) store.lexicalSearch(q.match, candidates);
    const t2 = performance.now();
    annMs.push(t1 - t0);
    ftsMs.push(t2 - t1);
    totalMs.push(t2 - t0);
  }
  return { annMs, ftsMs, totalMs };
}
