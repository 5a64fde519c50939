import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestDocuments, type IngestDeps } from '../../app/ingest.js';
import { ClaimLedger } from '../../claims/ledger-store.js';
import { claimHistory, reviewClaim } from '../../claims/reviews.js';
import { doc, openDeps } from '../helpers/deps.js';
import { tempDir } from '../helpers/temp.js';

let deps: IngestDeps;
let ledger: ClaimLedger;
let cleanup: () => void;

beforeEach(async () => {
  const t = tempDir();
  deps = await openDeps(t.dir);
  ledger = new ClaimLedger(deps.store);
  cleanup = () => { deps.store.close(); t.cleanup(); };
});
afterEach(() => cleanup());

const add = (id: string, text: string, publisher: string, published = '2025-12-30') =>
  ingestDocuments(deps, [doc(id, text, { publisher, published })]);
const entry = (docId: string) => ledger.list({ docId })[0]!;
const remove = (id: string) => deps.store.transaction(() => { deps.store.removeDocument(id); ledger.refresh(); });

const RUSSIA_A = 'Russia said on Monday that Ukraine attacked President Putin’s residence in the Novgorod region with drones.';
const RUSSIA_B = 'The Kremlin claimed that Ukraine had attacked Putin’s residence in Novgorod with long-range drones.';
const UKRAINE = 'Ukraine denied that it attacked Putin’s residence in Novgorod, calling the claims a fabrication.';

describe('claim clustering and independent sources', () => {
  it('GIVEN two outlets repeating one party\'s claim THEN one claim, still unverified (one source: that party)', async () => {
    await add('a', RUSSIA_A, 'Outlet A');
    await add('b', RUSSIA_B, 'Outlet B', '2025-12-31');
    const [a, b] = [entry('a'), entry('b')];
    expect(a.claimId).toBe(b.claimId);
    expect([a.speaker, b.speaker]).toEqual(['Russia', 'Russia']);
    expect(b.status).toBe('unverified');
    expect(b.reason).toMatch(/one party only \(Russia\)/);
  });

  it('GIVEN a denial by another party in another document THEN the claim becomes disputed, and the change is audited', async () => {
    await add('a', RUSSIA_A, 'Outlet A');
    await add('c', UKRAINE, 'Outlet C');
    const c = entry('c');
    expect(c).toMatchObject({ speaker: 'Ukraine', stance: 'deny', role: 'denial', status: 'disputed' });
    expect(entry('a').status).toBe('disputed');
    const h = claimHistory(deps.store, ledger, c.id).entries;
    expect(h.map((x) => `${x.action}:${x.oldStatus ?? '-'}>${x.newStatus}`)).toEqual(['derived:->unverified', 'derived:unverified>disputed']);
  });

  it('GIVEN two independent outlets stating the same event as fact THEN corroborated', async () => {
    await add('d', 'Russian missiles struck a power plant in Lviv on Friday, killing two workers.', 'Outlet D', '2026-01-09');
    await add('e', 'Two workers were killed when Russian missiles hit a power plant in Lviv on Friday.', 'Outlet E', '2026-01-10');
    expect(entry('d').claimId).toBe(entry('e').claimId);
    expect(entry('e').status).toBe('corroborated');
  });

  it('GIVEN the same wording under two mastheads (syndicated copy) THEN one source: reported, not corroborated', async () => {
    const wire = 'Protesters stormed the parliament building in Tbilisi on Sunday evening.';
    await add('x', wire, 'Outlet X', '2025-11-02');
    await add('y', `${wire}\nMore to follow.`, 'Outlet Y', '2025-11-02');
    expect(entry('x').claimId).toBe(entry('y').claimId);
    expect(entry('y').status).toBe('reported');
  });

  it('GIVEN the same event weeks apart THEN not merged (date window)', async () => {
    await add('d', 'Russian missiles struck a power plant in Lviv on Friday, killing two workers.', 'Outlet D', '2026-01-09');
    await add('e', 'Two workers were killed when Russian missiles hit a power plant in Lviv on Friday.', 'Outlet E', '2026-03-20');
    expect(entry('d').claimId).not.toBe(entry('e').claimId);
  });
});

