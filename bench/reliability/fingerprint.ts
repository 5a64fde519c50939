import { createHash } from 'node:crypto';
import { chunkText } from '../../corpus/chunker.js';
import type { Store } from '../../storage/sqlite/store.js';

/** What must not change when an input is rejected. */
export interface StoreFingerprint {
  storeVersion: number;
  documents: number;
  chunks: number;
  /** SHA-256 over every document id with its content hash, and every chunk id, in order. */
  digest: string;
}

/** Reads the fingerprint of a store in one read transaction. */
export function storeFingerprint(store: Store): StoreFingerprint {
  return store.db.transaction(() => {
    const hash = createHash('sha256');
    const docs = store.db.prepare('SELECT id, content_hash FROM documents ORDER BY id').raw().all() as [string, string][];
    for (const [id, contentHash] of docs) hash.update(`${id}\t${contentHash}\n`);
    const ids = store.chunkIds();
    hash.update(ids.join(','));
    return { storeVersion: store.version(), documents: docs.length, chunks: ids.length, digest: hash.digest('hex') };
  })();
}

/**
 * Finds half-added documents: every stored document must have exactly the chunks that chunking its
 * text gives (same count, same offsets, ords 0..n-1), and every chunk's text must equal
 * `doc.text.slice(start, end)`. Returns one line per problem (at most `limit`).
 */
export function documentProblems(store: Store, limit = 20): string[] {
  const problems: string[] = [];
  const ids = store.db.prepare('SELECT id FROM documents ORDER BY id').pluck().all() as string[];
  for (const id of ids) {
    const doc = store.getDocument(id)!;
    const stored = store.chunksOf(doc.id);
    const expected = chunkText(doc.text);
    if (stored.length !== expected.length) {
      problems.push(`${doc.id}: ${stored.length} chunks stored, re-chunking gives ${expected.length}`);
    }
    stored.forEach((c, i) => {
      if (c.ord !== i) problems.push(`${doc.id}: chunk ${c.id} has ord ${c.ord}, expected ${i}`);
      if (doc.text.slice(c.start, c.end) !== c.text) problems.push(`${doc.id}: chunk ${c.id} text differs from its offsets`);
      const e = expected[i];
      if (e && (e.start !== c.start || e.end !== c.end)) problems.push(`${doc.id}: chunk ${c.id} spans ${c.start}-${c.end}, re-chunking gives ${e.start}-${e.end}`);
    });
    if (problems.length >= limit) break;
  }
  return problems.slice(0, limit);
}
