import type { Gazetteer } from '../claims/actors.js';
import { attributeSentences, type Attribution } from '../claims/attribution.js';
import type { ExtractedMention } from '../claims/extract.js';
import { ClaimLedger } from '../claims/ledger-store.js';
import { documentClaims, ledgerDoc } from '../claims/pipeline.js';
import { prepareDocument, type PreparedDocument } from '../corpus/prepare.js';
import type { NewChunk, Store } from '../corpus/store.js';
import type { DocumentInput, DocumentMeta } from '../corpus/types.js';
import type { NamedEmbeddings } from '../retrieval/builtin-embeddings.js';
import { encodeSpeakers, type SentenceSpeaker } from '../retrieval/speakers.js';
import type { VectorIndex } from '../retrieval/vector-index.js';
import { UserError } from './errors.js';
import type { AddResult } from './app.js';

/** What ingestion needs; passed in by `createApp`. */
export interface IngestDeps {
  store: Store;
  embedder: NamedEmbeddings;
  index: VectorIndex;
  gazetteer: Gazetteer;
  /** Claim extraction other than the rules (CLAIMS_MODE=llm); given the rules' mentions to fall back on. */
  claimExtractor?: ClaimExtractor;
}

/** Extracts a document's claim mentions from its attributed sentences, given the rule-based ones. */
export type ClaimExtractor = (doc: { id: string; title: string; text: string }, attributions: readonly Attribution[],
  rules: ExtractedMention[]) => Promise<{ claims: ExtractedMention[]; by: 'llm' | 'rules'; fallback?: string }>;

/**
 * Adds documents: prepare (metadata, id, chunks), attribute sentences to speakers, embed, then store
 * all of them in ONE transaction and add the vectors to the index. Identical content already stored is
 * skipped; an id taken by different content is an error. Either every document of the batch is stored or none.
 */
export async function ingestDocuments(deps: IngestDeps, inputs: readonly DocumentInput[], override?: DocumentMeta,
  onReject?: (input: DocumentInput, err: UserError) => void): Promise<AddResult[]> {
  const results: AddResult[] = [];
  type Fresh = { input: DocumentInput; prepared: PreparedDocument; chunks: NewChunk[]; claims: ExtractedMention[]; result: AddResult };
  let fresh: Fresh[] = [];
  const batchIds = new Map<string, string>();
  const batchHashes = new Map<string, string>();
  for (const input of inputs) {
    // Let timers and sockets run between documents: a long import must not starve the bot's gateway.
    await new Promise<void>((resolve) => setImmediate(resolve));
    try {
      await prepareOne(input);
    } catch (err) {
      if (!onReject || !(err instanceof UserError)) throw err;
      onReject(input, err);
    }
  }
  async function prepareOne(input: DocumentInput): Promise<void> {
    const prepared = prepareDocument(input, override);
    const { doc } = prepared;
    const existing = deps.store.findByHash(doc.contentHash);
    const sameInBatch = batchHashes.get(doc.contentHash);
    if (existing || sameInBatch) {
      const id = existing?.id ?? sameInBatch!;
      results.push({ id, title: existing?.title ?? doc.title, added: false, chunks: 0 });
      return;
    }
    if (deps.store.getDocument(doc.id) || batchIds.has(doc.id)) throw new UserError('DUPLICATE_ID', { id: doc.id });
    batchIds.set(doc.id, doc.contentHash);
    batchHashes.set(doc.contentHash, doc.id);
    const { chunks, claims, claimsBy } = await embedChunks(deps, prepared);
    const result: AddResult = { id: doc.id, title: doc.title, added: true, chunks: chunks.length, ...(claimsBy && { claims: claimsBy }) };
    fresh.push({ input, prepared, chunks, claims, result });
    results.push(result);
  }
  // The claim ledger is written in the same transaction as the documents (nested: a savepoint).
  const ledger = new ClaimLedger(deps.store);
  const ids = deps.store.transaction(() => {
    // Embedding awaited: another writer (a second add, another process) may have stored the same
    // content or id meanwhile. Check again inside the write transaction, where nobody else can.
    fresh = fresh.filter((f) => {
      const { doc } = f.prepared;
      const existing = deps.store.findByHash(doc.contentHash);
      if (existing) {
        Object.assign(f.result, { id: existing.id, title: existing.title, added: false, chunks: 0 });
        return false;
      }
      if (!deps.store.getDocument(doc.id)) return true;
      const err = new UserError('DUPLICATE_ID', { id: doc.id });
      if (!onReject) throw err;
      onReject(f.input, err);
      results.splice(results.indexOf(f.result), 1);
      return false;
    });
    const inserted = deps.store.insertDocuments(fresh.map((f) => ({
      doc: { ...f.prepared.doc, speakerId: f.prepared.doc.speaker ? deps.gazetteer.resolve(f.prepared.doc.speaker)?.id : undefined },
      chunks: f.chunks,
    })));
    for (const f of fresh) ledger.addDocument(ledgerDoc(f.prepared.doc, deps.gazetteer), f.claims);
    return inserted;
  });
  const vectors = fresh.flatMap((f, i) => f.chunks.map((c, j) => ({ id: ids[i]![j]!, vec: c.vec })));
  deps.index.add(vectors);
  deps.index.storeVersion = deps.store.version();
  return results;
}

/**
 * What is embedded for a passage: its document's title, then its text (ingest and reindex alike). The
 * title says what a short item is about ("Russo-Ukrainian war (2025-12-22)").
 */
export function passageText(title: string, text: string): string {
  return `${title}\n${text}`;
}

async function embedChunks(deps: IngestDeps, prepared: PreparedDocument):
Promise<{ chunks: NewChunk[]; claims: ExtractedMention[]; claimsBy?: AddResult['claims'] }> {
  const { doc, chunks } = prepared;
  const docSpeaker = doc.speaker ? deps.gazetteer.resolve(doc.speaker) : undefined;
  const sentences = chunks.flatMap((c) => c.sentences);
  const attributions = attributeSentences(doc.text, sentences, deps.gazetteer, docSpeaker);
  const vecs = await deps.embedder.embedDocuments(chunks.map((c) => passageText(doc.title, doc.text.slice(c.start, c.end))));
  let k = 0;
  const stored = chunks.map((c, ord) => {
    const speakers: SentenceSpeaker[] = c.sentences.map(() => {
      const a = attributions[k++]!;
      return { start: a.start, end: a.end, actor: a.speaker?.id, cue: a.cue, via: a.via };
    });
    return {
      ord, start: c.start, end: c.end, text: doc.text.slice(c.start, c.end),
      vec: Float32Array.from(vecs[ord]!), attrib: encodeSpeakers(speakers),
    };
  });
  const rules = documentClaims(doc.id, doc.text, attributions);
  if (!deps.claimExtractor) return { chunks: stored, claims: rules };
  const { claims, by, fallback } = await deps.claimExtractor(doc, attributions, rules);
  return { chunks: stored, claims, claimsBy: { by, count: claims.length, ...(fallback && { fallback }) } };
}
