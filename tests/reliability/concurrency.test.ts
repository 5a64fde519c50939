import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppInternals } from '../../app/create-app.js';
import { isUserError } from '../../core/errors.js';
import { documentProblems } from '../../bench/reliability/fingerprint.js';
import { testApp } from '../helpers/app.js';
import { doc } from '../helpers/deps.js';

// Two writers at once: two Discord maintainers adding the same link, or `/corpus add` in the bot
// while `corpus import` runs in a terminal (two processes on one store). These found two bugs, since
// fixed: ingestDocuments checked for an existing hash or id before awaiting the embeddings and wrote
// after, so the second writer hit the UNIQUE constraints with a raw SqliteError and lost its whole
// batch (fixed in 61f6cb7: checked again inside the write transaction); and a store locked by another
// process failed answer() with "database is locked" (fixed in fb4c037).
let app: AppInternals;
let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ app, dir, cleanup } = await testApp({ bundled: false }));
});
afterEach(async () => cleanup());

const TEXT = 'Norway announced new aid for Sudan on Monday. The ministry said the aid would arrive soon.';
const describeError = (e: unknown) => (isUserError(e) ? e.code : `${(e as Error).name}: ${(e as Error).message}`);

describe('concurrent writers', () => {
  it('GIVEN the same text added twice at once THEN one is added and the other finds it (no raw SQLite error)', async () => {
    const results = await Promise.allSettled([app.addDocument({ kind: 'text', text: TEXT }), app.addDocument({ kind: 'text', text: TEXT })]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value.added : describeError(r.reason)))).toEqual([true, false]);
    expect((await app.deps.storage.documents.counts()).documents).toBe(1);
  });

  it('GIVEN two different texts under one id at once THEN one is added and the other is DUPLICATE_ID', async () => {
    const results = await Promise.allSettled([
      app.addDocument({ kind: 'text', text: 'Chile condemned the coup.' }, { id: 'same' }),
      app.addDocument({ kind: 'text', text: 'Peru condemned the coup.' }, { id: 'same' }),
    ]);
    expect(results.map((r) => (r.status === 'fulfilled' ? 'added' : describeError(r.reason)))).toEqual(['added', 'DUPLICATE_ID']);
  });

  it('GIVEN an import batch racing an add of one of its documents THEN no document of the batch is lost', async () => {
    const batch = [doc('a', 'Kenya welcomed the ceasefire.'), doc('b', TEXT), doc('c', 'Japan and Korea agreed to resume talks.')];
    const rejected: string[] = [];
    const [imported] = await Promise.allSettled([
      app.importDocuments(batch, undefined, (d, err) => rejected.push(`${d.meta.id}: ${err.code}`)),
      app.addDocument({ kind: 'document', document: doc('b', TEXT) }),
    ]);
    expect(imported.status === 'rejected' ? describeError(imported.reason) : 'ok').toBe('ok');
    const stored = await Promise.all(['a', 'b', 'c'].map((id) => app.deps.storage.documents.getDocument(id)));
    expect(stored.map((d) => d?.id)).toEqual(['a', 'b', 'c']);
    expect((await documentProblems(app.deps.storage))).toEqual([]);
  });
});

describe('a store locked by another process for longer than the busy time-out (5 s)', () => {
  it('GIVEN a held write lock THEN answer() still answers and addDocument() is a STORE_BUSY UserError', async () => {
    await app.addDocument({ kind: 'text', text: TEXT });
    const other = new Database(path.join(dir, 'store.sqlite'));
    other.exec('BEGIN IMMEDIATE');
    try {
      const [asked, added] = await Promise.allSettled([
        app.answer('What did Norway announce?'),
        app.addDocument({ kind: 'text', text: 'Chile condemned the coup.' }),
      ]);
      // The question log is a write: it must not fail the answer. Note that better-sqlite3 waits for the
      // lock synchronously: the process is frozen for up to the busy time-out (5 s) on each such write.
      expect(asked.status === 'fulfilled' ? `${asked.value.citations.length > 0}` : describeError(asked.reason)).toBe('true');
      expect(added.status === 'rejected' ? describeError(added.reason) : 'added').toBe('STORE_BUSY');
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  }, 20_000);
});
