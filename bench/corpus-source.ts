import { readdirSync } from 'node:fs';
import path from 'node:path';
import { chunkText } from '../corpus/chunker.js';
import { readJsonl, type LoadOptions } from '../corpus/loaders/index.js';
import type { DocumentInput } from '../core/documents.js';

/** A source document with the number of chunks it makes. */
export interface SourceDoc {
  doc: DocumentInput;
  chunks: number;
}

/** The real documents of the evaluation folder, mixed across corpora, with what reading them cost. */
export interface EvalCorpus {
  docs: SourceDoc[];
  chunks: number;
  /** Milliseconds `readJsonl` took to read and parse every file (counted into ingest, per document). */
  parseMs: number;
}

const CORPORA = ['un_general_debate', 'wikipedia_current_events', 'state_dept_press'];

/**
 * Reads every JSONL file of the three corpora with the project's `readJsonl`, counts each document's
 * chunks, and interleaves the corpora so that any prefix holds each in proportion to its chunks.
 */
export async function loadEvalCorpus(evalDir: string, opts: LoadOptions): Promise<EvalCorpus> {
  const perCorpus: SourceDoc[][] = [];
  let parseMs = 0;
  for (const name of CORPORA) {
    const dir = path.join(evalDir, name);
    const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort();
    const docs: SourceDoc[] = [];
    for (const file of files) {
      const t0 = performance.now();
      const read: DocumentInput[] = [];
      for await (const item of readJsonl(path.join(dir, file), { ...opts, format: 'auto' })) if (item.doc) read.push(item.doc);
      parseMs += performance.now() - t0;
      for (const doc of read) docs.push({ doc, chunks: chunkText(doc.text).length });
    }
    perCorpus.push(docs);
  }
  const docs = interleave(perCorpus);
  return { docs, chunks: docs.reduce((s, d) => s + d.chunks, 0), parseMs };
}

function interleave(lists: SourceDoc[][]): SourceDoc[] {
  const totals = lists.map((l) => l.reduce((s, d) => s + d.chunks, 0) || 1);
  const taken = lists.map(() => 0);
  const pos = lists.map(() => 0);
  const out: SourceDoc[] = [];
  for (;;) {
    let best = -1;
    for (let i = 0; i < lists.length; i++) {
      if (pos[i]! >= lists[i]!.length) continue;
      if (best < 0 || taken[i]! / totals[i]! < taken[best]! / totals[best]!) best = i;
    }
    if (best < 0) return out;
    const d = lists[best]![pos[best]!++]!;
    taken[best]! += d.chunks;
    out.push(d);
  }
}

/**
 * The real documents, then copies of them round after round, without end: each copy has another id,
 * a marked title and a marked text (identical content would be skipped as a duplicate, and a copy with
 * the same title would embed to exactly the same vectors).
 */
export function* cycleDocs(corpus: EvalCorpus): Generator<SourceDoc> {
  if (corpus.docs.length === 0) return;
  for (let round = 0; ; round++) {
    for (const src of corpus.docs) yield round === 0 ? src : { doc: copyOf(src.doc, round), chunks: src.chunks };
  }
}

function copyOf(doc: DocumentInput, round: number): DocumentInput {
  const tag = `r${round + 1}`;
  const meta = { ...doc.meta };
  if (meta.id) meta.id = `${meta.id}#${tag}`;
  if (meta.title) meta.title = `${meta.title} ${tag}`;
  return { ...doc, meta, text: `${doc.text} [${tag}]` };
}
