import type { Meta, StoragePorts } from '../core/ports.js';
import { UserError } from '../core/errors.js';
import type { NamedEmbeddings } from './builtin-embeddings.js';
import { DEFAULT_HNSW, type HnswParams, VectorIndex } from './vector-index.js';

const BATCH = 2000;

/** The ports an index replica is built and caught up from. */
export type IndexSource = Pick<StoragePorts, 'documents' | 'vectors' | 'meta'>;

/** Which embedder produced the vectors in the store (recorded with the first vector). */
export async function assertStoreEmbedder(meta: Meta, embedder: NamedEmbeddings): Promise<void> {
  const recorded = await meta.get('embedder');
  if (recorded === undefined) {
    await meta.set('embedder', embedder.id);
    return;
  }
  if (recorded !== embedder.id) {
    throw new UserError('INDEX_MISMATCH', { found: recorded, expected: embedder.id });
  }
}

/**
 * Opens this process's vector index replica: loads it from `dir` and catches up with any change it
 * missed (a crash, another process's import), or rebuilds it from the stored vectors when it is missing,
 * unreadable or built by another embedder. Never re-embeds.
 */
export async function openIndex(source: IndexSource, embedder: NamedEmbeddings, dir: string, params: HnswParams = DEFAULT_HNSW):
Promise<{ index: VectorIndex; rebuilt: boolean; added: number; removed: number }> {
  await assertStoreEmbedder(source.meta, embedder);
  const loaded = await VectorIndex.load(dir);
  if (loaded && loaded.embedder === embedder.id && loaded.dimensions === embedder.dimensions) {
    if (loaded.storeVersion === await source.documents.version()) return { index: loaded, rebuilt: false, added: 0, removed: 0 };
    const { added, removed } = await syncIndex(loaded, source);
    return { index: loaded, rebuilt: false, added, removed };
  }
  const index = await rebuildIndex(source, embedder, params);
  return { index, rebuilt: true, added: index.size, removed: 0 };
}

/**
 * Builds a fresh index from the vectors in the store. The version is read first: a change committed
 * during the scan leaves the index claiming an older version, so the next check catches it up.
 */
export async function rebuildIndex(source: IndexSource, embedder: NamedEmbeddings, params: HnswParams = DEFAULT_HNSW,
  onProgress?: (done: number, total: number) => void): Promise<VectorIndex> {
  const version = await source.documents.version();
  const total = (await source.documents.counts()).passages;
  const index = VectorIndex.create(embedder.id, embedder.dimensions, params, total + 16);
  let done = 0;
  for await (const batch of source.vectors.scan(BATCH)) {
    index.add(batch);
    done += batch.length;
    onProgress?.(done, total);
  }
  if (done === 0) onProgress?.(0, total);
  index.storeVersion = version;
  return index;
}

/** Where the index and the store's chunk ids disagree: chunks missing from the index, removed ones still in it. */
export function indexDiff(index: VectorIndex, storedIds: readonly number[]): { missing: number[]; extra: number[] } {
  const live = new Set(index.ids());
  const stored = new Set(storedIds);
  return { missing: storedIds.filter((id) => !live.has(id)), extra: [...live].filter((id) => !stored.has(id)) };
}

/**
 * Makes the index hold exactly the store's passages: adds the missing, deletes the removed. The version
 * is read before the ids, so a change committed in between is caught up by the next check.
 */
export async function syncIndex(index: VectorIndex, source: IndexSource): Promise<{ added: number; removed: number }> {
  const version = await source.documents.version();
  const ids = await source.vectors.ids();
  const { missing, extra } = indexDiff(index, ids);
  for (let i = 0; i < missing.length; i += BATCH) index.add(await source.vectors.vectorsOf(missing.slice(i, i + BATCH)));
  index.remove(extra);
  index.storeVersion = version;
  return { added: missing.length, removed: extra.length };
}
