import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestDeps } from '../../app/ingest.js';
import { lexicalQuery } from '../../retrieval/lexical.js';
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
  const lexical = () => deps.storage.lexical;

  it('GIVEN words of the question THEN absent words are dropped and the rarest come first', async () => {
    expect(await lexicalQuery('moon ceasefire drone attack', lexical(), 5)).toEqual({ terms: ['ceasefire', 'attack', 'drone'] });
  });

  it('GIVEN a row budget THEN words are kept rarest first until the rows they match would exceed it', async () => {
    // ceasefire (1) + attack (3) = 4 rows; drone would add 4 more.
    expect(await lexicalQuery('ceasefire drone attack', lexical(), 5, 4)).toEqual({ terms: ['ceasefire', 'attack'] });
  });

  it('GIVEN even the rarest word over the budget THEN the two rarest must both occur', async () => {
    // A common-words-only question at a million passages: an AND matches far fewer rows than an OR.
    const q = await lexicalQuery('drone attack', lexical(), 5, 2);
    expect(q).toEqual({ terms: ['attack', 'drone'], match: 'all' });
    expect(await lexical().search(q!, { limit: 10 })).toHaveLength(3);
  });

  it('GIVEN a lone word over the budget THEN no lexical query (bm25 would score every passage holding it)', async () => {
    expect(await lexicalQuery('drone', lexical(), 5, 3)).toBeUndefined();
    expect(await lexicalQuery('drone', lexical(), 5, 4)).toEqual({ terms: ['drone'] });
  });

  it('GIVEN a speaker search with a pool THEN only the speaker\'s passages among the best matches of the store count', async () => {
    const search = (pool?: number) => lexical().search(['drone'], { limit: 10, speakerId: 'KEN', ...(pool ? { pool } : {}) });
    const all = (await search()).map((r) => r.id);
    expect(all).toHaveLength(1);
    // With a pool of one, the store's best "drone" match must be Kenya's for Kenya to get a result.
    const best = (await lexical().search(['drone'], { limit: 1 }))[0]!.id;
    expect((await search(1)).map((r) => r.id)).toEqual(best === all[0] ? all : []);
    expect(await search(4)).toHaveLength(1);
  });
});
