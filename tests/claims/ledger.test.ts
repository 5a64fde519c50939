import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestDocuments, ledgerOf } from '../../app/ingest.js';
import type { ClaimLedger } from '../../claims/ledger-store.js';
import { claimHistory, reviewClaim } from '../../claims/reviews.js';
import { doc, openDeps, type TestDeps } from '../helpers/deps.js';
import { tempDir } from '../helpers/temp.js';

let deps: TestDeps;
let ledger: ClaimLedger;
let cleanup: () => void;

beforeEach(async () => {
  const t = tempDir();
  deps = await openDeps(t.dir);
  ledger = ledgerOf(deps.storage);
  cleanup = () => { deps.store.close(); t.cleanup(); };
});
afterEach(() => cleanup());

const add = (id: string, text: string, publisher: string, published = '2025-12-30') =>
  ingestDocuments(deps, [doc(id, text, { publisher, published })]);
const entry = async (docId: string) => (await ledger.list({ docId }))[0]!;
const remove = (id: string) => deps.storage.withTransaction(async (tx) => { await tx.documents.removeDocument(id); await ledger.refresh(tx.claims); });

const RUSSIA_A = 'Russia said on Monday that Ukraine attacked President Putin’s residence in the Novgorod region with drones.';
const RUSSIA_B = 'The Kremlin claimed that Ukraine had attacked Putin’s residence in Novgorod with long-range drones.';
const UKRAINE = 'Ukraine denied that it attacked Putin’s residence in Novgorod, calling the claims a fabrication.';

describe('claim clustering and independent sources', () => {
  it('GIVEN two outlets repeating one party\'s claim THEN one claim, still unverified (one source: that party)', async () => {
    await add('a', RUSSIA_A, 'Outlet A');
    await add('b', RUSSIA_B, 'Outlet B', '2025-12-31');
    const [a, b] = [(await entry('a')), (await entry('b'))];
    expect(a.claimId).toBe(b.claimId);
    expect([a.speaker, b.speaker]).toEqual(['Russia', 'Russia']);
    expect(b.status).toBe('unverified');
    expect(b.reason).toMatch(/one party only \(Russia\)/);
  });

  it('GIVEN a denial by another party in another document THEN the claim becomes disputed, and the change is audited', async () => {
    await add('a', RUSSIA_A, 'Outlet A');
    await add('c', UKRAINE, 'Outlet C');
    const c = (await entry('c'));
    expect(c).toMatchObject({ speaker: 'Ukraine', stance: 'deny', role: 'denial', status: 'disputed' });
    expect((await entry('a')).status).toBe('disputed');
    const h = (await claimHistory(deps.storage.claims, c.id)).entries;
    expect(h.map((x) => `${x.action}:${x.oldStatus ?? '-'}>${x.newStatus}`)).toEqual(['derived:->unverified', 'derived:unverified>disputed']);
  });

  it('GIVEN two independent outlets stating the same event as fact THEN corroborated', async () => {
    await add('d', 'Russian missiles struck a power plant in Lviv on Friday, killing two workers.', 'Outlet D', '2026-01-09');
    await add('e', 'Two workers were killed when Russian missiles hit a power plant in Lviv on Friday.', 'Outlet E', '2026-01-10');
    expect((await entry('d')).claimId).toBe((await entry('e')).claimId);
    expect((await entry('e')).status).toBe('corroborated');
  });

  it('GIVEN the same wording under two mastheads (syndicated copy) THEN one source: reported, not corroborated', async () => {
    const wire = 'Protesters stormed the parliament building in Tbilisi on Sunday evening.';
    await add('x', wire, 'Outlet X', '2025-11-02');
    await add('y', `${wire}\nMore to follow.`, 'Outlet Y', '2025-11-02');
    expect((await entry('x')).claimId).toBe((await entry('y')).claimId);
    expect((await entry('y')).status).toBe('reported');
  });

  it('GIVEN the same event weeks apart THEN not merged (date window)', async () => {
    await add('d', 'Russian missiles struck a power plant in Lviv on Friday, killing two workers.', 'Outlet D', '2026-01-09');
    await add('e', 'Two workers were killed when Russian missiles hit a power plant in Lviv on Friday.', 'Outlet E', '2026-03-20');
    expect((await entry('d')).claimId).not.toBe((await entry('e')).claimId);
  });
});

