import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestDeps } from '../../app/ingest.js';
import { collapseNearDuplicates, hybridSearch } from '../../retrieval/hybrid.js';
import { analyzeQuestion } from '../../retrieval/question.js';
import { doc, depsWith, gazetteer } from '../helpers/deps.js';

let deps: IngestDeps;
let close: () => void;

beforeAll(async () => {
  ({ deps, close } = await depsWith([
    doc('pk', "Pakistan's Ministry of Foreign Affairs condemned the drone attack and urged restraint."),
    doc('ru', 'Russia accused Ukraine of a drone attack on the presidential residence.'),
    doc('sat', 'Russia launched three satellites for Iran from a northern cosmodrome.'),
    doc('rain', 'Heavy rain fell in Lahore, Pakistan, flooding several roads.'),
    doc('un', 'We call for a ceasefire and for dialogue between the parties.', { speaker: 'Panama', kind: 'transcript' }),
  ]));
});
afterAll(() => close());

async function ids(question: string, k = 5): Promise<string[]> {
  const a = analyzeQuestion(question, gazetteer);
  return (await hybridSearch(deps, a, { k })).map((c) => c.docId);
}

describe('hybridSearch ranking', () => {
  it('GIVEN an actor question THEN the passage where the actor speaks on the topic comes first', async () => {
    const order = await ids('What did Pakistan say about the drone attack?');
    // pk: Pakistan speaks ("condemned") and the topic words match; ru: topic words only;
    // rain: names Pakistan but Pakistan says nothing there.
    expect(order[0]).toBe('pk');
    expect(order.indexOf('ru')).toBeLessThan(order.indexOf('rain'));
  });

  it('GIVEN a demonym THEN sub-word features still find the country', async () => {
    // "Pakistani" never occurs; the character n-grams of the built-in embedder and the actor match do the work.
    expect((await ids('Pakistani position on drones'))[0]).toBe('pk');
  });

  it('GIVEN a topic question THEN the passage with the rare topic words wins', async () => {
    // "satellites" and "Iran" occur only in sat; "Russia" is shared with ru and adds little.
    expect((await ids('Did Russia launch satellites for Iran?'))[0]).toBe('sat');
  });

  it('GIVEN a speech by a country THEN its whole document counts as that country speaking', async () => {
    // The UN speech never names Panama in its text; the document's speaker does.
    expect((await ids('What did Panama say about a ceasefire?'))[0]).toBe('un');
  });

  it('GIVEN k THEN at most k passages come back', async () => {
    expect(await ids('drone attack', 2)).toHaveLength(2);
  });
});

describe('collapseNearDuplicates', () => {
  it('GIVEN a syndicated copy THEN only the better-ranked one stays', () => {
    const items = [
      { text: 'Russia accused Ukraine of a drone attack on the residence.' },
      { text: 'Russia accused Ukraine of a drone attack on the residence' },
      { text: 'Ukraine denied it.' },
    ];
    expect(collapseNearDuplicates(items)).toEqual([items[0], items[2]]);
  });
});
