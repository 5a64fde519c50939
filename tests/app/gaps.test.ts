import { afterEach, describe, expect, it } from 'vitest';
import { jaccard, normaliseQuestion } from '../../app/gaps.js';
import { testApp } from '../helpers/app.js';
import { doc } from '../helpers/deps.js';

const SEED = 'Freedonia recalled its ambassador from Sylvania on 3 January 2026, the Freedonian foreign ministry said.';
const LATER = 'The Marxian lighthouse keepers went on strike on 5 January 2026, the harbour authority of Marx said. ' +
  'The strike by the lighthouse keepers closed the port of Marx to shipping for two days.';

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups) await c();
  cleanups = [];
});

async function app() {
  const t = await testApp({ bundled: false });
  cleanups.push(t.cleanup);
  await t.app.importDocuments([doc('freedonia', SEED, { published: '2026-01-03' })]);
  return t.app;
}

describe('coverage gaps', () => {
  it('GIVEN questions the bot abstains on THEN each is recorded once with its count, near-duplicate wordings grouped, no ids', async () => {
    const a = await app();
    const asked = ['Why did the lighthouse keepers of Marx strike?', 'why did the lighthouse keepers in Marx strike', 'Why did <@123456789012> the lighthouse keepers of Marx strike?'];
    for (const q of asked) expect((await a.answer(q)).abstained).toBe(true);
    expect((await a.answer('What tariffs did Osterlich put on cheese?')).abstained).toBe(true);
    const gaps = (await a.listGaps());
    expect(gaps).toHaveLength(2);
    expect(gaps[0]).toMatchObject({ question: asked[0], count: 3 });
    expect(gaps[0]!.examples).toContain('why did the lighthouse keepers in Marx strike');
    expect(JSON.stringify(gaps)).not.toMatch(/123456789012/);
    expect(gaps[1]).toMatchObject({ question: 'What tariffs did Osterlich put on cheese?', count: 1 });
  });

  it('GIVEN an answered question THEN it is not a gap', async () => {
    const a = await app();
    expect((await a.answer('Why did Freedonia recall its ambassador from Sylvania?')).abstained).toBe(false);
    expect((await a.listGaps())).toEqual([]);
  });

  it('GIVEN an open gap WHEN a document that answers it is added THEN the gap closes by itself, citing the document', async () => {
    const a = await app();
    await a.answer('Why did the lighthouse keepers of Marx strike?');
    await a.answer('What tariffs did Osterlich put on cheese?');
    await a.addDocument({ kind: 'document', document: doc('marx-strike', LATER, { published: '2026-01-05' }) });
    expect((await a.listGaps()).map((g) => g.question)).toEqual(['What tariffs did Osterlich put on cheese?']);
    const closed = (await a.listGaps({ closed: true })).find((g) => g.closedAt);
    expect(closed).toMatchObject({ question: 'Why did the lighthouse keepers of Marx strike?', closedBy: ['marx-strike'] });
  });
});

describe('gap wording', () => {
  it('GIVEN mentions and extra spaces THEN the recorded question holds no ids', () => {
    expect(normaliseQuestion('  <@!42424242>  what   about <#55555555>? ')).toBe('@someone what about #channel?');
  });
  it('GIVEN two term sets THEN Jaccard is their overlap over their union', () => {
    expect(jaccard(['a', 'b', 'c'], ['a', 'b', 'c', 'd'])).toBe(0.75);
    expect(jaccard(['a'], ['b'])).toBe(0);
  });
});
