import type { NamedEmbeddings } from '../retrieval/builtin-embeddings.js';
import { openIndex, rebuildIndex, syncIndex, type IndexSource } from '../retrieval/index-sync.js';
import type { VectorIndex } from '../retrieval/vector-index.js';

/**
 * This process's vector index replica (hnswlib, under its index folder) and everything that keeps it
 * true to the stored vectors: catching up by store version before an answer (another process or
 * machine added or removed documents), the changes this process makes, rebuilds and saving. The
 * stored vectors are the truth; the replica can always be rebuilt from them.
 */
export class IndexReplica {
  private dirty: boolean;
  private catching: Promise<void> | undefined;

  private constructor(private readonly source: IndexSource, private readonly embedder: NamedEmbeddings,
    private readonly dir: string, public index: VectorIndex, changed: boolean) {
    this.dirty = changed;
  }

  /** Loads the replica from `dir` and catches it up, or rebuilds it from the stored vectors. */
  static async open(source: IndexSource, embedder: NamedEmbeddings, dir: string): Promise<IndexReplica> {
    const opened = await openIndex(source, embedder, dir);
    return new IndexReplica(source, embedder, dir, opened.index, opened.rebuilt || opened.added + opened.removed > 0);
  }

  /**
   * Catches up with changes committed since the replica last looked (one version read when nothing
   * changed). Skipped while this process's own import is adding vectors: the store is ahead on purpose.
   * Concurrent callers share one catch-up.
   */
  async catchUp(): Promise<void> {
    if (this.catching) return this.catching;
    if (this.index.adding > 0) return;
    const run = async () => {
      if (this.index.storeVersion === await this.source.documents.version()) return;
      const { added, removed } = await syncIndex(this.index, this.source);
      if (added + removed > 0) this.dirty = true;
    };
    this.catching = run().finally(() => { this.catching = undefined; });
    return this.catching;
  }

  /** Records this process's own change: vectors added (by ingest) or passages removed, at `version`. */
  changed(removedIds: readonly number[] = [], version?: number): void {
    if (removedIds.length) this.index.remove(removedIds);
    if (version !== undefined && this.index.storeVersion < version) this.index.storeVersion = version;
    this.dirty = true;
  }

  /** Builds a fresh replica from the stored vectors (after a re-embedding) and saves it. */
  async rebuild(onProgress?: (done: number, total: number) => void): Promise<void> {
    const fresh = await rebuildIndex(this.source, this.embedder, this.index.params, onProgress);
    await fresh.save(this.dir);
    this.index = fresh;
    this.dirty = false;
  }

  /** Writes the replica when it changed since it was last written. */
  async save(): Promise<void> {
    if (!this.dirty) return;
    this.dirty = false;
    await this.index.save(this.dir);
  }
}
