import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { UserError } from '../../core/errors.js';
import type { Storage } from '../../core/ports.js';
import { GRAIN, HARBOUR, ROAD, docWith, postgresBackend, sqliteBackend } from './storage-fixture.js';

describe.each([sqliteBackend, postgresBackend])('GIVEN the $name storage adapter', (backend) => {
  if (backend.skipReason) {
    test.skip(backend.skipReason, () => undefined);
    return;
  }
  let storage: Storage;
  let second: () => Promise<Storage>;
  let dispose: () => Promise<void>;
  beforeAll(() => backend.setup());
  afterAll(() => backend.teardown());
  beforeEach(async () => ({ storage, second, dispose } = await backend.fresh()));
  afterEach(() => dispose());

  /** Inserts the three invented documents; returns their passage ids. */
  async function seed(): Promise<{ h: number[]; g: number[]; r: number[] }> {
    const [h, g, r] = await storage.documents.insertDocuments([HARBOUR, GRAIN, ROAD]);
    return { h: h!, g: g!, r: r! };
  }
  const ids = (hits: { id: number }[]): number[] => hits.map((x) => x.id);

  test('WHEN documents are inserted THEN they read back with their passages, metadata and counts', async () => {
    const { h, g, r } = await seed();
    expect(h).toHaveLength(2);
    const grain = await storage.documents.getDocument('grain');
    // The speaker's actor id is stored for search, but a StoredDocument does not carry it.
    const { speakerId: _s, ...stored } = GRAIN.doc;
    expect(grain).toEqual({ ...stored, addedAt: expect.any(String) });
    expect(grain).not.toHaveProperty('publisher');
    expect(await storage.documents.findByHash(HARBOUR.doc.contentHash)).toMatchObject({ id: 'harbour' });
    expect(await storage.documents.getDocument('nope')).toBeUndefined();
    expect(await storage.documents.counts()).toEqual({ documents: 3, passages: 5 });
    // In the order asked, unknown ids skipped, with the document's title and speaker.
    const got = await storage.documents.getPassages([g[1]!, 999_999, h[0]!]);
    expect(got.map((p) => [p.id, p.title, p.speakerId])).toEqual([
      [g[1], 'Grain corridor', 'VEL'], [h[0], 'Harbour talks', undefined]]);
    expect(got[0]).toMatchObject({ docId: 'grain', ord: 1, text: GRAIN.chunks[1]!.text, start: GRAIN.chunks[1]!.start });
    expect((await storage.documents.passagesOf('harbour')).map((p) => p.text)).toEqual(HARBOUR.chunks.map((c) => c.text));
    const [road] = await storage.documents.getPassages([r[0]!]);
    expect(road).toMatchObject({ url: 'https://example.org/road', published: '2026-03-02', publisher: 'Coastal Wire',
      kind: 'news report', attrib: ROAD.chunks[0]!.attrib });
  });

  test('WHEN documents are listed THEN the newest comes first with its passage count and length, without text', async () => {
    await storage.documents.insertDocuments([GRAIN]);
    await new Promise((r) => setTimeout(r, 5));
    await storage.documents.insertDocuments([HARBOUR]);
    const list = await storage.documents.listDocuments();
    expect(list.map((d) => [d.id, d.chunks, d.chars])).toEqual([
      ['harbour', 2, HARBOUR.doc.text.length], ['grain', 2, GRAIN.doc.text.length]]);
    expect(list[0]).not.toHaveProperty('text');
  });

  test('WHEN a document is removed THEN its passages, vectors and search entries go with it', async () => {
    const { h, g } = await seed();
    const before = await storage.documents.version();
    expect(await storage.documents.removeDocument('harbour')).toEqual(h);
    expect(await storage.documents.version()).toBeGreaterThan(before);
    expect(await storage.documents.getDocument('harbour')).toBeUndefined();
    expect(await storage.documents.getPassages(h)).toEqual([]);
    expect(await storage.vectors.vectorsOf(h)).toEqual([]);
    expect(await storage.vectors.ids()).not.toContain(h[0]);
    expect(await storage.lexical.search(['quotas'], { limit: 5 })).toEqual([]);
    expect(await storage.documents.counts()).toEqual({ documents: 2, passages: 3 });
    expect((await storage.documents.passagesOf('grain')).map((p) => p.id)).toEqual(g);
  });

  test('WHEN an unknown document is removed THEN it is DOCUMENT_NOT_FOUND and nothing changes', async () => {
    await seed();
    const before = await storage.documents.version();
    const err = await storage.documents.removeDocument('nope').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).code).toBe('DOCUMENT_NOT_FOUND');
    expect(await storage.documents.version()).toBe(before);
  });

  test('WHEN passages or vectors change THEN the store version increases, and reads leave it alone', async () => {
    const v0 = await storage.documents.version();
    const { g } = await seed();
    const v1 = await storage.documents.version();
    expect(v1).toBeGreaterThan(v0);
    await storage.lexical.search(['veloria'], { limit: 3 });
    await storage.meta.set('note', 'x');
    expect(await storage.documents.version()).toBe(v1);
    await storage.vectors.replaceVectors([{ id: g[0]!, vec: new Float32Array([9, 9, 9, 9]) }]);
    expect(await storage.documents.version()).toBeGreaterThan(v1);
  });

  test('WHEN a batch holds a duplicate document THEN the insert fails and none of the batch is written', async () => {
    await storage.documents.insertDocuments([HARBOUR]);
    const again = { ...HARBOUR, doc: { ...HARBOUR.doc, id: 'harbour-copy' } };
    await expect(storage.documents.insertDocuments([GRAIN, again])).rejects.toThrow();
    expect(await storage.documents.getDocument('grain')).toBeUndefined();
    expect(await storage.documents.counts()).toEqual({ documents: 1, passages: 2 });
  });

  test('WHEN vectors are stored and replaced THEN they come back bit for bit', async () => {
    // Values float32 rounds (0.1), the extremes, a subnormal and negative zero.
    const odd = new Float32Array([0.1, -0, 3.4028234663852886e38, 1.401298464324817e-45, -123.456, Math.PI]);
    const [ids0] = await storage.documents.insertDocuments([docWith('vec', 'Vectors', ['One passage.', 'Two.'],
      { vecs: [odd, new Float32Array(6).fill(2)] })]);
    const [a, b] = ids0!;
    const back = await storage.vectors.vectorsOf([b!, a!]);
    expect(back.map((r) => r.id)).toEqual([a, b]);
    expect(Buffer.from(back[0]!.vec.buffer)).toEqual(Buffer.from(odd.buffer));
    expect(Object.is(back[0]!.vec[1], -0)).toBe(true);
    const swapped = new Float32Array([...odd].reverse());
    await storage.vectors.replaceVectors([{ id: b!, vec: swapped }]);
    const [, after] = await storage.vectors.vectorsOf([a!, b!]);
    expect(Buffer.from(after!.vec.buffer)).toEqual(Buffer.from(swapped.buffer));
    expect(await storage.vectors.ids()).toEqual([a, b]);
  });

  test('WHEN a transaction throws THEN nothing it wrote remains and the error comes through', async () => {
    await storage.documents.insertDocuments([HARBOUR]);
    const v = await storage.documents.version();
    const boom = storage.withTransaction(async (tx) => {
      await tx.documents.insertDocuments([GRAIN]);
      await tx.meta.set('imported', 'grain');
      await tx.documents.removeDocument('harbour');
      expect(await tx.documents.counts()).toEqual({ documents: 1, passages: 2 });
      throw new Error('boom');
    });
    await expect(boom).rejects.toThrow('boom');
    expect(await storage.documents.getDocument('grain')).toBeUndefined();
    expect(await storage.documents.getDocument('harbour')).toBeDefined();
    expect(await storage.meta.get('imported')).toBeUndefined();
    expect(await storage.documents.version()).toBe(v);
    expect(await storage.lexical.search(['grain'], { limit: 5 })).toEqual([]);
    expect(ids(await storage.lexical.search(['quotas'], { limit: 5 }))).toHaveLength(1);
  });

  test('WHEN another caller writes while a transaction is open THEN its write is not rolled back with it', async () => {
    let outside: Promise<void> | undefined;
    const failed = storage.withTransaction(async (tx) => {
      await tx.documents.insertDocuments([GRAIN]);
      // Not awaited here: on SQLite it waits for the transaction to end (one connection), on
      // PostgreSQL it runs on another connection. Either way it is not part of the transaction.
      outside = storage.meta.set('outside', 'kept');
      await new Promise((r) => setTimeout(r, 10));
      throw new Error('abandon');
    });
    await expect(failed).rejects.toThrow('abandon');
    await outside;
    expect(await storage.meta.get('outside')).toBe('kept');
    expect(await storage.documents.getDocument('grain')).toBeUndefined();
  });

  test('WHEN a second connection opens the same store THEN it sees committed documents and the version', async () => {
    const other = await second();
    try {
      await storage.documents.insertDocuments([GRAIN]);
      expect(await other.documents.version()).toBe(await storage.documents.version());
      expect(await other.documents.getDocument('grain')).toMatchObject({ title: 'Grain corridor' });
      await other.documents.removeDocument('grain');
      expect(await storage.documents.counts()).toEqual({ documents: 0, passages: 0 });
    } finally {
      await other.close();
    }
  });

  test('WHEN a change fails inside a transaction and is caught THEN only that change is undone', async () => {
    await storage.documents.insertDocuments([HARBOUR]);
    const again = { ...HARBOUR, doc: { ...HARBOUR.doc, id: 'harbour-copy' } };
    await storage.withTransaction(async (tx) => {
      await tx.documents.insertDocuments([ROAD]);
      // The duplicate content hash fails; the caller goes on with the rest of its transaction.
      await expect(tx.documents.insertDocuments([GRAIN, again])).rejects.toThrow();
      await tx.meta.set('after', 'yes');
    });
    expect((await storage.documents.listDocuments()).map((d) => d.id).sort()).toEqual(['harbour', 'road']);
    expect(await storage.meta.get('after')).toBe('yes');
  });

  test('WHEN a transaction succeeds THEN all it wrote is visible together, and it returns its value', async () => {
    const out = await storage.withTransaction(async (tx) => {
      const [g] = await tx.documents.insertDocuments([GRAIN]);
      await tx.meta.set('imported', 'grain');
      return g!.length;
    });
    expect(out).toBe(2);
    expect(await storage.meta.get('imported')).toBe('grain');
    expect(await storage.documents.counts()).toEqual({ documents: 1, passages: 2 });
  });

  test('WHEN words are searched THEN the passage with both rare words comes first', async () => {
    const { h, r } = await seed();
    // h1 has 'ceasefire' and 'border' in its text; r0 has 'ceasefire' only in its title (weighted lower).
    const hits = await storage.lexical.search(['ceasefire', 'border'], { limit: 5 });
    expect(ids(hits)).toEqual([h[1], r[0]]);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
  });

  test('WHEN one word is rare and the other common THEN the rare word decides the ranking', async () => {
    const { h } = await seed();
    // 'Veloria' is in four of the five passages, 'northern' only in h1, which is also the longest: by
    // length alone the short g1 ('... from Veloria.') would win, but with inverse document frequency
    // (bm25's, and the idf weighting of the PostgreSQL rank) the rare word's passage ranks first.
    const hits = await storage.lexical.search(['veloria', 'northern'], { limit: 10 });
    expect(hits[0]!.id).toBe(h[1]);
    expect(hits).toHaveLength(5);
  });

  test('WHEN a word is in a passage and in another document\'s title THEN the passage text ranks first', async () => {
    const { h, r } = await seed();
    // Title weight is half the text weight on both adapters.
    expect(ids(await storage.lexical.search(['ceasefire'], { limit: 5 }))).toEqual([h[1], r[0]]);
  });

  test('WHEN a search names a speaker THEN only passages of that speaker\'s documents come back', async () => {
    const { g } = await seed();
    const hits = await storage.lexical.search(['veloria', 'grain'], { limit: 5, speakerId: 'VEL' });
    // g0 has both words, g1 only Veloria.
    expect(ids(hits)).toEqual([g[0], g[1]]);
    expect(await storage.lexical.search(['veloria'], { limit: 5, speakerId: 'NOBODY' })).toEqual([]);
  });

  test('WHEN words look like query syntax THEN they are searched as plain words, never parsed', async () => {
    const { h, r } = await seed();
    const hits = await storage.lexical.search(['"border', 'NEAR(', 'ceasefire*', 'text:', ')', ''], { limit: 3 });
    // h1 by 'border' and 'ceasefire'; r0 by 'ceasefire' in its title and the plain word 'near' in its text
    // (read as FTS5's NEAR operator, it would have matched nothing or failed).
    expect(ids(hits).sort((a, b) => a - b)).toEqual([h[1], r[0]]);
    expect(await storage.lexical.search(['*', '"', ':'], { limit: 3 })).toEqual([]);
    expect(await storage.lexical.search([], { limit: 3 })).toEqual([]);
    expect(await storage.lexical.search(['veloria'], { limit: 2 })).toHaveLength(2);
  });

  test('WHEN document frequencies are asked THEN each word counts the passages that contain it', async () => {
    await seed();
    // 'ceasefire': h1's text and r0's title; 'Veloria': four passages (case and stemming folded).
    expect(await storage.lexical.documentFrequencies(['ceasefire', 'Veloria', 'zebra', 'ministers']))
      .toEqual([2, 4, 0, 1]);
  });

  test('WHEN meta is set twice THEN the last value is read, and an unknown key is undefined', async () => {
    expect(await storage.meta.get('embedder')).toBeUndefined();
    await storage.meta.set('embedder', 'a');
    await storage.meta.set('embedder', 'b');
    expect(await storage.meta.get('embedder')).toBe('b');
  });
});
