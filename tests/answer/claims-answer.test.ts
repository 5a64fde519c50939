import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInternals } from '../../app/create-app.js';
import type { Answer } from '../../core/answer.js';
import type { LedgerEntry } from '../../claims/ledger-store.js';
import { testApp } from '../helpers/app.js';

const ARTICLE = 'pakistan-condemns-alleged-attack-on-putin-residence';
let app: AppInternals;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ app, cleanup } = await testApp()));
afterAll(async () => cleanup());

/** Every [n] has a citation quoting its document exactly; every line with a quote cites it; claims cite real numbers. */
async function expectTraceable(a: Answer): Promise<void> {
  const ns = a.citations.map((c) => c.n);
  for (const m of a.answer.matchAll(/\[(\d+)\]/g)) expect(ns).toContain(Number(m[1]));
  for (const c of a.citations) expect((await app.deps.storage.documents.getDocument(c.docId))!.text.slice(c.start, c.end)).toBe(c.quote);
  for (const line of a.answer.split('\n').slice(1)) if (line.includes('“')) expect(line).toMatch(/\[\d+\]/);
  // Every marker in the text belongs to a quote shown in the text (notes never point to unseen citations).
  const quotedNs = new Set([...a.answer.matchAll(/”\s*\[(\d+)\]/g)].map((m) => Number(m[1])));
  for (const m of a.answer.matchAll(/\[(\d+)\]/g)) expect(quotedNs).toContain(Number(m[1]));
  for (const c of a.claims) for (const n of c.citations) expect(ns).toContain(n);
}

/** Text outside quotes: the composer's own words. */
const ownWords = (a: Answer) => a.answer.replace(/“[^”]*(?:“[^”]*”[^”]*)*”/g, '“…”');

describe('the claim ledger of the bundled article', () => {
  it('GIVEN the article THEN the ledger has the expected speakers, stances and statuses', async () => {
    const rows = await app.listClaims({}) as LedgerEntry[];
    const get = (prefix: string) => rows.find((r) => r.docId === ARTICLE && r.text.startsWith(prefix));
    // The speaker as named, the actor it speaks for beside it.
    expect(get('Russia accused Ukraine')).toMatchObject({ speaker: 'Russia', actor: 'Russia', speakerKind: 'state', stance: 'accuse', status: 'disputed' });
    expect(get('Russian Foreign Minister Sergey Lavrov asserted')).toMatchObject({ speaker: 'Sergey Lavrov', actor: 'Russia', speakerKind: 'person' });
    expect(get('all 91 drones were reportedly shot down')).toMatchObject({ actor: 'Russia', status: 'unverified', certainty: 'hedged' });
    expect(get('President Volodymyr Zelensky called the claims')).toMatchObject({ speaker: 'Volodymyr Zelensky', actor: 'Ukraine', stance: 'deny', status: 'disputed' });
    expect(get('The ministry urged all parties to exercise restraint')).toMatchObject({ speaker: 'Pakistan’s Ministry of Foreign Affairs', actor: 'Pakistan', stance: 'appeal', cameo: '0256' });
    expect(get('Pakistan has firmly condemned')).toMatchObject({ speaker: 'Pakistan', actor: 'Pakistan', stance: 'condemn', status: 'reported', about: { status: 'disputed' } });
    expect(get('In a related international move, Russia successfully launched three satellites')).toMatchObject({ speaker: undefined, stance: 'report', status: 'reported' });
    for (const r of rows.filter((x) => x.docId === ARTICLE)) expect((await app.deps.storage.documents.getDocument(ARTICLE))!.text.slice(r.start, r.end)).toBe(r.text);
    expect((await app.stats()).claims).toBe(rows.length);
  });

  it('GIVEN filters THEN the actor resolves through the gazetteer and the status filters', async () => {
    const kyiv = await app.listClaims({ actor: 'Kyiv' });
    expect(kyiv.length).toBeGreaterThan(0);
    expect(kyiv.every((r) => r.actor === 'Ukraine')).toBe(true);
    expect((await app.listClaims({ status: 'disputed' })).every((r) => r.status === 'disputed')).toBe(true);
    await expect(app.listClaims({ status: 'bogus' as never })).rejects.toThrow(/Unknown claim status "bogus"/);
  });
});

