import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInternals } from '../../app/create-app.js';
import { testApp } from '../helpers/app.js';
import { INVENTED } from './invented.js';

let app: AppInternals;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ app, cleanup } = await testApp({ bundled: false }));
  await app.importDocuments(INVENTED);
});
afterAll(async () => cleanup());

const quotes = (a: { citations: { quote: string }[] }) => a.citations.map((c) => c.quote).join('\n');

describe('answers are about the question asked', () => {
  it('GIVEN a question on a subject the corpus never mentions THEN it abstains, never quoting a generic sentence', async () => {
    const a = await app.answer('When will the football talks resume next week?');
    expect(a.abstained).toBe(true);
    expect(a.citations).toEqual([]);
    expect(a.answer).toMatch(/corpus has nothing/);
  });

  it('GIVEN "Who won the last song contest?" on a corpus of reactions THEN it abstains', async () => {
    const a = await app.answer('Who won the last Eurovision Song Contest?');
    expect(a.abstained).toBe(true);
  });

  it('GIVEN a question on a covered subject THEN it still answers from the passages on it', async () => {
    const a = await app.answer('What happened at the port of Valdoria?');
    expect(a.abstained).toBe(false);
    expect(quotes(a)).toMatch(/port of Valdoria/);
    expect(quotes(a)).not.toMatch(/fishing quotas/);
  });
});

describe('rewordings', () => {
  it('GIVEN an acronym in the question THEN a sentence spelling it out answers it', async () => {
    const a = await app.answer('What did Denmark say about the UAVs?');
    expect(a.abstained).toBe(false);
    expect(quotes(a)).toMatch(/^Denmark said unmanned aerial vehicles damaged/);
  });

  it('GIVEN "denounced" for condemned THEN the condemnations are found', async () => {
    const a = await app.answer('Who denounced the missile strike?');
    expect(a.answer).toMatch(/• Peru condemned: “Peru condemned/);
    expect(a.answer).toMatch(/• Argentina condemned: “Argentina denounced/);
  });
});

describe('follow-ups', () => {
  it('GIVEN "And Chile?" after a question about Peru THEN it answers about Chile on the same topic', async () => {
    const a = await app.answer('And Chile?', { followUp: { question: 'What did Peru say about the missile strike?' } });
    expect(a.abstained).toBe(false);
    expect(quotes(a)).toMatch(/^Chile urged restraint/);
    expect(quotes(a)).not.toMatch(/Peru condemned/);
    expect(a.question).toBe('And Chile?');
  });

  it('GIVEN "Who denied it?" after a question about the strike THEN the denial of the strike is quoted', async () => {
    const a = await app.answer('Who denied it?', { followUp: { question: 'Who condemned the missile strike on the port?' } });
    expect(a.abstained).toBe(false);
    expect(quotes(a)).toMatch(/Sweden denied launching the missile strike/);
  });

  it('GIVEN "Did Chile condemn it?" after a question about the strike THEN the strike is the topic and only Chile is quoted', async () => {
    const a = await app.answer('Did Chile condemn it?', { followUp: { question: 'What did Peru say about the missile strike?' } });
    expect(a.answer.split('\n')[0]).toMatch(/no condemnation by Chile/);
    expect(quotes(a)).toMatch(/^Chile urged restraint/);
    expect(quotes(a)).not.toMatch(/Peru/);
  });

  it('GIVEN "Why?" after a question about the strike THEN it keeps the strike as its topic', async () => {
    const a = await app.answer('Why?', { followUp: { question: 'What did Peru say about the missile strike?' } });
    expect(a.abstained).toBe(false);
    expect(quotes(a)).toMatch(/Peru condemned the missile strike/);
  });
});
