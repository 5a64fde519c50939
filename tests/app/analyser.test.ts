import { afterAll, describe, expect, it } from 'vitest';
import { createAnalyser } from '../../app/analyser.js';
import type { AddResult } from '../../app/app.js';
import { prepareDocument, type PreparedDocument } from '../../corpus/prepare.js';
import { BuiltinEmbeddings } from '../../retrieval/builtin-embeddings.js';
import { testApp } from '../helpers/app.js';
import { doc, gazetteer } from '../helpers/deps.js';

const TEXTS = [
  'Russia accused Ukraine of attacking a residence in the Novgorod region. Kyiv rejected the allegation as a fabrication.',
  'Pakistan condemned the attack and urged all parties to exercise restraint. The ministry said dialogue was the only way.',
  'The ceasefire in Sudan reportedly held overnight, according to diplomats in Khartoum. Kenya welcomed it.',
];
const docs = (n: number, tag = ''): PreparedDocument[] =>
  Array.from({ length: n }, (_, i) => prepareDocument(doc(`d${tag}${i}`, `${TEXTS[i % TEXTS.length]} Item ${tag}${i}.`, { published: '2026-01-10' })));

const embedder = new BuiltinEmbeddings();
const worker = createAnalyser({ gazetteer, aliases: {}, embedder, workerMinChars: 0 });
const inline = createAnalyser({ gazetteer, aliases: {}, embedder, workerMinChars: Infinity });
afterAll(async () => { await worker.close(); });

describe('the import worker', () => {
  it('GIVEN the same documents THEN the worker finds the same speakers, claims and vectors as inline analysis', async () => {
    const batch = docs(9);
    const [a, b] = [await worker.analyse(batch, { attributions: true }), await inline.analyse(batch, { attributions: true })];
    // Run by `npm test` after the build: the compiled worker exists, so the worker really ran.
    expect(worker.counts.worker).toBe(1);
    expect(inline.counts).toEqual({ worker: 0, inline: 1 });
    expect(a).toHaveLength(9);
    expect(a.map((x) => x.claims.map((c) => [c.id, c.speaker?.id, c.stance, c.certainty])))
      .toEqual(b.map((x) => x.claims.map((c) => [c.id, c.speaker?.id, c.stance, c.certainty])));
    expect(a.map((x) => x.chunks.map((c) => [c.text, c.attrib]))).toEqual(b.map((x) => x.chunks.map((c) => [c.text, c.attrib])));
    expect(a.flatMap((x) => x.chunks.map((c) => Array.from(c.vec!)))).toEqual(b.flatMap((x) => x.chunks.map((c) => Array.from(c.vec!))));
    expect(a[0]!.claims.some((c) => c.speaker?.id === 'RUS' && c.stance === 'accuse')).toBe(true);
    expect(a[0]!.attributions?.length).toBeGreaterThan(0);
  });

  it('GIVEN a document that makes the worker throw THEN that batch fails with the reason and the next one works', async () => {
    const broken = { doc: { ...docs(1)[0]!.doc, text: { length: 10 } } } as unknown as PreparedDocument;
    await expect(worker.analyse([broken])).rejects.toThrow(/import worker/);
    expect(await worker.analyse(docs(2))).toHaveLength(2);
  });
});

describe('app.importBatches', () => {
  it('GIVEN batches imported pipelined through the worker THEN the store holds what importDocuments stores, duplicates and bad documents reported', async () => {
    const piped = await testApp({ bundled: false, workerMinChars: 0 });
    const plain = await testApp({ bundled: false, workerMinChars: Infinity });
    try {
      const inputs = [0, 1, 2].map((b) => [...Array.from({ length: 7 }, (_, i) => doc(`b${b}-${i}`, `${TEXTS[i % 3]} Batch ${b} item ${i}.`, { published: '2026-01-10' })),
        doc(`dup-${b}`, `${TEXTS[0]} Batch 0 item 0.`), doc(`empty-${b}`, '\u200b\u200b')]);
      const results: AddResult[] = [];
      const rejected: string[] = [];
      await piped.app.importBatches(inputs, (r) => results.push(...r), (d, err) => rejected.push(`${d.origin}: ${err.code}`));
      for (const batch of inputs) await plain.app.importDocuments(batch, undefined, () => undefined);
      expect(piped.app.deps.analyser.counts.worker).toBe(3);
      expect(results.filter((r) => r.added)).toHaveLength(21);
      expect(results.filter((r) => !r.added).map((r) => r.id)).toEqual(['b0-0', 'b0-0', 'b0-0']);
      expect(rejected).toEqual(['empty-0: EMPTY_DOCUMENT', 'empty-1: EMPTY_DOCUMENT', 'empty-2: EMPTY_DOCUMENT']);
      expect((await piped.app.stats())).toMatchObject({ documents: (await plain.app.stats()).documents, chunks: (await plain.app.stats()).chunks, claims: (await plain.app.stats()).claims });
      expect(piped.app.deps.index.size).toBe((await plain.app.stats()).chunks);
      const a = await piped.app.answer('What did Pakistan say?');
      expect(a.abstained).toBe(false);
      expect(a.citations[0]?.quote).toMatch(/Pakistan condemned/);
    } finally {
      await piped.cleanup();
      await plain.cleanup();
    }
  });
});
