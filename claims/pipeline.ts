import { chunkText } from '../corpus/chunker.js';
import type { StoredDocument } from '../core/documents.js';
import type { Storage } from '../core/ports.js';
import type { Gazetteer } from './actors.js';
import { attributeSentences, type Attribution } from './attribution.js';
import { extractMentions, type ExtractedMention } from './extract.js';
import { ClaimLedger, type LedgerDoc } from './ledger-store.js';

/** Bump when extraction changes: stores built by an older version are re-extracted at start-up. */
export const CLAIMS_VERSION = '3';

/** The claim mentions of one document, from its attributed sentences (computed at ingest). */
export function documentClaims(docId: string, text: string, attributions: readonly Attribution[]): ExtractedMention[] {
  return extractMentions(docId, text, attributions);
}

/** What the ledger keeps about a document. */
export function ledgerDoc(doc: Pick<StoredDocument, 'id' | 'kind' | 'published' | 'publisher' | 'url' | 'sources' | 'speaker'>,
  gazetteer: Gazetteer): LedgerDoc {
  return {
    id: doc.id, kind: doc.kind, published: doc.published, publisher: doc.publisher, url: doc.url, sources: doc.sources,
    speakerId: doc.speaker ? gazetteer.resolve(doc.speaker)?.id : undefined,
  };
}

/** Attributes and extracts a stored document from scratch (the same sentences as ingest uses). */
export function extractStored(doc: StoredDocument, gazetteer: Gazetteer): ExtractedMention[] {
  const sentences = chunkText(doc.text).flatMap((c) => c.sentences);
  const speaker = doc.speaker ? gazetteer.resolve(doc.speaker) : undefined;
  return extractMentions(doc.id, doc.text, attributeSentences(doc.text, sentences, gazetteer, speaker, doc.language));
}

/**
 * Brings the ledger up to date with the extraction version: when the store was built by another version
 * (or before the ledger existed), every document's claims are extracted again, in batches of transactions.
 * Reviews and the audit log are kept; reviews apply again to claims that come back with the same id.
 */
export async function syncLedger(storage: Storage, gazetteer: Gazetteer, onProgress?: (done: number, total: number) => void): Promise<boolean> {
  if (await storage.meta.get('claims_version') === CLAIMS_VERSION) return false;
  const ledger = new ClaimLedger(storage.claims);
  const ids = (await storage.documents.listDocuments())
    .sort((a, b) => a.addedAt.localeCompare(b.addedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((d) => d.id);
  // Watch notifications stay quiet while the claims are deleted and derived again (see WatchStore).
  await storage.claims.setLedgerRebuild(new Date().toISOString());
  await storage.withTransaction((tx) => tx.claims.clearLedger());
  const BATCH = 200;
  for (let i = 0; i < ids.length; i += BATCH) {
    await storage.withTransaction(async (tx) => {
      for (const id of ids.slice(i, i + BATCH)) {
        const doc = await tx.documents.getDocument(id);
        if (doc) await ledger.addDocument(tx.claims, ledgerDoc(doc, gazetteer), extractStored(doc, gazetteer));
      }
    });
    onProgress?.(Math.min(i + BATCH, ids.length), ids.length);
  }
  await storage.meta.set('claims_version', CLAIMS_VERSION);
  await storage.claims.setLedgerRebuild(undefined);
  return true;
}
