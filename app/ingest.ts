import type { Gazetteer } from '../claims/actors.js';
import type { Attribution } from '../claims/attribution.js';
import type { ExtractedMention } from '../claims/extract.js';
import type { ClaimExtractor } from '../claims/extractor.js';
export type { ClaimExtractor } from '../claims/extractor.js';
import { ClaimLedger } from '../claims/ledger-store.js';
import { ledgerDoc } from '../claims/pipeline.js';
import { prepareDocument, type PreparedDocument } from '../corpus/prepare.js';
import type { NewChunk } from '../core/documents.js';
import type { DocumentInput, DocumentMeta } from '../core/documents.js';
import type { Storage } from '../core/ports.js';
import type { NamedEmbeddings } from '../retrieval/builtin-embeddings.js';
import type { VectorIndex } from '../retrieval/vector-index.js';
import { passageText } from './analyse.js';
import type { Analyser } from './analyser.js';
import { UserError } from '../core/errors.js';
import type { AddResult } from './app.js';

/** What ingestion needs; passed in by `createApp`. */
export interface IngestDeps {
  /** The storage ports (SQLite or PostgreSQL); writes go through `storage.withTransaction`. */
  storage: Storage;
  embedder: NamedEmbeddings;
  index: VectorIndex;
  gazetteer: Gazetteer;
  /** Attribution, rule claims and built-in embedding of a batch (in the import worker when it is large). */
  analyser: Analyser;
  /** Claim extraction other than the rules (CLAIMS_MODE=llm); given the rules' mentions to fall back on. */
  claimExtractor?: ClaimExtractor;
}


type Fresh = { input: DocumentInput; prepared: PreparedDocument; chunks: NewChunk[]; claims: ExtractedMention[]; result: AddResult };

/** A batch analysed and embedded, ready to store with {@link commitBatch}. */
export interface AnalysedBatch {
  results: AddResult[];
  fresh: Fresh[];
}

type OnReject = (input: DocumentInput, err: UserError) => void;

/**
 * Adds documents: prepare (metadata, id, chunks), attribute sentences to speakers, embed, then store
 * all of them in ONE transaction and add the vectors to the index. Identical content already stored is
 * skipped; an id taken by different content is an error. Either every document of the batch is stored or none.
 */
export async function ingestDocuments(deps: IngestDeps, inputs: readonly DocumentInput[], override?: DocumentMeta,
  onReject?: OnReject): Promise<AddResult[]> {
  return commitBatch(deps, await analyseBatch(deps, inputs, override, onReject), onReject);
}

/**
 * Imports batches as they come, each like {@link ingestDocuments} (one transaction), pipelined: batch k+1
 * is analysed (in the import worker when large) while batch k is written. `onBatch` gets each batch's results.
 */
export async function pipelineBatches(deps: IngestDeps, batches: AsyncIterable<DocumentInput[]> | Iterable<DocumentInput[]>,
  onBatch: (results: AddResult[]) => void, onReject?: OnReject): Promise<void> {
  let previous: Promise<AnalysedBatch> | undefined;
  for await (const batch of batches) {
    const next = analyseBatch(deps, batch, undefined, onReject);
    next.catch(() => undefined); // awaited below; a failure must not go unhandled meanwhile
    if (previous) onBatch(await commitBatch(deps, await previous, onReject));
    previous = next;
  }
  if (previous) onBatch(await commitBatch(deps, await previous, onReject));
}

/**
 * The first half of {@link ingestDocuments}, which touches nothing: prepares the documents (a UserError
 * goes to `onReject`, or is thrown), skips content already stored or repeated in the batch, analyses and
 * embeds the rest. A pipelined import runs it for the next batch while the previous one is committed.
 */
