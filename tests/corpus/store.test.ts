import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestDocuments } from '../../app/ingest.js';
import { Store } from '../../storage/sqlite/store.js';
import { sqliteStorage } from '../../storage/sqlite/sqlite-storage.js';
import { openIndex } from '../../retrieval/index-sync.js';
import { VectorIndex } from '../../retrieval/vector-index.js';
import { checkData } from '../../app/check.js';
import { openSqliteStorage } from '../../storage/sqlite/sqlite-storage.js';
import { doc, openDeps } from '../helpers/deps.js';
import { tempDir } from '../helpers/temp.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

/** `corpus check` on the SQLite store of `dataDir`. */
async function checkDir(dataDir: string, embedderId: string) {
  const storage = openSqliteStorage(dataDir);
  try { return await checkData(storage, dataDir, embedderId); } finally { await storage.close(); }
}

const A = 'Pakistan condemned the attack. The ministry urged restraint.';
const B = 'Ukraine rejected the accusation as fabricated. Zelensky called it a lie.';

describe('Store', () => {
  it('GIVEN the same content twice THEN the second add is a no-op', async () => {
    const deps = await openDeps(dir);
    const [first] = await ingestDocuments(deps, [doc('a', A)]);
    const [again] = await ingestDocuments(deps, [doc('a-copy', A)]);
    expect(first!.added).toBe(true);
    expect(again).toMatchObject({ added: false, id: 'a' });
    expect(deps.store.counts().documents).toBe(1);
    deps.store.close();
  });

  it('GIVEN an id taken by other content THEN adding fails and nothing changes', async () => {
    const deps = await openDeps(dir);
    await ingestDocuments(deps, [doc('a', A)]);
    const before = deps.store.version();
    await expect(ingestDocuments(deps, [doc('a', B)])).rejects.toThrow(/already has id "a"/);
    expect(deps.store.version()).toBe(before);
    deps.store.close();
  });

  it('GIVEN a removed document THEN its chunks, vectors and search entries are gone', async () => {
    const deps = await openDeps(dir);
    await ingestDocuments(deps, [doc('a', A), doc('b', B)]);
    const removed = deps.store.removeDocument('a');
    deps.index.remove(removed);
    expect(deps.store.lexicalSearch('"condemned"', 10)).toEqual([]);
    expect(deps.store.vectorsOf(removed)).toEqual([]);
    expect(deps.index.ids().some((id) => removed.includes(id))).toBe(false);
    expect(() => deps.store.removeDocument('a')).toThrow(/No document with id "a"/);
    deps.store.close();
  });

  it('GIVEN a crash in the middle of a write transaction THEN the store shows none of it', async () => {
    const deps = await openDeps(dir);
    await ingestDocuments(deps, [doc('a', A)]);
    const db = deps.store.db;
    db.exec('BEGIN IMMEDIATE');
    db.prepare(`INSERT INTO documents (id, title, kind, language, content_hash, text, added_at)
      VALUES ('half', 'half', 'other', 'en', 'h', 'half added', 'now')`).run();
    db.prepare(`INSERT INTO chunks (doc_id, ord, start, "end", text) VALUES ('half', 0, 0, 10, 'half added')`).run();
    // The process dies here: the connection goes away without COMMIT.
    deps.store.close();
    const store = Store.open(dir);
    expect(store.getDocument('half')).toBeUndefined();
    expect(store.lexicalSearch('"half"', 10)).toEqual([]);
    expect(store.counts()).toEqual({ documents: 1, chunks: 1 });
    store.close();
    const report = await checkDir(dir, deps.embedder.id);
    expect(report.problems.filter((p) => !p.problem.includes('index'))).toEqual([]);
  });
});

describe('Vector index', () => {
  it('GIVEN documents committed after the index was last saved (a crash) THEN opening catches up without re-embedding', async () => {
    const deps = await openDeps(dir);
    await ingestDocuments(deps, [doc('a', A)]);
    await deps.index.save(dir);
    await ingestDocuments(deps, [doc('b', B)]); // committed to the store, index file not written
    deps.store.close();
    const store = Store.open(dir);
    const report = await checkDir(dir, deps.embedder.id);
    expect(report.ok).toBe(false);
    expect(report.problems[0]!.problem).toMatch(/1 chunks missing from the index/);
    const { index, rebuilt, added } = await openIndex(sqliteStorage(store), deps.embedder, dir);
    expect({ rebuilt, added }).toEqual({ rebuilt: false, added: 1 });
    expect(index.size).toBe(store.counts().chunks);
    store.close();
  });

  it('GIVEN a missing or corrupt index file THEN it is rebuilt from stored vectors', async () => {
    const deps = await openDeps(dir);
    await ingestDocuments(deps, [doc('a', A), doc('b', B)]);
    await deps.index.save(dir);
    const q = await deps.embedder.embedQuery('fabricated accusation');
    const before = deps.index.search(q, 2);
    deps.store.close();
    VectorIndex.remove(dir);
    const store = Store.open(dir);
    const { index, rebuilt } = await openIndex(sqliteStorage(store), deps.embedder, dir);
    expect(rebuilt).toBe(true);
    expect(index.search(q, 2).map((r) => r.id)).toEqual(before.map((r) => r.id));
    store.close();
  });

  it('GIVEN a store built by another embedder THEN opening refuses and names the fix', async () => {
    const deps = await openDeps(dir);
    deps.store.setMeta('embedder', 'some-other-model/768');
    await expect(openIndex(deps.storage, deps.embedder, dir)).rejects.toThrow(/corpus -- reindex/);
    deps.store.close();
  });

  it('GIVEN a query of the wrong dimension THEN search refuses; k is capped at the index size', async () => {
    const deps = await openDeps(dir);
    await ingestDocuments(deps, [doc('a', A)]);
    expect(() => deps.index.search([1, 2, 3], 5)).toThrow(/dimensions/);
    expect(deps.index.search(await deps.embedder.embedQuery('restraint'), 1000)).toHaveLength(1);
    deps.store.close();
  });
});
