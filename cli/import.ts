import { createReadStream, statSync } from 'node:fs';
import type { Importer } from '../app/ingestor.js';
import { UserError } from '../core/errors.js';
import { readJsonl, type JsonlFormat } from '../corpus/loaders/index.js';
import type { DocumentInput } from '../core/documents.js';

/** What an import did. */
export interface ImportReport {
  added: number;
  unchanged: number;
  chunks: number;
  errors: { line: number; error: string }[];
  ms: number;
}

const FORMATS: readonly JsonlFormat[] = ['auto', 'un-debate', 'current-events', 'state-dept', 'generic'];

/**
 * Imports a JSONL file in batches (one transaction each): good lines are stored, bad lines are
 * reported by number. The index is written once at the end. Shows count, rate and ETA on a TTY.
 */
export async function importJsonl(app: Importer, file: string, opts: { format: string; batch: number; progress: boolean }): Promise<ImportReport> {
  if (!FORMATS.includes(opts.format as JsonlFormat)) {
    throw new UserError('USAGE', { detail: `--format must be one of ${FORMATS.join(', ')}` });
  }
  const t0 = performance.now();
  const total = opts.progress ? await countLines(file) : 0;
  const report: ImportReport = { added: 0, unchanged: 0, chunks: 0, errors: [], ms: 0 };
  const lineOf = new WeakMap<DocumentInput, number>();
  let seen = 0;
  // Batches are read while the previous one is analysed and stored (app.importBatches pipelines them).
  async function* batches(): AsyncGenerator<DocumentInput[]> {
    let batch: DocumentInput[] = [];
    for await (const item of readJsonl(file, { ...app.loadOptions, format: opts.format as JsonlFormat })) {
      seen = item.line;
      if (item.error || !item.doc) {
        report.errors.push({ line: item.line, error: item.error ?? 'no document' });
        continue;
      }
      batch.push(item.doc);
      lineOf.set(item.doc, item.line);
      if (batch.length >= opts.batch) { yield batch; batch = []; }
    }
    if (batch.length) yield batch;
  }
  await app.importBatches(batches(), (results) => {
    for (const r of results) {
      if (r.added) { report.added++; report.chunks += r.chunks; } else report.unchanged++;
    }
    if (opts.progress) progress(seen, total, t0);
  }, (doc, err) => {
    report.errors.push({ line: lineOf.get(doc) ?? 0, error: err.message });
  });
  await app.saveIndex();
  // A batch's parse errors can be found while the previous batch is still being stored: report in line order.
  report.errors.sort((a, b) => a.line - b.line);
  if (opts.progress) process.stderr.write('\n');
  report.ms = performance.now() - t0;
  return report;
}

function progress(done: number, total: number, t0: number): void {
  const s = (performance.now() - t0) / 1000;
  const rate = done / Math.max(s, 0.001);
  const eta = total > done ? `, ETA ${Math.ceil((total - done) / Math.max(rate, 0.001))} s` : '';
  process.stderr.write(`\r${done}${total ? `/${total}` : ''} lines, ${rate.toFixed(0)}/s${eta}   `);
}

async function countLines(file: string): Promise<number> {
  statSync(file);
  let n = 0;
  for await (const chunk of createReadStream(file)) for (const b of chunk as Buffer) if (b === 10) n++;
  return n;
}
