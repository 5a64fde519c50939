import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestDeps } from '../../app/ingest.js';
import { toMatchQuery } from '../../retrieval/lexical.js';
import { doc, depsWith } from '../helpers/deps.js';

let deps: IngestDeps;
let close: () => void;

// "drone" is in 4 passages, "attack" in 3, "ceasefire" in 1, "moon" in none.
beforeAll(async () => {
  ({ deps, close } = await depsWith([
    doc('a', 'A drone attack hit the port.'),
    doc('b', 'The drone attack was condemned by Kenya.', { speaker: 'Kenya', kind: 'official statement' }),
    doc('c', 'A drone was seen near the border after the attack.'),
    doc('d', 'Another drone crossed into the region.'),
    doc('e', 'The ceasefire held overnight.', { speaker: 'Kenya', kind: 'official statement' }),
  ]));
});
afterAll(() => close());

describe('lexical queries', () => {
  it('GIVEN words of the question THEN absent words are dropped and the rarest come first', () => {
    expect(toMatchQuery('moon ceasefire drone attack', deps.store)).toBe('"ceasefire" OR "attack" OR "drone"');
  });

  it('GIVEN a row budget THEN words are kept rarest first until the rows they match would exceed it', () => {
    // ceasefire (1) + attack (3) = 4 rows; drone would add 4 more.
    expect(toMatchQuery('ceasefire drone attack', deps.store, undefined, 4)).toBe('"ceasefire" OR "attack"');
  });

  it('GIVEN even the rarest word over the budget THEN the two rarest must both occur', () => {
    // A common-words-only question at a million passages: an AND matches far fewer rows than an OR.
    expect(toMatchQuery('drone attack', deps.store, undefined, 2)).toBe('"attack" AND "drone"');
    const hits = deps.store.lexicalSearch(toMatchQuery('drone attack', deps.store, undefined, 2), 10);
    expect(hits).toHaveLength(3);
  });

  it('GIVEN a lone word over the budget THEN no lexical query (bm25 would score every passage holding it)', () => {
    expect(toMatchQuery('drone', deps.store, undefined, 3)).toBe('');
    expect(toMatchQuery('drone', deps.store, undefined, 4)).toBe('"drone"');
  });

  it('GIVEN a speaker search with a pool THEN only the speaker\'s passages among the best matches of the store count', () => {
    const all = deps.store.lexicalSearchBySpeaker('"drone"', 'KEN', 10).map((r) => r.id);
    expect(all).toHaveLength(1);
    // With a pool of one, the store's best "drone" match must be Kenya's for Kenya to get a result.
    const best = deps.store.lexicalSearch('"drone"', 1)[0]!.id;
    const pooled = deps.store.lexicalSearchBySpeaker('"drone"', 'KEN', 10, 1).map((r) => r.id);
    expect(pooled).toEqual(best === all[0] ? all : []);
    expect(deps.store.lexicalSearchBySpeaker('"drone"', 'KEN', 10, 4)).toHaveLength(1);
  });
});
