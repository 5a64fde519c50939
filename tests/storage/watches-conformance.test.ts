import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { addWatches, removeWatch } from '../../app/watches.js';
import { Gazetteer } from '../../claims/actors.js';
import { ClaimLedger } from '../../claims/ledger-store.js';
import { extractStored, ledgerDoc, syncLedger } from '../../claims/pipeline.js';
import { reviewClaim } from '../../claims/reviews.js';
import type { Storage } from '../../core/ports.js';
import { docWith, postgresBackend, sqliteBackend } from './storage-fixture.js';

const CLAIM = 'Chile accused Peru of flying military drones over the Atacama copper mines on Sunday.';
const SECOND = 'Argentina said Peru flew military drones over the Atacama copper mines on Sunday.';
const OTHER = 'Norway announced new aid for Sudan on Monday.';

const gazetteer = new Gazetteer();

describe.each([sqliteBackend, postgresBackend])('GIVEN watches on the $name storage adapter', (backend) => {
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

  const add = (id: string, text: string, publisher: string, published: string) => storage.withTransaction(async (tx) => {
    await tx.documents.insertDocuments([docWith(id, `${publisher} on ${id}`, [text], { publisher, published })]);
    const doc = (await tx.documents.getDocument(id))!;
    await ledger.addDocument(tx.claims, ledgerDoc(doc, gazetteer), extractStored(doc, gazetteer));
  });
  const story = async () => {
    await add('d1', CLAIM, 'Andes Daily', '2026-03-01');
    return (await ledger.list({ docId: 'd1' }))[0]!;
  };
  const watch = (userId: string, ids: string[], limit = 25, channelId?: string) => addWatches(storage, { userId, channelId, ids }, limit);

  test('WHEN a member watches, lists and stops THEN the port keeps one watch per claim with its status and first statement', async () => {
    const entry = await story();
    const r = await watch('u1', [entry.id, entry.claimId, 'nope']);
    expect(r).toMatchObject({ already: 0, total: 1, limit: 25, added: [{ claimId: entry.claimId, text: CLAIM, status: 'unverified' }] });
    expect(await watch('u1', [entry.id])).toMatchObject({ added: [], already: 1, total: 1 });
    expect(await storage.watches.isWatching('u1', entry.claimId)).toBe(true);
    expect(await storage.watches.countOf('u1')).toBe(1);
    expect(await storage.watches.countOf('u2')).toBe(0);
    await expect(watch('u1', ['nope'])).rejects.toThrow(/No claim with id/);
    await add('o', OTHER, 'Nordic Wire', '2026-02-01');
    const other = (await ledger.list({ docId: 'o' }))[0]!;
    await expect(watch('u1', [other.id], 1)).rejects.toThrow(/already watch 1 claims/);
    await watch('u1', [other.id]);
    expect((await storage.watches.list('u1')).map((w) => w.claimId)).toEqual([other.claimId, entry.claimId]);
    expect(await removeWatch(storage, 'u1', entry.id)).toBe(true);
    expect(await removeWatch(storage, 'u1', entry.id)).toBe(false);
    expect((await storage.watches.list('u1')).map((w) => w.claimId)).toEqual([other.claimId]);
  });

  test('WHEN a watched claim\'s status changes THEN one notice per watcher is queued with old and new status, why, and the newest source', async () => {
    const entry = await story();
    await watch('u1', [entry.id], 25, 'c1');
    await add('d2', SECOND, 'Buenos Aires Herald', '2026-03-02');
    const [n, ...rest] = await storage.watches.pending(10);
    expect(rest).toEqual([]);
    expect(n).toMatchObject({ userId: 'u1', channelId: 'c1', claimId: entry.claimId, claimText: CLAIM, oldStatus: 'unverified',
      newStatus: 'corroborated', review: false, quote: SECOND, docId: 'd2', start: 0, end: SECOND.length, title: 'Buenos Aires Herald on d2',
      publisher: 'Buenos Aires Herald', published: '2026-03-02', attempts: 0 });
    expect(n!.reason).toMatch(/independent sources/);
    expect(n).not.toHaveProperty('evidence');
    expect(typeof n!.id).toBe('number');
  });

  test('WHEN a moderator reviews THEN the notice carries the note and evidence; an unchanged status queues nothing', async () => {
    const entry = await story();
    await watch('u1', [entry.id]);
    await watch('u2', [entry.id]);
    await reviewClaim(storage, ledger, { claimId: entry.id, status: 'unverified', note: 'Still one side only.', reviewer: 'mo' });
    expect(await storage.watches.pending(10)).toEqual([]);
    await reviewClaim(storage, ledger, { claimId: entry.id, status: 'refuted', note: 'Radar logs.', evidence: 'https://example.org/radar', reviewer: 'mo' });
    const notices = await storage.watches.pending(10);
    expect(notices.map((x) => x.userId)).toEqual(['u1', 'u2']);
    expect(notices[0]).toMatchObject({ oldStatus: 'unverified', newStatus: 'refuted', review: true, reason: 'Radar logs.', evidence: 'https://example.org/radar' });
  });

  test('WHEN notices are marked THEN a sent one is never pending again and a failed one waits after the others', async () => {
    const entry = await story();
    await watch('u1', [entry.id]);
    await watch('u2', [entry.id]);
    await watch('u3', [entry.id]);
    await reviewClaim(storage, ledger, { claimId: entry.id, status: 'refuted', note: 'n', reviewer: 'mo' });
    const [a, b, c] = await storage.watches.pending(10);
    await storage.watches.markFailed(a!.id, 'DM closed and channel gone');
    await storage.watches.markSent(b!.id, 'dm', new Date().toISOString());
    await storage.watches.markSent(b!.id, 'channel', new Date().toISOString());
    expect((await storage.watches.pending(10)).map((x) => [x.id, x.attempts])).toEqual([[c!.id, 0], [a!.id, 1]]);
    expect(await storage.watches.pending(1)).toHaveLength(1);
    expect(await storage.watches.outboxCounts()).toEqual({ queued: 2, sent: 1 });
  });

  test('WHEN the only document stating a watched claim goes THEN one last notice says so and the watch ends', async () => {
    const entry = await story();
    await watch('u1', [entry.id], 25, 'c1');
    await storage.withTransaction(async (tx) => {
      await tx.documents.removeDocument('d1');
      await ledger.refresh(tx.claims);
    });
    expect(await storage.watches.pending(10)).toMatchObject([{ userId: 'u1', channelId: 'c1', claimId: entry.claimId, oldStatus: 'unverified',
      newStatus: 'removed', reason: 'no document in the corpus states it any more', createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT[\d:.]+Z$/) }]);
    expect(await storage.watches.list('u1')).toEqual([]);
    expect(await storage.watches.countOf('u1')).toBe(0);
  });

  test('WHEN the ledger is extracted again THEN the watches stay and nobody is told anything', async () => {
    const entry = await story();
    await add('d2', SECOND, 'Buenos Aires Herald', '2026-03-02');
    await watch('u1', [entry.id]);
    expect(await syncLedger(storage, gazetteer)).toBe(true);
    expect(await syncLedger(storage, gazetteer)).toBe(false);
    expect((await storage.watches.list('u1')).map((w) => [w.claimId, w.status])).toEqual([[entry.claimId, 'corroborated']]);
    expect(await storage.watches.pending(10)).toEqual([]);
    expect(await storage.meta.get('ledger_rebuild')).toBeUndefined();
    // Quiet only while the rebuild lasts: a change afterwards is news again.
    await reviewClaim(storage, ledger, { claimId: entry.id, status: 'refuted', note: 'n', reviewer: 'mo' });
    expect((await storage.watches.pending(10)).map((x) => x.newStatus)).toEqual(['refuted']);
  });
});
