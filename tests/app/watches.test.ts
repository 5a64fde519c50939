import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../app/create-app.js';
import { testApp } from '../helpers/app.js';
import { testConfig } from '../helpers/app.js';
import { doc } from '../helpers/deps.js';

const CLAIM = 'Chile accused Peru of flying military drones over the Atacama copper mines on Sunday.';
const SECOND = 'Argentina said Peru flew military drones over the Atacama copper mines on Sunday.';

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups) await c();
  cleanups = [];
});

async function story(env: Record<string, string> = {}) {
  const t = await testApp({ bundled: false, env });
  cleanups.push(t.cleanup);
  await t.app.importDocuments([doc('d1', CLAIM, { published: '2026-03-01', publisher: 'Andes Daily', title: 'Chile accuses Peru' })]);
  const entry = (await t.app.listClaims({}))[0]!;
  return { ...t, entry };
}

describe('watched claims', () => {
  it('GIVEN a watched claim WHEN the ledger is extracted again after an upgrade THEN the watch is kept and nobody is told anything', async () => {
    const { app, entry } = await story();
    await app.watchClaims({ userId: 'u1', ids: [entry.id] });
    const watched = (await app.listWatches('u1')).map((w) => w.claimId);
    expect(watched).toHaveLength(1);
    const { syncLedger } = await import('../../claims/pipeline.js');
    await app.deps.storage.meta.set('claims_version', 'an older version');
    expect(await syncLedger(app.deps.storage, app.deps.gazetteer)).toBe(true);
    expect((await app.listWatches('u1')).map((w) => w.claimId)).toEqual(watched);
    expect(await app.pendingNotices(10)).toEqual([]);
  });

  it('GIVEN a watched claim WHEN a document corroborates it THEN one notice is queued with old and new status, why, and the new source quoted', async () => {
    const { app, entry } = await story();
    const w = await app.watchClaims({ userId: 'u1', channelId: 'c1', ids: [entry.id] });
    expect(w.added.map((x) => [x.text, x.status])).toEqual([[CLAIM, 'unverified']]);
    await app.importDocuments([doc('d2', SECOND, { published: '2026-03-02', publisher: 'Buenos Aires Herald', title: 'Argentina on the drones' })]);
    const notices = await app.pendingNotices(10);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ userId: 'u1', channelId: 'c1', oldStatus: 'unverified', newStatus: 'corroborated', review: false,
      quote: SECOND, docId: 'd2', start: 0, end: SECOND.length, title: 'Argentina on the drones', publisher: 'Buenos Aires Herald', claimText: CLAIM });
    expect(notices[0]!.reason).toMatch(/independent sources/);
  });

  it('GIVEN a watched claim WHEN a moderator reviews it THEN the notice gives the note and evidence; an unchanged status queues nothing', async () => {
    const { app, entry } = await story();
    await app.watchClaims({ userId: 'u1', ids: [entry.id] });
    await app.watchClaims({ userId: 'u2', ids: [entry.id] });
    await app.reviewClaim({ claimId: entry.id, status: 'unverified', note: 'Still one side only.', reviewer: 'mo' });
    expect(await app.pendingNotices(10)).toEqual([]);
    await app.reviewClaim({ claimId: entry.id, status: 'refuted', note: 'Radar logs show no flights.', evidence: 'https://example.org/radar', reviewer: 'mo' });
    const notices = await app.pendingNotices(10);
    expect(notices.map((n) => n.userId).sort()).toEqual(['u1', 'u2']);
    expect(notices[0]).toMatchObject({ oldStatus: 'unverified', newStatus: 'refuted', review: true, reason: 'Radar logs show no flights.', evidence: 'https://example.org/radar' });
  });

  it('GIVEN a notice WHEN it is marked sent THEN it is never pending again; a failed one stays queued, after the others', async () => {
    const { app, entry } = await story();
    await app.watchClaims({ userId: 'u1', ids: [entry.id] });
    await app.watchClaims({ userId: 'u2', ids: [entry.id] });
    await app.reviewClaim({ claimId: entry.id, status: 'refuted', note: 'n', reviewer: 'mo' });
    const [a, b] = await app.pendingNotices(10);
    await app.markNoticeFailed(a!.id, 'DM closed and channel gone');
    await app.markNoticeSent(b!.id, 'dm');
    expect((await app.pendingNotices(10)).map((n) => [n.id, n.attempts])).toEqual([[a!.id, 1]]);
  });

  it('GIVEN queued notices WHEN the app is closed and opened again THEN they are still queued', async () => {
    const { app, entry, dir } = await story();
    await app.watchClaims({ userId: 'u1', ids: [entry.id] });
    await app.reviewClaim({ claimId: entry.id, status: 'refuted', note: 'n', reviewer: 'mo' });
    await app.close();
    const again = await createApp(testConfig(dir), { bundled: false });
    try {
      expect((await again.pendingNotices(10)).map((n) => n.newStatus)).toEqual(['refuted']);
    } finally {
      await again.close();
    }
  });

  it('GIVEN a watched claim WHEN the only document stating it is removed THEN one last notice says so and the watch ends', async () => {
    const { app, entry } = await story();
    await app.watchClaims({ userId: 'u1', channelId: 'c1', ids: [entry.id] });
    await app.removeDocument('d1');
    expect(await app.pendingNotices(10)).toMatchObject([{ userId: 'u1', oldStatus: 'unverified', newStatus: 'removed', reason: 'no document in the corpus states it any more' }]);
    expect(await app.listWatches('u1')).toEqual([]);
  });

  it('GIVEN the limit per member THEN no more watches are added, with a clear message', async () => {
    const { app, entry } = await story({ WATCH_MAX_PER_MEMBER: '1' });
    await app.importDocuments([doc('other', 'Norway announced new aid for Sudan on Monday.', { published: '2026-02-01' })]);
    const other = (await app.listClaims({})).find((e) => e.docId === 'other')!;
    await app.watchClaims({ userId: 'u1', ids: [entry.id] });
    await expect(app.watchClaims({ userId: 'u1', ids: [other.id] })).rejects.toThrow(/already watch 1 claims/);
    expect(await app.watchClaims({ userId: 'u1', ids: [entry.id] })).toMatchObject({ added: [], already: 1, total: 1 });
    expect(await app.unwatch('u1', entry.id)).toBe(true);
    expect(await app.listWatches('u1')).toEqual([]);
  });
});