describe('moderator reviews and the audit log', () => {
  it('GIVEN a review THEN it overrides the derived status of the whole claim and survives later derivations', async () => {
    await add('a', RUSSIA_A, 'Outlet A');
    await add('c', UKRAINE, 'Outlet C');
    const target = entry('a');
    const reviewed = reviewClaim(deps.store, ledger, {
      claimId: target.id, status: 'refuted', note: 'Satellite imagery shows no damage', evidence: 'https://example.org/imagery', reviewer: 'mod-1',
    });
    expect(reviewed).toMatchObject({ status: 'refuted', derivedStatus: 'disputed' });
    expect(reviewed.review).toMatchObject({ status: 'refuted', reviewer: 'mod-1', evidence: 'https://example.org/imagery' });
    expect(entry('c').status).toBe('refuted');
    await add('b', RUSSIA_B, 'Outlet B', '2025-12-31');
    expect(entry('b')).toMatchObject({ status: 'refuted', claimId: target.claimId });
    const h = claimHistory(deps.store, ledger, target.claimId).entries;
    expect(h.at(-1)).toMatchObject({ action: 'review', actor: 'mod-1', oldStatus: 'disputed', newStatus: 'refuted' });
    expect(JSON.parse(h.at(-1)!.detail!)).toMatchObject({ note: 'Satellite imagery shows no damage', entry: target.id });
  });

  it('GIVEN a second review THEN the latest applies and both stay in the log', async () => {
    await add('a', RUSSIA_A, 'Outlet A');
    const id = entry('a').id;
    reviewClaim(deps.store, ledger, { claimId: id, status: 'verified', note: 'first look', reviewer: 'mod-1' });
    reviewClaim(deps.store, ledger, { claimId: id, status: 'disputed', note: 'second look', reviewer: 'mod-2' });
    expect(entry('a').status).toBe('disputed');
    expect(claimHistory(deps.store, ledger, id).entries.filter((x) => x.action === 'review').map((x) => x.actor)).toEqual(['mod-1', 'mod-2']);
  });

  it('GIVEN the review and audit tables THEN rows cannot be changed or deleted', async () => {
    await add('a', RUSSIA_A, 'Outlet A');
    reviewClaim(deps.store, ledger, { claimId: entry('a').id, status: 'verified', note: 'ok', reviewer: 'm' });
    expect(() => deps.store.db.prepare("UPDATE claim_reviews SET status = 'refuted'").run()).toThrow(/append-only/);
    expect(() => deps.store.db.prepare('DELETE FROM claim_audit').run()).toThrow(/append-only/);
  });

  it('GIVEN bad review input THEN clear errors', async () => {
    await add('a', RUSSIA_A, 'Outlet A');
    const id = entry('a').id;
    const r = (x: object) => () => reviewClaim(deps.store, ledger, { claimId: id, status: 'verified', note: 'n', reviewer: 'm', ...x } as never);
    expect(r({ status: 'corroborated' })).toThrow(/verified, refuted, disputed, unverified/);
    expect(r({ note: '  ' })).toThrow(/needs a note/);
    expect(r({ evidence: 'javascript:alert(1)' })).toThrow(/http\(s\) URL/);
    expect(r({ claimId: 'cnope' })).toThrow(/No claim with id "cnope"/);
  });
});

describe('removing documents', () => {
  it('GIVEN the denying document is removed THEN its claims go and the claim is derived again', async () => {
    await add('a', RUSSIA_A, 'Outlet A');
    await add('c', UKRAINE, 'Outlet C');
    const claimId = entry('a').claimId;
    remove('c');
    expect(ledger.list({ docId: 'c' })).toEqual([]);
    expect(entry('a').status).toBe('unverified');
    expect(claimHistory(deps.store, ledger, claimId).entries.at(-1)).toMatchObject({ oldStatus: 'disputed', newStatus: 'unverified' });
  });

  it('GIVEN every document of a claim is removed THEN the claim is dropped but its history stays', async () => {
    await add('a', RUSSIA_A, 'Outlet A');
    const { claimId } = entry('a');
    remove('a');
    expect(ledger.count()).toBe(0);
    expect(claimHistory(deps.store, ledger, claimId).entries.at(-1)).toMatchObject({ action: 'removed', oldStatus: 'unverified' });
  });
});
