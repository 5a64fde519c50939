import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { Gazetteer } from '../../claims/actors.js';
import { ClaimLedger } from '../../claims/ledger-store.js';
import { extractStored, ledgerDoc } from '../../claims/pipeline.js';
import { claimHistory, reviewClaim } from '../../claims/reviews.js';
import type { Storage } from '../../core/ports.js';
import { docWith, postgresBackend, sqliteBackend } from './storage-fixture.js';

const RUSSIA_A = 'Russia said on Monday that Ukraine attacked President Putin’s residence in the Novgorod region with drones.';
const RUSSIA_B = 'The Kremlin claimed that Ukraine had attacked Putin’s residence in Novgorod with long-range drones.';
const UKRAINE = 'Ukraine denied that it attacked Putin’s residence in Novgorod, calling the claims a fabrication.';
const LVIV_D = 'Russian missiles struck a power plant in Lviv on Friday, killing two workers.';
const LVIV_E = 'Two workers were killed when Russian missiles hit a power plant in Lviv on Friday.';

const gazetteer = new Gazetteer();
const RUS = gazetteer.resolve('Russia')!.id;

describe.each([sqliteBackend, postgresBackend])('GIVEN the claim ledger on the $name storage adapter', (backend) => {
  if (backend.skipReason) {
    test.skip(backend.skipReason, () => undefined);
    return;
  }
  let storage: Storage;
  let dispose: () => Promise<void>;
  let ledger: ClaimLedger;
  beforeAll(() => backend.setup());
  afterAll(() => backend.teardown());
  beforeEach(async () => {
    ({ storage, dispose } = await backend.fresh());
    ledger = new ClaimLedger(storage.claims);
  });
  afterEach(() => dispose());

  /** Stores a one-passage document and its extracted claims in one transaction, as ingest does. */
  const add = (id: string, text: string, publisher: string, published = '2025-12-30') => storage.withTransaction(async (tx) => {
    await tx.documents.insertDocuments([docWith(id, `${publisher}: ${id}`, [text], { publisher, published })]);
    const doc = (await tx.documents.getDocument(id))!;
    await ledger.addDocument(tx.claims, ledgerDoc(doc, gazetteer), extractStored(doc, gazetteer));
  });
  const remove = (id: string) => storage.withTransaction(async (tx) => {
    await tx.documents.removeDocument(id);
    await ledger.refresh(tx.claims);
  });
  const first = async (docId: string) => (await ledger.list({ docId }))[0]!;
  const history = async (id: string) => (await claimHistory(storage.claims, id)).entries.map((x) => `${x.action}:${x.oldStatus ?? '-'}>${x.newStatus ?? '-'}`);

  test('WHEN a document\'s mentions are added THEN its entries read back with their speaker, document and derived status', async () => {
    await add('a', RUSSIA_A, 'Outlet A');
    const entries = await ledger.list({ docId: 'a' });
    expect(entries.length).toBeGreaterThan(0);
    const e = entries[0]!;
    expect(e).toMatchObject({ docId: 'a', speaker: 'Russia', actor: 'Russia', speakerId: RUS, status: 'unverified', derivedStatus: 'unverified',
      kind: 'event', role: 'assertion', title: 'Outlet A: a', publisher: 'Outlet A', published: '2025-12-30' });
    expect(RUSSIA_A.slice(e.start, e.end)).toBe(e.text);
    expect(e.reason).toMatch(/one party only \(Russia\)/);
    expect(await ledger.count()).toBe(entries.length);
    expect(await ledger.get(e.id)).toEqual(e);
    expect((await ledger.get(e.claimId))?.claimId).toBe(e.claimId);
    expect(await ledger.get('nope')).toBeUndefined();
    expect(await history(e.id)).toEqual(['derived:->unverified']);
  });

  test('WHEN two documents state one event THEN they cluster into one claim; a denial elsewhere disputes it, audited', async () => {
    await add('a', RUSSIA_A, 'Outlet A');
    await add('b', RUSSIA_B, 'Outlet B', '2025-12-31');
    const [a, b] = [await first('a'), await first('b')];
    expect(b.claimId).toBe(a.claimId);
    expect(b.status).toBe('unverified');
    await add('c', UKRAINE, 'Outlet C');
    const c = await first('c');
    expect(c).toMatchObject({ claimId: a.claimId, speaker: 'Ukraine', stance: 'deny', role: 'denial', status: 'disputed' });
    expect((await first('a')).status).toBe('disputed');
    expect(await history(a.claimId)).toEqual(['derived:->unverified', 'derived:unverified>disputed']);
  });

  test('WHEN the same event is reported by two outlets THEN corroborated; weeks apart THEN two claims', async () => {
    await add('d', LVIV_D, 'Outlet D', '2026-01-09');
    await add('e', LVIV_E, 'Outlet E', '2026-01-10');
    expect((await first('e')).claimId).toBe((await first('d')).claimId);
    expect((await first('e')).status).toBe('corroborated');
    await add('f', `${LVIV_E} More to follow.`, 'Outlet F', '2026-03-20');
    expect((await first('f')).claimId).not.toBe((await first('d')).claimId);
  });

  test('WHEN a document goes THEN its claims are stale until refreshed: derived again, or dropped when empty with the history kept', async () => {
    await add('a', RUSSIA_A, 'Outlet A');
    await add('c', UKRAINE, 'Outlet C');
    const { claimId } = await first('a');
    await storage.withTransaction((tx) => tx.documents.removeDocument('c'));
    expect(await storage.claims.staleClaims()).toContain(claimId);
    expect(await ledger.list({ docId: 'c' })).toEqual([]);
    expect(await ledger.refresh(storage.claims)).toBeGreaterThan(0);
    expect(await storage.claims.staleClaims()).toEqual([]);
    expect((await first('a')).status).toBe('unverified');
    expect((await history(claimId)).at(-1)).toBe('derived:disputed>unverified');
    await remove('a');
    expect(await ledger.count()).toBe(0);
    expect(await storage.claims.claimOf(claimId)).toBeUndefined();
    expect((await history(claimId)).at(-1)).toBe('removed:unverified>-');
  });

  test('WHEN a moderator reviews THEN the review overrides the whole claim, survives derivations, and the log has every line', async () => {
    await add('a', RUSSIA_A, 'Outlet A');
    await add('c', UKRAINE, 'Outlet C');
    const target = await first('a');
    const reviewed = await reviewClaim(storage, ledger, { claimId: target.id, status: 'refuted', note: 'Imagery shows no damage',
      evidence: 'https://example.org/imagery', reviewer: 'mod-1' });
    expect(reviewed).toMatchObject({ status: 'refuted', derivedStatus: 'disputed',
      review: { status: 'refuted', note: 'Imagery shows no damage', evidence: 'https://example.org/imagery', reviewer: 'mod-1' } });
    expect((await first('c')).status).toBe('refuted');
    await add('b', RUSSIA_B, 'Outlet B', '2025-12-31');
    expect(await first('b')).toMatchObject({ status: 'refuted', claimId: target.claimId });
    await reviewClaim(storage, ledger, { claimId: target.claimId, status: 'disputed', note: 'second look', reviewer: 'mod-2' });
    expect(await storage.claims.latestReview(target.claimId)).toMatchObject({ status: 'disputed', reviewer: 'mod-2' });
    const log = (await claimHistory(storage.claims, target.id)).entries;
    expect(log.filter((x) => x.action === 'review').map((x) => [x.actor, x.oldStatus, x.newStatus]))
      .toEqual([['mod-1', 'disputed', 'refuted'], ['mod-2', 'refuted', 'disputed']]);
    expect(JSON.parse(log.find((x) => x.action === 'review')!.detail!)).toMatchObject({ note: 'Imagery shows no damage', entry: target.id });
    await expect(reviewClaim(storage, ledger, { claimId: 'cnope', status: 'verified', note: 'n', reviewer: 'm' })).rejects.toThrow(/No claim with id/);
  });

  test('WHEN entries are listed with filters THEN actor id, actor text, status, document, claim and limit each narrow them', async () => {
    await add('a', RUSSIA_A, 'Outlet A');
    await add('c', UKRAINE, 'Outlet C');
    await add('d', LVIV_D, 'Outlet D', '2026-01-09');
    const all = await ledger.list();
    expect(all.map((e) => e.docId)).toEqual([...all.map((e) => e.docId)].sort((x, y) => 'acd'.indexOf(x) - 'acd'.indexOf(y)));
    const ukr = gazetteer.resolve('Ukraine')!.id;
    expect((await ledger.list({ actorId: ukr })).map((e) => e.speaker)).toEqual(['Ukraine']);
    expect((await ledger.list({ actorId: RUS, actorText: 'Russia' })).every((e) => e.actor === 'Russia')).toBe(true);
    expect((await ledger.list({ actorText: 'russia' })).length).toBeGreaterThan(0);
    expect((await ledger.list({ actorText: 'Atlantis' }))).toEqual([]);
    const disputed = await ledger.list({ status: 'disputed' });
    expect(disputed.length).toBeGreaterThan(0);
    expect(disputed.every((e) => e.status === 'disputed')).toBe(true);
    const a = await first('a');
    expect((await ledger.list({ claimId: a.claimId })).map((e) => e.docId)).toEqual(['a', 'c']);
    expect(await ledger.list({ limit: 1 })).toEqual([all[0]]);
    const inSpan = await ledger.inSpan('a', a.start, a.start + 1);
    expect(inSpan.map((e) => e.id)).toEqual([a.id]);
    expect(await ledger.inSpan('a', a.end, a.end + 5)).toEqual([]);
    // Many spans in one read: the same entries as span by span, in the order asked.
    const spans = [{ docId: 'a', start: a.end, end: a.end + 5 }, { docId: 'a', start: a.start, end: a.start + 1 }, { docId: 'zz', start: 0, end: 9 }];
    expect(await ledger.inSpans(spans)).toEqual([[], inSpan, []]);
  });

  test('WHEN a timeline reads the ledger THEN story, claim and actor mentions come in date order with their reviews', async () => {
    await add('c', UKRAINE, 'Outlet C', '2026-01-02');
    await add('a', RUSSIA_A, 'Outlet A', '2026-01-01');
    const a = await first('a');
    const story = await storage.claims.storyMentions(a.claimId, 10);
    expect(story.map((m) => [m.docId, m.date, m.role])).toEqual([['a', '2026-01-01', 'assertion'], ['c', '2026-01-02', 'denial']]);
    expect(story[0]).toMatchObject({ quote: a.text, text: a.text, title: 'Outlet A: a', publisher: 'Outlet A', kind: 'event',
      speakerId: RUS, speakerName: 'Russia', certainty: expect.any(String), factive: false, sources: [`actor:${RUS}`] });
    expect((await storage.claims.claimMentions(a.claimId)).map((m) => m.docId)).toEqual(['a', 'c']);
    expect((await storage.claims.actorMentions(RUS, 'Russia', 10)).map((m) => m.docId)).toEqual(['a']);
    expect((await storage.claims.actorMentions(undefined, 'UKRAINE', 10)).map((m) => m.docId)).toEqual(['c']);
    expect(await storage.claims.storyMentions(a.claimId, 1)).toHaveLength(1);
    const spans = await storage.claims.mentionsInSpans([{ docId: 'c', start: 0, end: UKRAINE.length }, { docId: 'a', start: 0, end: RUSSIA_A.length }]);
    expect(spans.map((s) => s.id)).toEqual([(await first('c')).id, a.id]);
    expect(spans[1]).toEqual({ id: a.id, claimId: a.claimId, storyId: a.claimId, text: a.text });
    expect(await storage.claims.claimOf(a.id)).toBe(a.claimId);
    expect(await storage.claims.claimKind(a.claimId)).toEqual({ kind: 'event' });
    expect(await storage.claims.reviewsOf([a.claimId])).toEqual([]);
    await reviewClaim(storage, ledger, { claimId: a.id, status: 'refuted', note: 'n', reviewer: 'mo', evidence: 'https://example.org/x' });
    expect(await storage.claims.reviewsOf([a.claimId, 'other'])).toEqual([
      { claimId: a.claimId, status: 'refuted', note: 'n', evidence: 'https://example.org/x', reviewer: 'mo', at: expect.any(String) }]);
  });
});
