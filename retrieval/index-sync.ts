import type { Store } from '../storage/sqlite/store.js';
import { UserError } from '../core/errors.js';
import type { NamedEmbeddings } from './builtin-embeddings.js';
import { DEFAULT_HNSW, type HnswParams, VectorIndex } from './vector-index.js';

const BATCH = 2000;

/** Which embedder produced the vectors in the store (recorded with the first vector). */
export function assertStoreEmbedder(store: Store, embedder: NamedEmbeddings): void {
  const recorded = store.getMeta('embedder');
  if (recorded === undefined) {
    store.setMeta('embedder', embedder.id);
    return;
  }
  if (recorded !== embedder.id) {
    throw new UserError('INDEX_MISMATCH', { found: recorded, expected: embedder.id });
  }
}

/**
 * Opens the vector index for the store: loads it from `dir` and catches up with any change it missed
 * (a crash, another process's import), or rebuilds it from the stored vectors when it is missing,
 * unreadable or built by another embedder. Never re-embeds.
 */
export async function openIndex(store: Store, embedder: NamedEmbeddings, dir: string, params: HnswParams = DEFAULT_HNSW):
Promise<{ index: VectorIndex; rebuilt: boolean; added: number; removed: number }> {
  assertStoreEmbedder(store, embedder);
  const loaded = await VectorIndex.load(dir);
  if (loaded && loaded.embedder === embedder.id && loaded.dimensions === embedder.dimensions) {
    if (loaded.storeVersion === store.version()) return { index: loaded, rebuilt: false, added: 0, removed: 0 };
    const { added, removed } = syncIndex(loaded, store);
    return { index: loaded, rebuilt: false, added, removed };
  }
  const index = rebuildIndex(store, embedder, params);
  return { index, rebuilt: true, added: index.size, removed: 0 };
}

/** Builds a fresh index from the vectors in the store. */
export function rebuildIndex(store: Store, embedder: NamedEmbeddings, params: HnswParams = DEFAULT_HNSW,
  onProgress?: (done: number, total: number) => void): VectorIndex {
  const snapshot = store.db.transaction(() => ({ version: store.version(), total: store.counts().chunks }))();
  const index = VectorIndex.create(embedder.id, embedder.dimensions, params, snapshot.total + 16);
  let batch: { id: number; vec: Float32Array }[] = [];
  let done = 0;
  for (const row of store.vectors()) {
    batch.push(row);
    if (batch.length === BATCH) {
      index.add(batch);
      done += batch.length;
      batch = [];
      onProgress?.(done, snapshot.total);
    }
  }
  index.add(batch);
  onProgress?.(done + batch.length, snapshot.total);
  index.storeVersion = snapshot.version;
  return index;
}

/** Where the index and the store's chunk ids disagree: chunks missing from the index, removed ones still in it. */
export function indexDiff(index: VectorIndex, storedIds: readonly number[]): { missing: number[]; extra: number[] } {
  const live = new Set(index.ids());
  const stored = new Set(storedIds);
  return { missing: storedIds.filter((id) => !live.has(id)), extra: [...live].filter((id) => !stored.has(id)) };
}

/** Makes the index hold exactly the store's chunks: adds the missing, deletes the removed. */
export function syncIndex(index: VectorIndex, store: Store): { added: number; removed: number } {
  const { version, ids } = store.db.transaction(() => ({ version: store.version(), ids: store.chunkIds() }))();
  const { missing, extra } = indexDiff(index, ids);
  for (let i = 0; i < missing.length; i += BATCH) index.add(store.vectorsOf(missing.slice(i, i + BATCH)));
  index.remove(extra);
  index.storeVersion = version;
  return { added: missing.length, removed: extra.length };
}
