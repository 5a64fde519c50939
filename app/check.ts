import { Store } from '../storage/sqlite/store.js';
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
 * Verifies the store and the index on disk without changing either: SQLite and FTS integrity, every
 * chunk's offsets reproduce its text, and the index holds exactly the store's chunks.
 */
export async function checkData(dataDir: string, embedderId: string): Promise<CheckReport> {
  const store = Store.open(dataDir);
  const problems: CheckReport['problems'] = [];
  try {
    const integrity = store.db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push({ problem: `SQLite integrity check: ${String(integrity)}`, fix: 'restore data/ from a backup' });
    try {
      store.db.prepare("INSERT INTO chunks_fts(chunks_fts, rank) VALUES ('integrity-check', 1)").run();
    } catch (err) {
      problems.push({ problem: `full-text index: ${(err as Error).message}`, fix: 'npm run corpus -- reindex' });
    }
    const bad = store.db.prepare(`SELECT c.id, c.doc_id AS docId FROM chunks c JOIN documents d ON d.id = c.doc_id
      WHERE substr(d.text, c.start + 1, c."end" - c.start) != c.text LIMIT 5`).all() as { id: number; docId: string }[];
    // substr counts characters, offsets count UTF-16 units: confirm each mismatch in JavaScript.
    for (const b of bad) {
      const doc = store.getDocument(b.docId)!;
      const c = store.chunksOf(b.docId).find((x) => x.id === b.id)!;
      if (doc.text.slice(c.start, c.end) !== c.text) {
        problems.push({ problem: `chunk ${b.id} of ${b.docId} does not match its offsets`, fix: `npm run corpus -- remove ${b.docId}, then add it again` });
      }
    }
    const orphans = store.db.prepare('SELECT count(*) FROM chunks WHERE doc_id NOT IN (SELECT id FROM documents)').pluck().get() as number;
    if (orphans) problems.push({ problem: `${orphans} chunks without a document`, fix: 'npm run corpus -- reindex' });
    const { documents, chunks } = store.counts();
    const recorded = store.getMeta('embedder');
    if (recorded && recorded !== embedderId) {
      problems.push({ problem: `stored vectors were made by ${recorded}, configured embedder is ${embedderId}`, fix: 'npm run corpus -- reindex' });
    }
    const index = await VectorIndex.load(dataDir);
    if (!index) {
      if (chunks > 0) problems.push({ problem: 'no readable vector index on disk', fix: 'none needed: it is rebuilt from stored vectors at the next start (or run npm run corpus -- reindex)' });
      return { ok: problems.length === 0, documents, chunks, indexSize: null, problems };
    }
    const { missing, extra } = indexDiff(index, store.chunkIds());
    if (missing.length || extra.length) {
      problems.push({
        problem: `index and store disagree: ${missing.length} chunks missing from the index, ${extra.length} removed chunks still in it`,
        fix: 'none needed: the index catches up from stored vectors at the next start (or run npm run corpus -- reindex)',
      });
    }
    if (index.embedder !== embedderId) problems.push({ problem: `index built by ${index.embedder}`, fix: 'npm run corpus -- reindex' });
    return { ok: problems.length === 0, documents, chunks, indexSize: index.size, problems };
  } finally {
    store.close();
  }
}