export async function analyseBatch(deps: IngestDeps, inputs: readonly DocumentInput[], override?: DocumentMeta,
  onReject?: OnReject): Promise<AnalysedBatch> {
  const results: AddResult[] = [];
  const todo: { input: DocumentInput; prepared: PreparedDocument; result: AddResult }[] = [];
  const batchIds = new Set<string>();
  const batchHashes = new Map<string, string>();
  for (const input of inputs) {
    let prepared: PreparedDocument;
    try {
      prepared = prepareDocument(input, override);
    } catch (err) {
      if (!onReject || !(err instanceof UserError)) throw err;
      onReject(input, err);
      continue;
    }
    const { doc } = prepared;
    const existing = await deps.storage.documents.findByHash(doc.contentHash);
    const sameInBatch = batchHashes.get(doc.contentHash);
    if (existing || sameInBatch) {
      results.push({ id: existing?.id ?? sameInBatch!, title: existing?.title ?? doc.title, added: false, chunks: 0 });
      continue;
    }
    if (batchIds.has(doc.id) || await deps.storage.documents.getDocument(doc.id)) {
      const err = new UserError('DUPLICATE_ID', { id: doc.id });
      if (!onReject) throw err;
      onReject(input, err);
      continue;
    }
    batchIds.add(doc.id);
    batchHashes.set(doc.contentHash, doc.id);
    const result: AddResult = { id: doc.id, title: doc.title, added: true, chunks: 0 };
    todo.push({ input, prepared, result });
    results.push(result);
  }
  const analyses = await deps.analyser.analyse(todo.map((t) => t.prepared), { attributions: !!deps.claimExtractor });
  const fresh: Fresh[] = [];
  for (const [i, t] of todo.entries()) {
    const a = analyses[i]!;
    const { doc } = t.prepared;
    t.result.chunks = a.chunks.length;
    const missing = a.chunks.some((c) => !c.vec);
    const vecs = missing ? await deps.embedder.embedDocuments(a.chunks.map((c) => passageText(doc.title, c.text))) : [];
    const chunks: NewChunk[] = a.chunks.map((c, j) => ({ ...c, vec: c.vec ?? Float32Array.from(vecs[j]!) }));
    let claims = a.claims;
    if (deps.claimExtractor) {
      const x = await deps.claimExtractor(doc, a.attributions ?? [], a.claims);
      claims = x.claims;
      t.result.claims = { by: x.by, count: x.claims.length, ...(x.fallback && { fallback: x.fallback }) };
    }
    fresh.push({ ...t, chunks, claims });
  }
  return { results, fresh };
}

/**
 * The second half of {@link ingestDocuments}: one write transaction for the whole batch (documents,
 * chunks, claim ledger), then the vectors into the index, a slice at a time. Content or ids stored
 * meanwhile (by another add, another process) are checked again inside the transaction, where nobody
 * else can write.
 */
export async function commitBatch(deps: IngestDeps, batch: AnalysedBatch, onReject?: OnReject): Promise<AddResult[]> {
  const { results } = batch;
  let fresh = batch.fresh;
  const ledger = ledgerOf(deps.storage);
  const { ids, before, version } = await deps.storage.withTransaction(async (tx) => {
    const before = await tx.documents.version();
    const kept: Fresh[] = [];
    for (const f of fresh) {
      const { doc } = f.prepared;
      const existing = await tx.documents.findByHash(doc.contentHash);
      if (existing) {
        Object.assign(f.result, { id: existing.id, title: existing.title, added: false, chunks: 0 });
        delete f.result.claims;
        continue;
      }
      if (!await tx.documents.getDocument(doc.id)) {
        kept.push(f);
        continue;
      }
      const err = new UserError('DUPLICATE_ID', { id: doc.id });
      if (!onReject) throw err;
      onReject(f.input, err);
      results.splice(results.indexOf(f.result), 1);
    }
    fresh = kept;
    const inserted = await tx.documents.insertDocuments(fresh.map((f) => ({
      doc: { ...f.prepared.doc, speakerId: f.prepared.doc.speaker ? deps.gazetteer.resolve(f.prepared.doc.speaker)?.id : undefined },
      chunks: f.chunks,
    })));
    // The claim ledger is written in the same transaction as the documents (nested: a savepoint).
    for (const f of fresh) await ledger.addDocument(tx.claims, ledgerDoc(f.prepared.doc, deps.gazetteer), f.claims);
    return { ids: inserted, before, version: await tx.documents.version() };
  });
  const vectors = fresh.flatMap((f, i) => f.chunks.map((c, j) => ({ id: ids[i]![j]!, vec: c.vec })));
  const index = deps.index;
  await index.addGradually(vectors);
  // The index is current only if it held everything committed before this batch: a change another
  // process committed in between is left for the next catch-up to add.
  if (index.storeVersion === before) index.storeVersion = version;
  return results;
}

// One ledger per storage, so that its cache of parsed signatures lasts from one import batch to the next.
const ledgers = new WeakMap<Storage, ClaimLedger>();
/** The claim ledger of a storage, shared by ingest and the app (one signature cache). */
export function ledgerOf(storage: Storage): ClaimLedger {
  let l = ledgers.get(storage);
  if (!l) ledgers.set(storage, l = new ClaimLedger(storage.claims));
  return l;
}
