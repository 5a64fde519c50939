import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Importer } from '../app/ingestor.js';
import type { DocumentInput } from '../core/documents.js';
import { cycleDocs, type EvalCorpus } from './corpus-source.js';
import { progress } from './stats.js';

/** What filling a store to a size cost, end to end. */
export interface IngestResult {
  documents: number;
  chunks: number;
  rejected: number;
  /** An estimate, not a measurement: the share of one JSONL read/parse of the corpus for the documents imported (copies re-use a parsed original). */
  parseMs: number;
  /** `importBatches`: prepare, chunk, attribute, embed, store, index (pipelined). */
  importMs: number;
  saveMs: number;
  totalMs: number;
  /** Chunks/s of `importBatches` in each tenth of the target (flat = linear ingest; falling = cost grows with the store). */
  curve: number[];
}

const BATCH = 500;

/**
 * Imports documents through `app.importBatches` (the path of `corpus import`: batches of 500, the next
 * analysed in the import worker while the previous one is stored) until the store holds `target` chunks,
 * then `saveIndex`.
 */
export async function ingestToSize(app: Importer, corpus: EvalCorpus, target: number, label: string): Promise<IngestResult> {
  const parsePerDoc = corpus.parseMs / Math.max(1, corpus.docs.length);
  let documents = 0;
  let chunks = 0;
  let rejected = 0;
  let submitted = 0;
  const curve: number[] = [];
  let tenth = { chunks: 0, ms: 0 };
  const source = cycleDocs(corpus);
  // Batches are cut by the chunks each document is expected to make; the loop goes on until the store
  // really holds `target` chunks (duplicates are skipped, so the expectation can fall short).
  let expected = 0;
  let stalls = 0;
  const inFlight: number[] = [];
  function* batches(): Generator<DocumentInput[]> {
    while (chunks < target && stalls < 20) {
      const batch: DocumentInput[] = [];
      let batchChunks = 0;
      while (batch.length < BATCH && expected < target) {
        const next = source.next();
        if (next.done) break;
        batch.push(next.value.doc);
        expected += next.value.chunks;
        batchChunks += next.value.chunks;
      }
      if (batch.length === 0) {
        // Expected enough but fewer were stored (duplicates skipped): count again from what is stored and in flight.
        const pending = inFlight.reduce((a, b) => a + b, 0);
        if (expected >= target && chunks + pending < target) { expected = chunks + pending; continue; }
        return;
      }
      submitted += batch.length;
      inFlight.push(batchChunks);
      yield batch;
    }
  }
  const t0 = performance.now();
  let last = t0;
  await app.importBatches(batches(), (res) => {
    const now = performance.now();
    inFlight.shift();
    const before = chunks;
    for (const r of res) if (r.added) { documents++; chunks += r.chunks; }
    stalls = chunks === before ? stalls + 1 : 0;
    tenth = { chunks: tenth.chunks + chunks - before, ms: tenth.ms + now - last };
    last = now;
    // A batch that crosses several tenths gives each of them its rate.
    if (chunks >= (target * (curve.length + 1)) / 10 && tenth.ms > 0) {
      const rate = Math.round(tenth.chunks / (tenth.ms / 1000));
      while (curve.length < 10 && chunks >= (target * (curve.length + 1)) / 10) curve.push(rate);
      tenth = { chunks: 0, ms: 0 };
    }
    progress(`${label}: ingest ${chunks.toLocaleString('en-US')}/${target.toLocaleString('en-US')} chunks, ${Math.round(chunks / ((now - t0) / 1000))}/s`);
  }, () => { rejected++; });
  const importMs = performance.now() - t0;
  const t1 = performance.now();
  await app.saveIndex();
  const saveMs = performance.now() - t1;
  const parseMs = parsePerDoc * submitted;
  return { documents, chunks, rejected, parseMs, importMs, saveMs, totalMs: parseMs + importMs + saveMs, curve };
}

/** Bytes of the files in `dir` by kind: the SQLite store (with WAL and shared memory) and the index. */
export function diskBytes(dir: string): { store: number; wal: number; index: number } {
  const out = { store: 0, wal: 0, index: 0 };
  for (const f of readdirSync(dir)) {
    const size = statSync(path.join(dir, f)).size;
    if (f.startsWith('store.sqlite-')) out.wal += size;
    else if (f.startsWith('store.sqlite')) out.store += size;
    else if (f.startsWith('index.')) out.index += size;
  }
  return out;
}