describe('answers with claims', () => {
  it('GIVEN "Did Ukraine attack Putin\'s residence?" THEN the status and both sides, quoted, never the allegation as fact', async () => {
    const a = await app.answer("Did Ukraine attack Putin's residence?");
    expect(a.abstained).toBe(false);
    expect(a.answer.split('\n')[0]).toMatch(/^Disputed: asserted by Russia, denied by Ukraine; no independent source in the corpus confirms it \[\d+\]/);
    expect(a.answer).toMatch(/Russia alleges it: “Russia accused Ukraine of attempting to strike/);
    expect(a.answer).toMatch(/Volodymyr Zelensky \(Ukraine\) denies it: “President Volodymyr Zelensky called the claims/);
    expect(a.answer).toMatch(/Ukrainian officials (?:say|says) nothing confirms it: “Ukrainian officials stressed there is no independent evidence/);
    expect(ownWords(a)).not.toMatch(/Ukraine (attacked|deployed|struck)/);
    expect(a.claims.find((c) => c.actor === 'Russia')).toMatchObject({ stance: 'accuse', status: 'disputed' });
    expect(a.claims.find((c) => c.actor === 'Ukraine')).toMatchObject({ stance: 'deny', status: 'disputed' });
    await expectTraceable(a);
  });

  it('GIVEN "Who condemned the attack?" THEN Pakistan, as Pakistan\'s statement, with the status of the attack kept apart', async () => {
    const a = await app.answer('Who condemned the attack?');
    expect(a.abstained).toBe(false);
    expect(a.answer).toMatch(/^Who condemned it, according to the sources: Pakistan \[1\]/);
    expect(a.answer).toMatch(/• Pakistan condemned: “Pakistan has firmly condemned the alleged attack/);
    expect(a.answer).toMatch(/This is a statement by Pakistan; what it refers to is disputed in the sources:\n• (?:Russia|Sergey Lavrov \(Russia\)) alleges it: “[^\n]+” \[\d+\]\n• (?:Ukraine|Volodymyr Zelensky \(Ukraine\)) denies it: “[^\n]+” \[\d+\]/);
    const pak = a.claims.find((c) => c.speaker === 'Pakistan')!;
    expect(pak).toMatchObject({ stance: 'condemn', status: 'reported' });
    expect(pak.note).toMatch(/which is disputed/);
    await expectTraceable(a);
  });

  it('GIVEN "What is disputed?" THEN the disputed claim with who says what', async () => {
    const a = await app.answer('What is disputed?');
    expect(a.answer).toMatch(/^Claims in the corpus that are disputed/);
    expect(a.answer).toMatch(/(?:Russia|Sergey Lavrov \(Russia\)) alleges it: “/);
    expect(a.claims.every((c) => c.status === 'disputed')).toBe(true);
    await expectTraceable(a);
  });

  it('GIVEN "What did Pakistan say?" THEN the quotes keep their claims and the disputed attack is flagged', async () => {
    const a = await app.answer('What did Pakistan say?');
    expect(a.claims.filter((c) => c.actor === 'Pakistan').map((c) => c.stance)).toEqual(expect.arrayContaining(['condemn', 'appeal']));
    expect(a.answer).toMatch(/This is a statement by Pakistan; what it refers to is disputed in the sources/);
    await expectTraceable(a);
  });

  it('GIVEN "Who praised the attack?" (nobody) THEN no invented praise', async () => {
    const a = await app.answer('Who praised the attack?');
    expect(a.claims.some((c) => c.stance === 'praise')).toBe(false);
  });
});

describe('reviews and removal through the app', () => {
  it('GIVEN a moderator refutes the claim THEN answers say so and the ledger shows the review', async () => {
    const target = (await app.listClaims({ actor: 'Russia', status: 'disputed' }) as LedgerEntry[])[0]!;
    const e = await app.reviewClaim({ claimId: target.id, status: 'refuted', note: 'Test review', evidence: 'https://example.org/e', reviewer: 'mod' });
    expect(e).toMatchObject({ status: 'refuted', review: { reviewer: 'mod', note: 'Test review' } });
    const a = await app.answer("Did Ukraine attack Putin's residence?");
    expect(a.answer.split('\n')[0]).toMatch(/A moderator reviewed this claim and marked it refuted/);
    expect(a.claims.some((c) => /reviewed by mod: Test review/.test(c.note ?? ''))).toBe(true);
    await expect(app.reviewClaim({ claimId: 'c000', status: 'verified', note: 'x', reviewer: 'm' })).rejects.toThrow(/No claim with id/);
  });

  it('GIVEN the article is removed THEN its claims go with it', async () => {
    const claimsBefore = (await app.stats()).claims;
    await app.removeDocument(ARTICLE);
    expect((await app.listClaims({})).some((r) => r.docId === ARTICLE)).toBe(false);
    // Removing the article removes its statements from the ledger.
    expect((await app.stats()).claims).toBeLessThan(claimsBefore);
  });
});
