import type { Storage } from '../core/ports.js';
import { indexDiff } from '../retrieval/index-sync.js';
import { VectorIndex } from '../retrieval/vector-index.js';

/** The result of `corpus check`: problems found, with the command that repairs each. */
export interface CheckReport {
  ok: boolean;
  documents: number;
  chunks: number;
  indexSize: number | null;
  problems: { problem: string; fix: string }[];
}

/**
 * Verifies the store and this process's index on disk (under `indexDir`) without changing either:
 * the adapter's own check (SQLite: page and FTS integrity; both: every passage's offsets reproduce
 * its text, no passage without a document, vectors of the index's length), the embedder that made
 * the stored vectors, and that the index holds exactly the store's passages.
 */
export async function checkData(storage: Storage, indexDir: string, embedderId: string): Promise<CheckReport> {
  const index = await VectorIndex.load(indexDir);
  const problems: CheckReport['problems'] = await storage.integrity.check(index ? { vectorBytes: index.dimensions * 4 } : {});
  const { documents, passages: chunks } = await storage.documents.counts();
  const recorded = await storage.meta.get('embedder');
  if (recorded && recorded !== embedderId) {
    problems.push({ problem: `stored vectors were made by ${recorded}, configured embedder is ${embedderId}`, fix: 'npm run corpus -- reindex' });
  }
  if (!index) {
    if (chunks > 0) problems.push({ problem: 'no readable vector index on disk', fix: 'none needed: it is rebuilt from stored vectors at the next start (or run npm run corpus -- reindex)' });
    return { ok: problems.length === 0, documents, chunks, indexSize: null, problems };
  }
  const { missing, extra } = indexDiff(index, await storage.vectors.ids());
  if (missing.length || extra.length) {
    problems.push({
      problem: `index and store disagree: ${missing.length} chunks missing from the index, ${extra.length} removed chunks still in it`,
      fix: 'none needed: the index catches up from stored vectors at the next start (or run npm run corpus -- reindex)',
    });
  }
  if (index.embedder !== embedderId) problems.push({ problem: `index built by ${index.embedder}`, fix: 'npm run corpus -- reindex' });
  return { ok: problems.length === 0, documents, chunks, indexSize: index.size, problems };
}
