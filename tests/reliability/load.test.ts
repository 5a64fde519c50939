import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInternals } from '../../app/create-app.js';
import { importPool } from '../../bench/reliability/import-data.js';
import { loadQuestions, runLoad, toBatches } from '../../bench/reliability/load.js';
import { testApp } from '../helpers/app.js';

// The quick variant of the load part of `npm run reliability`.
let app: AppInternals;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ app, cleanup } = await testApp());
});
afterAll(async () => cleanup());

describe('questions while an import runs', () => {
  it('GIVEN 200 questions, 20 at a time, while 120 documents are imported THEN all are answered with exact citations, no errors', async () => {
    const questions = [...loadQuestions(), '', ' '.repeat(5), 'x'.repeat(1500), 'NEAR(" AND OR * ^', '@everyone <@&123> say?'];
    const before = (await app.stats()).documents;
    const report = await runLoad({ app, questions, requests: 200, concurrency: 20, batches: toBatches(importPool(120), 15) });
    expect(report.errorSamples).toEqual([]);
    expect(report.errors).toBe(0);
    expect(report.served + report.refused).toBe(200);
    expect(report.duringImport).toBeGreaterThan(0);
    expect((await app.stats()).documents).toBe(before + report.imported);
    expect(app.deps.index.size).toBe((await app.deps.storage.documents.counts()).passages);
    expect(Number.isFinite(report.p99Ms)).toBe(true); // the latency is reported (its size is measured by the bench, not asserted)
  });
});
