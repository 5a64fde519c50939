import type { Storage, StoragePorts } from '../core/ports.js';
import type { DocumentInput, DocumentMeta } from '../core/documents.js';
import type { UserError } from '../core/errors.js';
import type { LoadOptions } from '../corpus/loaders/index.js';
import { passageText } from './analyse.js';
import type { AddResult, AddSource } from './app.js';
import type { IndexReplica } from './index-replica.js';
import { ingestDocuments, pipelineBatches, type IngestDeps } from './ingest.js';

/** What the ingestor needs: ingest's own dependencies, the replica it keeps current, and hooks. */
export interface IngestorDeps {
  ingest: IngestDeps;
  storage: Storage;
  replica: IndexReplica;
  loadOptions: LoadOptions;
  /** Loads any source (file, URL, upload, text) into a document. */
  load: (source: AddSource, opts: LoadOptions) => Promise<DocumentInput>;
  /** Inside the removal's transaction: the claims the removed document fed are derived again. */
  onRemoved: (tx: StoragePorts) => Promise<void> | void;
  /** After documents are committed (`texts`: what they say, when few enough to compare with questions). */
  afterIngest: (texts?: string[]) => Promise<void>;
}

/** The narrow interface of importing: what `corpus import` and the bench use. */
export interface Importer {
  readonly loadOptions: LoadOptions;
  /** Adds many loaded documents in one transaction, without saving the index (call `saveIndex`). */
  importDocuments(docs: DocumentInput[], meta?: DocumentMeta, onReject?: (doc: DocumentInput, err: UserError) => void): Promise<AddResult[]>;
  /**
   * Imports batches as they come, each in its own transaction like `importDocuments`, pipelined: the
   * next batch is analysed (in the import worker) while the previous one is stored. Without saving the index.
   */
  importBatches(batches: AsyncIterable<DocumentInput[]> | Iterable<DocumentInput[]>, onBatch: (results: AddResult[]) => void,
    onReject?: (doc: DocumentInput, err: UserError) => void): Promise<void>;
  saveIndex(): Promise<void>;
}

/** The ingestor service: documents in and out of the corpus, the index replica kept in step. */
export interface Ingestor extends Importer {
  addDocument(source: AddSource, meta?: DocumentMeta): Promise<AddResult>;
  removeDocument(id: string): Promise<void>;
  reindex(onProgress?: (done: number, total: number) => void): Promise<{ chunks: number; ms: number }>;
}

/** Builds the ingestor over its dependencies. */
export function createIngestor(d: IngestorDeps): Ingestor {
  const { storage, replica } = d;
  const importDocuments: Importer['importDocuments'] = async (docs, meta, onReject) => {
    const res = await ingestDocuments(d.ingest, docs, meta, onReject);
    if (res.some((r) => r.added)) {
      replica.changed();
      await d.afterIngest(docs.length <= 1000 ? docs.map((x) => `${x.meta.title ?? ''} ${x.text}`) : undefined);
    }
    return res;
  };
  return {
    loadOptions: d.loadOptions,
    importDocuments,
    async importBatches(batches, onBatch, onReject) {
      let added = false;
      await pipelineBatches(d.ingest, batches, (res) => {
        if (res.some((r) => r.added)) { replica.changed(); added = true; }
        onBatch(res);
      }, onReject);
      if (added) await d.afterIngest();
    },
    saveIndex: () => replica.save(),
    async addDocument(source, meta) {
      const doc = await d.load(source, d.loadOptions);
      const [res] = await importDocuments([doc], meta);
      await replica.save();
      return res!;
    },
    async removeDocument(id) {
      // The document's claims go with it (cascade); the claims they fed are derived again in the same transaction.
      const { removed, version } = await storage.withTransaction(async (tx) => {
        const ids = await tx.documents.removeDocument(id);
        await d.onRemoved(tx);
        return { removed: ids, version: await tx.documents.version() };
      });
      replica.changed(removed, version);
      await replica.save();
    },
    async reindex(onProgress) {
      const t0 = performance.now();
      const { embedder } = d.ingest;
      const rows: { id: number; vec: Float32Array }[] = [];
      for (const doc of await storage.documents.listDocuments()) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        const chunks = await storage.documents.passagesOf(doc.id);
        const vecs = await embedder.embedDocuments(chunks.map((c) => passageText(doc.title, c.text)));
        chunks.forEach((c, i) => rows.push({ id: c.id, vec: Float32Array.from(vecs[i]!) }));
      }
      await storage.withTransaction(async (tx) => {
        await tx.vectors.replaceVectors(rows);
        await tx.meta.set('embedder', embedder.id);
      });
      await replica.rebuild(onProgress);
      return { chunks: rows.length, ms: performance.now() - t0 };
    },
  };
}
