import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInternals } from '../../app/create-app.js';
import { UserError } from '../../core/errors.js';
import { BAD_CASES, HUGE_BYTES, SEED_ID, SEED_TEXT, sparseFile } from '../../bench/reliability/bad-documents.js';
import { documentProblems, storeFingerprint } from '../../bench/reliability/fingerprint.js';
import { badInputsInProcess } from '../../bench/reliability/inputs.js';
import { importJsonl } from '../../cli/import.js';
import { testApp } from '../helpers/app.js';
import { tempDir } from '../helpers/temp.js';

// The loaders' own tests (tests/corpus/loaders/*) cover each bad input one loader at a time; these drive
// the same kinds of input through app.addDocument end to end and check that the store did not move.
let app: AppInternals;
let cleanupApp: () => Promise<void>;
const files = tempDir('dd-bad-');

beforeAll(async () => {
  ({ app, cleanup: cleanupApp } = await testApp({ bundled: false }));
  await app.addDocument({ kind: 'text', text: SEED_TEXT });
});
afterAll(async () => {
  await cleanupApp();
  files.cleanup();
});

describe('bad documents through app.addDocument', () => {
  it('GIVEN a seed document THEN it was stored whole (the baseline the other cases compare against)', async () => {
    expect((await storeFingerprint(app.deps.storage))).toMatchObject({ documents: 1, chunks: 1 });
    expect((await documentProblems(app.deps.storage))).toEqual([]);
  });

  // 'pasted invisible characters only' found a bug, fixed in fb4c037: text made only of zero-width spaces,
  // word joiners and soft hyphens passed `trim()` and was stored as a document.
  it.each(BAD_CASES.map((c) => [c.name, c] as const))('GIVEN %s THEN a one-line UserError and the store unchanged', async (_, c) => {
    const [outcome] = await badInputsInProcess(app, [c], files.dir);
    expect(outcome!.problems).toEqual([]);
    expect(outcome!.got).toBe(c.expect);
  });

  it('GIVEN a 100 MB file THEN it is refused by its size from stat, before any of it is read into memory', async () => {
    const huge = path.join(files.dir, 'huge-2.md');
    sparseFile(huge, HUGE_BYTES);
    const rss = process.memoryUsage().rss;
    const err = await app.addDocument({ kind: 'path', path: huge }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    // The size reported is the file's size: reading would have stopped at the limit plus one block.
    expect((err as UserError).params).toMatchObject({ size: HUGE_BYTES, limit: app.config.MAX_UPLOAD_BYTES });
    expect(process.memoryUsage().rss - rss).toBeLessThan(30 * 1024 * 1024);
  });

});

describe('a JSONL import with bad lines', () => {
  it('GIVEN broken JSON, a missing text, an absurd date, a duplicate id and binary THEN good lines are stored and bad ones reported by number', async () => {
    const file = path.join(files.dir, 'mixed.jsonl');
    const good = (id: string, text: string) => JSON.stringify({ id, title: id, text });
    writeFileSync(file, [
      good('j1', 'Kenya welcomed the ceasefire in Sudan.'),
      '{"id": "j2", "text": "cut',
      JSON.stringify({ id: 'j3', title: 'No text' }),
      good('j4', 'Chile condemned the coup attempt in Bolivia.'),
      JSON.stringify({ id: 'j5', text: 'Japan and Korea agreed to resume talks.', published: '0000-00-00' }),
      good('j1', 'Another text under the id j1.'),
      good(SEED_ID, 'A text under the id of a stored document.'),
      '\u0000\u0001\u0002',
      good('j4-copy', 'Chile condemned the coup attempt in Bolivia.'),
      good('j9', 'Norway pledged more aid to Gaza.'),
    ].join('\n'));
    const before = (await storeFingerprint(app.deps.storage));
    const report = await importJsonl(app, file, { format: 'auto', batch: 3, progress: false });
    // Parse errors are reported as they are read, store conflicts when their batch is written: sort.
    expect(report.errors.map((e) => e.line).sort((a, b) => a - b)).toEqual([2, 3, 5, 6, 7, 8]);
    for (const e of report.errors) expect(e.error).not.toMatch(/\n|^\s*at .+:\d+:\d+/m);
    expect(report).toMatchObject({ added: 3, unchanged: 1 });
    const after = (await storeFingerprint(app.deps.storage));
    expect(after.documents - before.documents).toBe(3);
    expect((await app.deps.storage.documents.getDocument('j1'))?.text).toBe('Kenya welcomed the ceasefire in Sudan.');
    expect((await app.deps.storage.documents.getDocument(SEED_ID))?.text).toContain('Norway announced');
    expect((await documentProblems(app.deps.storage))).toEqual([]);
  });
});
