import { Gazetteer } from '../../claims/actors.js';
import { Store } from '../../storage/sqlite/store.js';
import { sqliteStorage } from '../../storage/sqlite/sqlite-storage.js';
import type { DocumentInput, DocumentMeta } from '../../core/documents.js';
import { BuiltinEmbeddings } from '../../retrieval/builtin-embeddings.js';
import { openIndex } from '../../retrieval/index-sync.js';
import { ingestDocuments, type IngestDeps } from '../../app/ingest.js';
import { tempDir } from './temp.js';
import { createAnalyser } from '../../app/analyser.js';

/** One shared gazetteer: building it reads the countries file. */
export const gazetteer = new Gazetteer();

/** Ingest's dependencies with the SQLite store under their storage (for tests that look inside it). */
export type TestDeps = IngestDeps & { store: Store };

/** Store + index + embedder over `dir`, without the bundled documents. */
export async function openDeps(dir: string): Promise<TestDeps> {
  const store = Store.open(dir);
  const embedder = new BuiltinEmbeddings();
  const storage = sqliteStorage(store, { closeStore: false });
  const { index } = await openIndex(storage, embedder, dir);
  // Inline analysis: these tests exercise ingest, not the worker (tests/app/analyser.test.ts does).
  return { storage, store, embedder, index, gazetteer, analyser: createAnalyser({ gazetteer, aliases: {}, embedder, workerMinChars: Infinity }) };
}

/** A document input built in the test. */
export function doc(id: string, text: string, meta: DocumentMeta = {}): DocumentInput {
  return { meta: { id, title: id, kind: 'news report', ...meta }, text, origin: id };
}

/** Store + index over a temporary folder holding `docs`; `close` removes it. */
export async function depsWith(docs: DocumentInput[]): Promise<{ deps: TestDeps; close: () => void }> {
  const t = tempDir();
  const deps = await openDeps(t.dir);
  await ingestDocuments(deps, docs);
  return { deps, close: () => { deps.store.close(); t.cleanup(); } };
}
