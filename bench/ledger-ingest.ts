import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Gazetteer } from '../claims/actors.js';
import { ClaimLedger } from '../claims/ledger-store.js';
import { extractStored, ledgerDoc } from '../claims/pipeline.js';
import type { StoredDocument } from '../core/documents.js';
import type { Storage } from '../core/ports.js';
import { prepareDocument } from '../corpus/prepare.js';
import { openPostgresStorage } from '../storage/postgres/postgres-storage.js';
import { openSqliteStorage } from '../storage/sqlite/sqlite-storage.js';
import { loadEvalCorpus } from './corpus-source.js';

/**
 * `node dist/bench/ledger-ingest.js [--docs 600] [--batch 50] [--database-url URL] [--eval-dir DIR]`: the
 * claim ledger's share of ingest on one adapter (a new SQLite store in a temporary folder, or the empty
 * PostgreSQL database of URL). The first `docs` documents of the evaluation corpus are extracted first
 * (not timed), then stored `batch` per transaction as ingest does: documents (without passages), then
 * `ledger.addDocument` for each (clustering lookups, inserts, derivations). Prints JSON.
 */
const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '600' }, batch: { type: 'string', default: '50' },
    'database-url': { type: 'string' }, 'eval-dir': { type: 'string', default: '../shared/eval' },
  },
});
const n = Number(values.docs);
const batch = Number(values.batch);
const corpus = await loadEvalCorpus(path.resolve(values['eval-dir']!), { maxBytes: 1e8, fetchTimeoutMs: 1000 });
const gazetteer = new Gazetteer();
const seen = new Set<string>();
const docs = corpus.docs.slice(0, n).map((d) => prepareDocument(d.doc).doc).filter((d) => !seen.has(d.contentHash) && seen.add(d.contentHash));
const work = docs.map((doc) => ({ doc, mentions: extractStored({ ...doc, addedAt: '' } as StoredDocument, gazetteer) }));
const dir = values['database-url'] ? undefined : mkdtempSync(path.join(tmpdir(), 'ledger-ingest-'));
const storage: Storage = dir ? openSqliteStorage(dir) : await openPostgresStorage(values['database-url']!);
try {
  const ledger = new ClaimLedger(storage.claims);
  let ledgerMs = 0;
  const t0 = performance.now();
  for (let i = 0; i < work.length; i += batch) {
    await storage.withTransaction(async (tx) => {
      const slice = work.slice(i, i + batch);
      await tx.documents.insertDocuments(slice.map((w) => ({ doc: w.doc, chunks: [] })));
      const t = performance.now();
      for (const w of slice) await ledger.addDocument(tx.claims, ledgerDoc(w.doc, gazetteer), w.mentions);
      ledgerMs += performance.now() - t;
    });
  }
  const totalMs = performance.now() - t0;
  const mentions = work.reduce((s, w) => s + w.mentions.length, 0);
  process.stdout.write(`${JSON.stringify({
    adapter: storage.kind, documents: work.length, mentions, entries: await storage.claims.count(), batch,
    ledgerMs: Math.round(ledgerMs), msPerDocument: +(ledgerMs / work.length).toFixed(2), totalMs: Math.round(totalMs),
  })}\n`);
} finally {
  await storage.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
}
