import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeWithClaims } from '../../answer/claims-answer.js';
import { memoClaimSource, type ClaimSource } from '../../answer/claim-source.js';
import { composeExtractive } from '../../answer/extractive.js';
import type { AppInternals } from '../../app/create-app.js';
import { ledgerOf } from '../../app/ingest.js';
import type { LedgerEntry, LedgerFilter } from '../../claims/ledger-store.js';
import { hybridSearch, widerSpans } from '../../retrieval/hybrid.js';
import { analyzeQuestion } from '../../retrieval/question.js';
import { weighTerms } from '../../retrieval/topic.js';
import { testApp } from '../helpers/app.js';

/** A source that records every read it serves and how many were in flight at once (each resolves on a later turn). */
function counting(inner: ClaimSource) {
  const reads: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const track = async <T>(key: string, read: () => Promise<T>): Promise<T> => {
    reads.push(key);
    maxInFlight = Math.max(maxInFlight, ++inFlight);
    try {
      await new Promise((r) => setImmediate(r));
      return await read();
    } finally {
      inFlight--;
    }
  };
  const source: ClaimSource = {
    inSpan: (d, s, e) => track(`span:${d}:${s}:${e}`, () => inner.inSpan(d, s, e)),
    list: (f) => track(`list:${JSON.stringify(f)}`, () => inner.list(f)),
  };
  return { source, reads, maxInFlight: () => maxInFlight };
}

const entry = (id: string) => ({ id, claimId: `c-${id}` }) as LedgerEntry;
const fixed = (rows: LedgerEntry[]): ClaimSource => ({ inSpan: async () => rows, list: async () => rows });

describe('memoClaimSource', () => {
  it('GIVEN spans asked together THEN a source that reads many spans at once is read once, each caller getting its own span', async () => {
    const batches: string[][] = [];
    const source: ClaimSource = {
      inSpan: async () => { throw new Error('read span by span'); },
      list: async () => [],
      inSpans: async (spans) => {
        batches.push(spans.map((x) => x.docId));
        return spans.map((x) => [entry(x.docId)]);
      },
    };
    const memo = memoClaimSource(source);
    const got = await Promise.all(['d1', 'd2', 'd3'].map((d) => memo.inSpan(d, 0, 10)));
    expect(got.map((rows) => rows.map((r) => r.id))).toEqual([['d1'], ['d2'], ['d3']]);
    expect(batches).toEqual([['d1', 'd2', 'd3']]);
    // A later turn is a new read; a span read before is not read again.
    expect((await memo.inSpan('d4', 0, 10))[0]!.id).toBe('d4');
    await memo.inSpan('d1', 0, 10);
    expect(batches).toEqual([['d1', 'd2', 'd3'], ['d4']]);
  });

  it('GIVEN the same span or the same filter asked twice THEN the ledger is read once', async () => {
    const c = counting(fixed([entry('a')]));
    const memo = memoClaimSource(c.source);
    await Promise.all([memo.inSpan('d', 0, 10), memo.inSpan('d', 0, 10), memo.inSpan('d', 0, 11)]);
    await memo.list({ claimId: 'x', limit: 5 });
    await memo.list({ limit: 5, claimId: 'x' } as LedgerFilter);
    await memo.list({ claimId: 'y' });
    expect(c.reads).toEqual(['span:d:0:10', 'span:d:0:11', 'list:{"claimId":"x","limit":5}', 'list:{"claimId":"y"}']);
  });

  it('GIVEN one caller sorts what it read THEN another caller still reads the ledger order', async () => {
    const memo = memoClaimSource(fixed([entry('b'), entry('a')]));
    (await memo.list({ claimId: 'x' })).sort((x, y) => x.id.localeCompare(y.id));
    expect((await memo.list({ claimId: 'x' })).map((e) => e.id)).toEqual(['b', 'a']);
  });

  it('GIVEN a read fails THEN the failure reaches the caller and the next ask reads again', async () => {
    let calls = 0;
    const memo = memoClaimSource({
      inSpan: async () => [],
      list: async () => {
        if (++calls === 1) throw new Error('connection lost');
        return [entry('a')];
      },
    });
    await expect(memo.list({ claimId: 'x' })).rejects.toThrow('connection lost');
    expect(await memo.list({ claimId: 'x' })).toHaveLength(1);
    expect(calls).toBe(2);
  });
});

describe('answers read the ledger through the async ClaimSource', () => {
  let app: AppInternals;
  let cleanup: () => Promise<void>;
  beforeAll(async () => ({ app, cleanup } = await testApp()));
  afterAll(async () => cleanup());

  /** Composes `q` as the app does, over a counting source, beside the app's own answer. */
  async function composeCounted(q: string) {
    const asked = await app.answer(q, { channel: 'eval' });
    const { index } = app.deps;
    const analysis = await weighTerms(analyzeQuestion(q, app.deps.gazetteer), app.deps.storage.lexical, index.size);
    const chunks = await hybridSearch(app.deps, analysis, { k: app.config.RETRIEVAL_K, mode: app.config.RETRIEVAL_MODE });
    const c = counting(ledgerOf(app.deps.storage));
    const composed = await composeWithClaims(analysis, chunks, c.source, () => composeExtractive(analysis, chunks),
      async () => widerSpans(app.deps, analysis, 24));
    return { asked, composed, ...c };
  }

  it.each([
    ["Did Ukraine attack Putin's residence?"],
    ['Who condemned the attack?'],
    ['What did Pakistan say?'],
    ['What is disputed or unverified?'],
  ])('GIVEN "%s" THEN the same answer as the app, no read done twice, independent reads together', async (q) => {
    const { asked, composed, reads, maxInFlight } = await composeCounted(q);
    expect(composed.abstained).toBe(false);
    expect(composed.citations).toEqual(asked.citations);
    expect(asked.answer.startsWith(composed.answer)).toBe(true);
    expect(reads.length).toBeGreaterThan(1);
    expect(new Set(reads).size).toBe(reads.length);
    expect(maxInFlight()).toBeGreaterThan(1);
  });
});
