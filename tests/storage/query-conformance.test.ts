import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Storage } from '../../core/ports.js';
import { GRAIN, HARBOUR, ROAD, docWith, postgresBackend, sqliteBackend } from './storage-fixture.js';

// Invented passages in Russian and Chinese: an English question finds them by prefixes and by segmented words.
const RU = docWith('ru', 'Заявление', ['Министерство осудило атаки на порт.'], { speakerId: 'KES' });
const ZH = { ...docWith('zh', '声明', ['外交部发言人表示港口会谈取得进展。']) };
ZH.doc = { ...ZH.doc, language: 'zh' };

describe.each([sqliteBackend, postgresBackend])('GIVEN the $name storage adapter', (backend) => {
  if (backend.skipReason) {
    test.skip(backend.skipReason, () => undefined);
    return;
  }
  let storage: Storage;
  let dispose: () => Promise<void>;
  beforeAll(() => backend.setup());
  afterAll(() => backend.teardown());
  beforeEach(async () => ({ storage, dispose } = await backend.fresh()));
  afterEach(() => dispose());

  const ids = (hits: { id: number }[]): number[] => hits.map((x) => x.id);

  test('WHEN all terms are required THEN only passages holding every one come back', async () => {
    const [h] = await storage.documents.insertDocuments([HARBOUR, GRAIN, ROAD]);
    const any = await storage.lexical.search({ terms: ['ceasefire', 'border'] }, { limit: 10 });
    expect(any.length).toBeGreaterThanOrEqual(2); // "ceasefire" is also the road document's title
    expect(ids(await storage.lexical.search({ terms: ['ceasefire', 'border'], match: 'all' }, { limit: 10 }))).toEqual([h![1]]);
  });

  test('WHEN a term has several words THEN it matches them as a phrase, in order', async () => {
    const [, g] = await storage.documents.insertDocuments([HARBOUR, GRAIN]);
    expect(ids(await storage.lexical.search({ terms: ['grain corridor'] }, { limit: 10 }))).toContain(g![0]);
    expect(await storage.lexical.search({ terms: ['corridor grain'] }, { limit: 10 })).toEqual([]);
  });

  test('WHEN terms are prefixes THEN inflected words in another script match them', async () => {
    const [r] = await storage.documents.insertDocuments([RU, HARBOUR]);
    expect(ids(await storage.lexical.search({ terms: ['атак'], prefix: true }, { limit: 10 }))).toEqual(r);
    expect(await storage.lexical.search({ terms: ['атак'] }, { limit: 10 })).toEqual([]);
    // Query syntax inside a prefix term is not read as syntax.
    expect(await storage.lexical.search({ terms: ['атак:* | порт'], prefix: true }, { limit: 10 })).toEqual([]);
  });

  test('WHEN Chinese words are searched in the segmented text THEN the Chinese passage comes back, and only there', async () => {
    const [z] = await storage.documents.insertDocuments([ZH, HARBOUR]);
    expect(ids(await storage.lexical.search({ terms: ['外交部'], segmented: true }, { limit: 10 }))).toEqual(z);
    expect(await storage.lexical.search({ terms: ['harbour'], segmented: true }, { limit: 10 })).toEqual([]);
  });

  test('WHEN documents in several languages are stored THEN each language is listed once, in code order', async () => {
    expect(await storage.documents.languages()).toEqual([]);
    await storage.documents.insertDocuments([ZH, HARBOUR, { ...RU, doc: { ...RU.doc, language: 'ru' } }, GRAIN]);
    expect(await storage.documents.languages()).toEqual(['en', 'ru', 'zh']);
  });

  test('WHEN vectors are scanned or read by speaker THEN every stored vector comes back once, in id order', async () => {
    const [h, g, r] = await storage.documents.insertDocuments([HARBOUR, GRAIN, ROAD]);
    const batches: number[][] = [];
    for await (const b of storage.vectors.scan(2)) batches.push(b.map((x) => x.id));
    expect(batches.map((b) => b.length)).toEqual([2, 2, 1]);
    expect(batches.flat()).toEqual([...h!, ...g!, ...r!]);
    const own = await storage.vectors.ofSpeaker('VEL');
    expect(own.map((x) => [x.id, x.text])).toEqual(g!.map((id, i) => [id, GRAIN.chunks[i]!.text]));
    expect(Array.from(own[1]!.vec)).toEqual(Array.from(GRAIN.chunks[1]!.vec));
    expect(await storage.vectors.speakerCount('VEL')).toBe(2);
    expect(await storage.vectors.speakerCount('NOBODY')).toBe(0);
  });
});
