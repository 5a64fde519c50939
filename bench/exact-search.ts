import type { VectorStore } from '../core/ports.js';
import type { VectorIndex } from '../retrieval/vector-index.js';

/** Every stored vector in one contiguous array, with the chunk id of each row (ascending). */
export interface VectorMatrix {
  ids: Float64Array;
  data: Float32Array;
  dim: number;
}

/** Passages whose vectors are read in one call. */
const READ_BATCH = 5000;

/** Reads all stored vectors into a {@link VectorMatrix}, through the vector port in batches. */
export async function loadMatrix(vectors: VectorStore, dim: number): Promise<VectorMatrix> {
  const all = await vectors.ids();
  const ids = new Float64Array(all.length);
  const data = new Float32Array(all.length * dim);
  let i = 0;
  for (let start = 0; start < all.length; start += READ_BATCH) {
    for (const { id, vec } of await vectors.vectorsOf(all.slice(start, start + READ_BATCH))) {
      ids[i] = id;
      data.set(vec, i * dim);
      i++;
    }
  }
  return { ids: ids.subarray(0, i), data: data.subarray(0, i * dim), dim };
}

/** Exact top-k by dot product (= cosine: the vectors are normalised), best first. */
export function exactTopK(m: VectorMatrix, q: Float32Array, k: number): { id: number; score: number }[] {
  const top: { id: number; score: number }[] = [];
  const { data, dim } = m;
  for (let r = 0, off = 0; r < m.ids.length; r++, off += dim) {
    let s = 0;
    for (let j = 0; j < dim; j++) s += data[off + j]! * q[j]!;
    if (top.length < k || s > top[top.length - 1]!.score) {
      let at = top.length;
      while (at > 0 && top[at - 1]!.score < s) at--;
      top.splice(at, 0, { id: m.ids[r]!, score: s });
      if (top.length > k) top.pop();
    }
  }
  return top;
}

/** The dot product of `q` with the stored vector of chunk `id` (binary search on the sorted ids). */
export function scoreOf(m: VectorMatrix, id: number, q: Float32Array): number {
  let lo = 0;
  let hi = m.ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = m.ids[mid]!;
    if (v === id) {
      let s = 0;
      for (let j = 0, off = mid * m.dim; j < m.dim; j++) s += m.data[off + j]! * q[j]!;
      return s;
    }
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return Number.NEGATIVE_INFINITY;
}

/**
 * ANN recall@k of the project's index against exact search. `recall` counts a returned chunk as right
 * when its exact score reaches the k-th exact score (ties between copies of one passage are equal
 * answers); `strict` requires the very same ids. `exactMs`: the time of each exact scan (a plain
 * Float32Array dot-product loop over every stored vector: the exact-search floor without LangChain).
 */
export function recallAtK(index: VectorIndex, m: VectorMatrix, queries: readonly Float32Array[], k = 10):
{ recall: number; strict: number; exactMs: number[] } {
  let hits = 0;
  let strict = 0;
  const exactMs: number[] = [];
  let total = 0;
  for (const q of queries) {
    const t0 = performance.now();
    const exact = exactTopK(m, q, k);
    exactMs.push(performance.now() - t0);
    if (exact.length === 0) continue;
    const kth = exact[exact.length - 1]!.score - 1e-5;
    const ann = index.search(q, k);
    const exactIds = new Set(exact.map((e) => e.id));
    hits += Math.min(exact.length, ann.filter((a) => scoreOf(m, a.id, q) >= kth).length);
    strict += ann.filter((a) => exactIds.has(a.id)).length;
    total += exact.length;
  }
  return { recall: total ? hits / total : Number.NaN, strict: total ? strict / total : Number.NaN, exactMs };
}