describe('moderator reviews and the audit log', () => {
  it('GIVEN a review THEN it overrides the derived status of the whole claim and survives later derivations', async () => {
    await add('a', RUSSIA_A, 'Outlet A');
    await add('c', UKRAINE, 'Outlet C');
    const target = (await entry('a'));
    const reviewed = await reviewClaim(deps.storage, ledger, {
      claimId: target.id, status: 'refuted', note: 'Satellite imagery shows no damage', evidence: 'https://example.org/imagery', reviewer: 'mod-1',
    });
    expect(reviewed).toMatchObject({ status: 'refuted', derivedStatus: 'disputed' });
    expect(reviewed.review).toMatchObject({ status: 'refuted', reviewer: 'mod-1', evidence: 'https://example.org/imagery' });
    expect((await entry('c')).status).toBe('refuted');
    await add('b', RUSSIA_B, 'Outlet B', '2025-12-31');
    expect((await entry('b'))).toMatchObject({ status: 'refuted', claimId: target.claimId });
    const h = (await claimHistory(deps.storage.claims, target.claimId)).entries;
    expect(h.at(-1)).toMatchObject({ action: 'review', actor: 'mod-1', oldStatus: 'disputed', newStatus: 'refuted' });
    expect(JSON.parse(h.at(-1)!.detail!)).toMatchObject({ note: 'Satellite imagery shows no damage', entry: target.id });
  });

  it('GIVEN a second review THEN the latest applies and both stay in the log', async () => {
    await add('a', RUSSIA_A, 'Outlet A');
    const id = (await entry('a')).id;
    await reviewClaim(deps.storage, ledger, { claimId: id, status: 'verified', note: 'first look', reviewer: 'mod-1' });
    await reviewClaim(deps.storage, ledger, { claimId: id, status: 'disputed', note: 'second look', reviewer: 'mod-2' });
    expect((await entry('a')).status).toBe('disputed');
    expect((await claimHistory(deps.storage.claims, id)).entries.filter((x) => x.action === 'review').map((x) => x.actor)).toEqual(['mod-1', 'mod-2']);
  });

  it('GIVEN the review and audit tables THEN rows cannot be changed or deleted', async () => {
    await add('a', RUSSIA_A, 'Outlet A');
    await reviewClaim(deps.storage, ledger, { claimId: (await entry('a')).id, status: 'verified', note: 'ok', reviewer: 'm' });
    expect(() => deps.store.db.prepare("UPDATE claim_reviews SET status = 'refuted'").run()).toThrow(/append-only/);
    expect(() => deps.store.db.prepare('DELETE FROM claim_audit').run()).toThrow(/append-only/);
  });

  it('GIVEN bad review input THEN clear errors', async () => {
    await add('a', RUSSIA_A, 'Outlet A');
    const id = (await entry('a')).id;
    const r = (x: object) => reviewClaim(deps.storage, ledger, { claimId: id, status: 'verified', note: 'n', reviewer: 'm', ...x } as never);
    await expect(r({ status: 'corroborated' })).rejects.toThrow(/verified, refuted, disputed, unverified/);
    await expect(r({ note: '  ' })).rejects.toThrow(/needs a note/);
    await expect(r({ evidence: 'javascript:alert(1)' })).rejects.toThrow(/http\(s\) URL/);
    await expect(r({ claimId: 'cnope' })).rejects.toThrow(/No claim with id "cnope"/);
  });
});

describe('removing documents', () => {
  it('GIVEN the denying document is removed THEN its claims go and the claim is derived again', async () => {
    await add('a', RUSSIA_A, 'Outlet A');
    await add('c', UKRAINE, 'Outlet C');
    const claimId = (await entry('a')).claimId;
    await remove('c');
    expect(await ledger.list({ docId: 'c' })).toEqual([]);
    expect((await entry('a')).status).toBe('unverified');
    expect((await claimHistory(deps.storage.claims, claimId)).entries.at(-1)).toMatchObject({ oldStatus: 'disputed', newStatus: 'unverified' });
  });

  it('GIVEN every document of a claim is removed THEN the claim is dropped but its history stays', async () => {
    await add('a', RUSSIA_A, 'Outlet A');
    const { claimId } = (await entry('a'));
    await remove('a');
    expect(await ledger.count()).toBe(0);
    expect((await claimHistory(deps.storage.claims, claimId)).entries.at(-1)).toMatchObject({ action: 'removed', oldStatus: 'unverified' });
  });
});
