import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInternals } from '../../app/create-app.js';
import type { Answer } from '../../core/answer.js';
import { testApp } from '../helpers/app.js';

let app: AppInternals;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ app, cleanup } = await testApp()));
afterAll(async () => cleanup());

/** Every [n] in the text has a citation, and every citation quotes its document exactly. */
async function expectTraceable(a: Answer): Promise<void> {
  const markers = [...a.answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
  for (const n of markers) expect(a.citations.map((c) => c.n)).toContain(n);
  for (const c of a.citations) {
    const doc = (await app.deps.storage.documents.getDocument(c.docId))!;
    expect(doc.text.slice(c.start, c.end)).toBe(c.quote);
  }
}

describe('answer() over the bundled corpus', () => {
  it('GIVEN "What did Pakistan say?" THEN it quotes the condemnation and the call for restraint', async () => {
    const a = await app.answer('What did Pakistan say?');
    expect(a.abstained).toBe(false);
    expect(a.mode).toBe('extractive');
    const quotes = a.citations.map((c) => c.quote).join('\n');
    expect(quotes).toMatch(/Pakistan has firmly condemned the alleged attack/);
    expect(quotes).toMatch(/The ministry urged all parties to exercise restraint/);
    expect(a.citations.every((c) => c.docId === 'pakistan-condemns-alleged-attack-on-putin-residence')).toBe(true);
    expect(a.citations[0]).toMatchObject({ publisher: 'The Neutral', published: '2025-12-30' });
    await expectTraceable(a);
  });

  it('GIVEN a question the corpus cannot answer THEN it abstains with no citations', async () => {
    const a = await app.answer("What did Brazil say about the attack on Putin's residence?");
    expect(a.abstained).toBe(true);
    expect(a.citations).toEqual([]);
    expect(a.answer).toMatch(/corpus has no statement by Brazil/);
  });

  it('GIVEN a follow-up "And what did Ukraine say?" THEN Ukraine\'s rejection is quoted', async () => {
    const a = await app.answer('And what did Ukraine say?', { followUp: { question: 'What did Pakistan say about the attack?' } });
    expect(a.abstained).toBe(false);
    expect(a.citations.map((c) => c.quote).join('\n')).toMatch(/complete fabrication|roundly rejected/);
    await expectTraceable(a);
  });

  it('GIVEN a topic question THEN the answer cites passages on that topic', async () => {
    const a = await app.answer('Which satellites did Russia launch for Iran?');
    expect(a.abstained).toBe(false);
    expect(a.citations[0]!.quote).toMatch(/three satellites for Iran/);
    await expectTraceable(a);
  });

  it('GIVEN an empty or huge question THEN a clear error', async () => {
    await expect(app.answer('   ')).rejects.toThrow(/Ask a question/);
    await expect(app.answer('x'.repeat(5000))).rejects.toThrow(/too long/);
  });

  it('GIVEN answered questions THEN stats count them with a median latency', async () => {
    const s = (await app.stats());
    expect(s.documents).toBeGreaterThanOrEqual(30);
    expect(s.questionsAnswered).toBeGreaterThanOrEqual(4);
    expect(typeof s.medianLatencyMs).toBe('number'); // reported once questions were answered (its size is not asserted)
    expect(s.indexSize).toBe(s.chunks);
  });
});
