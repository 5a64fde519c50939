import { createHash } from 'node:crypto';
import type { StoragePorts } from '../../core/ports.js';
import { chunkText } from '../../corpus/chunker.js';

/** What must not change when an input is rejected. */
export interface StoreFingerprint {
  storeVersion: number;
  documents: number;
  chunks: number;
  /** SHA-256 over every document id with its content hash, and every chunk id, in order. */
  digest: string;
}

/** The ports a fingerprint reads. */
type Readable = Pick<StoragePorts, 'documents' | 'vectors'>;

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Reads the fingerprint of a store through its ports. The reads are not one transaction, so they are
 * taken again until the store version is the same before and after them (nothing changed in between).
 */
export async function storeFingerprint(storage: Readable): Promise<StoreFingerprint> {
  for (;;) {
    const storeVersion = await storage.documents.version();
    const docs = (await storage.documents.listDocuments()).sort(byId);
    const ids = await storage.vectors.ids();
    if (await storage.documents.version() !== storeVersion) continue;
    const hash = createHash('sha256');
    for (const d of docs) hash.update(`${d.id}\t${d.contentHash}\n`);
    hash.update(ids.join(','));
    return { storeVersion, documents: docs.length, chunks: ids.length, digest: hash.digest('hex') };
  }
}

/**
 * Finds half-added documents: every stored document must have exactly the chunks that chunking its
 * text gives (same count, same offsets, ords 0..n-1), and every chunk's text must equal
 * `doc.text.slice(start, end)`. Returns one line per problem (at most `limit`).
 */
export async function documentProblems(storage: Pick<StoragePorts, 'documents'>, limit = 20): Promise<string[]> {
  const problems: string[] = [];
  for (const { id } of (await storage.documents.listDocuments()).sort(byId)) {
    const doc = (await storage.documents.getDocument(id))!;
    const stored = await storage.documents.passagesOf(doc.id);
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
