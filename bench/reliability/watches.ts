import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../app/config.js';
import { createApp, type AppInternals } from '../../app/create-app.js';
import { deliverPending } from '../../app/watch-outbox.js';
import type { WatchNotice } from '../../app/watches.js';
import type { LedgerEntry } from '../../claims/ledger-store.js';
import type { DocumentInput } from '../../core/documents.js';

/** What the watches part measured. */
export interface WatchReport {
  watches: number;
  changes: number;
  /** Notices the changes owed (each change, once per member watching the claim). */
  expected: number;
  /** Distinct notices that reached a member. */
  sent: number;
  /** Owed but never delivered (must be 0). */
  lost: number;
  /** Repeats after a crash between send and mark, suppressed by the nonce (never shown twice). */
  repeats: number;
  /** Delivered but not owed (must be 0). */
  extra: number;
  failedSends: number;
  restarts: number;
  ms: number;
}

const CLAIMS = 20;
const MEMBERS = 200;
const PER_MEMBER = 5;

function stories(): DocumentInput[] {
  const places = ['Atacama', 'Patagonia', 'Altiplano', 'Chaco', 'Pampas', 'Andes', 'Orinoco', 'Amazonas', 'Llanos', 'Sertao'];
  return Array.from({ length: CLAIMS }, (_, k) => {
    const place = `${places[k % places.length]} ${k < places.length ? 'north' : 'south'}`;
    const text = `Chile accused Peru of flying military drones over the ${place} copper mine number ${k + 1} on Sunday.`;
    return { meta: { id: `watch-story-${k}`, title: `Drones over ${place}`, kind: 'news report', published: `2026-03-${String(1 + (k % 27)).padStart(2, '0')}`, publisher: 'Andes Daily' }, text, origin: `watch-story-${k}` };
  });
}

/** A simulated Discord: refuses one send in ten, and like Discord shows a nonce's message once. */
function transport(seed: number) {
  let rnd = seed;
  const random = () => ((rnd = (rnd * 1103515245 + 12345) % 2147483648) / 2147483648);
  const shown = new Set<string>();
  const t = { shown, repeats: 0, failedSends: 0, send: async (n: WatchNotice): Promise<'dm'> => {
    if (random() < 0.1) { t.failedSends += 1; throw new Error('simulated 5xx from Discord'); }
    const nonce = `watch-${n.id}`;
    if (shown.has(nonce)) t.repeats += 1; // Discord returns the first message; nothing new is shown
    else shown.add(nonce);
    return 'dm';
  } };
  return t;
}

/** 200 members watching 5 of the claims each; watchers per claim id. */
async function watchAll(app: AppInternals, claims: readonly string[]): Promise<Map<string, number>> {
  const watchers = new Map<string, number>();
  for (let u = 0; u < MEMBERS; u++) {
    const ids = Array.from({ length: PER_MEMBER }, (_, j) => claims[(u + j * 3) % claims.length]!);
    for (const w of (await app.watchClaims({ userId: `member-${u}`, channelId: 'bench', ids })).added) watchers.set(w.claimId, (watchers.get(w.claimId) ?? 0) + 1);
  }
  return watchers;
}

/**
 * 1,000 watches (200 members × 5 claims of 20) and 50 status changes (moderator reviews), delivered by
 * the same outbox loop as the bot (app/watch-outbox.ts) through a simulated Discord that refuses one send
 * in ten and honours nonces like Discord, with the process "killed" (the app closed and opened again)
 * three times, once right after a send and before its mark. Counts notices owed, delivered, lost, repeated.
 */
export async function runWatches(workDir: string, seed = 7): Promise<WatchReport> {
  const t0 = performance.now();
  const dir = path.join(workDir, 'watches');
  mkdirSync(dir, { recursive: true });
  const config = loadConfig({ env: { DATA_DIR: dir }, envFile: null });
  let app: AppInternals = await createApp(config, { bundled: false });
  const net = transport(seed);
  let restarts = 0;
  const restart = async () => {
    await app.close();
    app = await createApp(config, { bundled: false });
    restarts += 1;
  };
  try {
    await app.importDocuments(stories());
    const entries = (await app.listClaims({}) as LedgerEntry[]).filter((c) => c.docId.startsWith('watch-story-'));
    const claims = entries.map((c) => c.id);
    const claimOf = new Map(entries.map((e) => [e.id, e.claimId]));
    const watchers = await watchAll(app, claims);
    const watches = [...watchers.values()].reduce((a, b) => a + b, 0);
    let expected = 0;
    for (let c = 0; c < 50; c++) {
      const claim = claims[c % claims.length]!;
      const status = (['refuted', 'verified'] as const)[Math.floor(c / claims.length) % 2]!;
      const before = (await app.listClaims({})).find((e) => e.id === claim)!.status;
      await app.reviewClaim({ claimId: claim, status, note: `bench change ${c}`, reviewer: 'bench' });
      if (before !== status) expected += watchers.get(claimOf.get(claim)!) ?? 0;
      if (c % 5 === 4) await deliverPending(app, net.send, 60);
      if (c === 14 || c === 29) await restart(); // killed between rounds: the outbox is all that survives
      if (c === 39) { // killed after a send, before its mark
        const [n] = await app.pendingNotices(1);
        if (n) await net.send(n).catch(() => undefined);
        await restart();
      }
    }
    for (let round = 0; round < 200 && (await app.pendingNotices(1)).length > 0; round++) await deliverPending(app, net.send, 200);
    const sent = net.shown.size;
    return { watches, changes: 50, expected, sent, lost: Math.max(0, expected - sent), extra: Math.max(0, sent - expected), repeats: net.repeats,
      failedSends: net.failedSends, restarts, ms: performance.now() - t0 };
  } finally {
    await app.close();
  }
}
