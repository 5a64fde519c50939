import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type AppInternals } from '../../app/create-app.js';
import { importPool } from '../../bench/reliability/import-data.js';
import { loadQuestions, quantile, toBatches, watchEventLoop } from '../../bench/reliability/load.js';
import { DEFAULT_RATE_LIMITS } from '../../bot/rate-limit.js';
import { limitViolations } from '../../bot/render/limits.js';
import { slash } from '../bot/fake-discord/events.js';
import { user } from '../bot/fake-discord/payloads.js';
import type { RecordedRequest } from '../bot/fake-discord/server.js';
import { startHarness, type Harness } from '../bot/harness.js';

// Many members asking at once through the fake Discord, with the bot's own (default) rate limits, while
// a large import runs in the same process. Discord wants every interaction acknowledged within 3 s.
const USERS = 12;
const CHANNELS = 4;
const PER_USER = 7;

let h: Harness & { app: AppInternals };
beforeAll(async () => {
  h = (await startHarness((config) => createApp(config), { start: { rateLimits: DEFAULT_RATE_LIMITS } })) as Harness & { app: AppInternals };
}, 60_000);
afterAll(async () => {
  await h?.close();
});

interface Outcome { ackMs: number; doneMs: number; kind: 'answered' | 'limited' | 'error' }

function track(id: string, token: string): Promise<Outcome> {
  const t0 = performance.now();
  let ackMs = -1;
  return new Promise((resolve) => {
    const timer = setTimeout(() => { h.fake.off('request', on); resolve({ ackMs, doneMs: -1, kind: 'error' }); }, 30_000);
    const finish = (o: Outcome) => { clearTimeout(timer); h.fake.off('request', on); resolve(o); };
    const on = (r: RecordedRequest) => {
      if (r.path === `/api/v10/interactions/${id}/${token}/callback`) {
        ackMs = performance.now() - t0;
        if (r.body.type === 4) finish({ ackMs, doneMs: ackMs, kind: /Slow down/.test(r.body.data.content) ? 'limited' : 'error' });
      } else if (r.method === 'PATCH' && r.path.includes(token)) {
        const ok = r.body.embeds?.length > 0 && limitViolations(r.body).length === 0;
        finish({ ackMs, doneMs: performance.now() - t0, kind: ok ? 'answered' : 'error' });
      }
    };
    h.fake.on('request', on);
  });
}

describe('load through the fake Discord', () => {
  it(`GIVEN ${USERS} members asking ${PER_USER} questions each in ${CHANNELS} channels during an import THEN no errors, every ack within 3 s, the rate limits hold`, async () => {
    const questions = loadQuestions();
    const members = Array.from({ length: USERS }, (_, i) => user(`77777777777777${String(1000 + i)}`, `member${i}`));
    const channels = Array.from({ length: CHANNELS }, (_, i) => `88888888888888${String(1000 + i)}`);
    const before = h.app.stats().documents;
    const importing = (async () => {
      for (const batch of toBatches(importPool(240), 20)) await h.app.importDocuments(batch);
      await h.app.saveIndex();
    })();
    const pending: Promise<Outcome>[] = [];
    for (let round = 0; round < PER_USER; round++) {
      members.forEach((u, i) => {
        const actor = h.member(u, { channelId: channels[i % CHANNELS]! });
        const { id, token } = h.fake.interact(slash(actor, 'ask', [{ type: 3, name: 'question', value: questions[(round * USERS + i) % questions.length]! }]));
        pending.push(track(id, token));
      });
      await new Promise((r) => setTimeout(r, 40));
    }
    const outcomes = await Promise.all(pending);
    await importing;
    const count = (k: Outcome['kind']) => outcomes.filter((o) => o.kind === k).length;
    const done = outcomes.filter((o) => o.kind === 'answered').map((o) => o.doneMs);
    const acks = outcomes.map((o) => o.ackMs);
    const figures = {
      requests: outcomes.length, answered: count('answered'), limited: count('limited'), errors: count('error'),
      ackP99Ms: Math.round(quantile(acks, 0.99)), ackMaxMs: Math.round(Math.max(...acks)),
      answerP50Ms: Math.round(quantile(done, 0.5)), answerP99Ms: Math.round(quantile(done, 0.99)),
      imported: h.app.stats().documents - before,
    };
    console.info(`discord load: ${JSON.stringify(figures)}`);
    expect(figures.errors).toBe(0);
    expect(figures.ackMaxMs).toBeLessThan(3000);
    // Default limits: 5 at once per user, 15 per channel (refills are slow next to this burst).
    expect(figures.answered).toBeLessThanOrEqual(CHANNELS * DEFAULT_RATE_LIMITS.channel.capacity + 4);
    expect(figures.answered).toBeGreaterThanOrEqual(CHANNELS * DEFAULT_RATE_LIMITS.channel.capacity);
    expect(figures.answered + figures.limited).toBe(USERS * PER_USER);
    expect(figures.imported).toBeGreaterThan(0);
    expect(h.app.deps.index.size).toBe(h.app.deps.store.counts().chunks);
  });

  // BUG (corpus/loaders/html.ts, and ingestion in general): loading runs synchronously in the bot's process,
  // 2-4 s per MB of HTML (this 1.8 MB page of empty table rows, 58 characters of text: ~6 s; an 18.7 MB
  // table: 183 s and 3.6 GB RSS). While a maintainer's upload is parsed nobody else's command can be
  // acknowledged, and Discord fails any interaction not acknowledged within 3 s. Fix: parse and ingest in
  // a worker thread (with resourceLimits and a time-out), or refuse HTML over an element count before parsing.
  // Fixed by refusing HTML with more than 60,000 elements before parsing (corpus/loaders/html.ts); the
  // time the event loop was blocked is printed, and measured by the heavy stage of `npm run reliability`.
  it('GIVEN a maintainer adding a 1.8 MB HTML page of 300,000 elements THEN it is refused before parsing, privately', async () => {
    const page = new TextEncoder().encode('<html><body><p>The ministry of Freedonia said the border would stay open.</p><table>' +
      `${'<tr><td></td></tr>'.repeat(100_000)}</table></body></html>`);
    const url = h.fake.serveFile('table.html', page, 'text/html');
    const att = { id: '131313131313131313', filename: 'table.html', size: page.byteLength, url, proxy_url: url, content_type: 'text/html' };
    const maintainer = h.member(user('666666666666666663', 'mae'), { permissions: (1n << 5n).toString() });
    const add = h.fake.interact(slash(maintainer, 'corpus', [{ type: 1, name: 'add', options: [{ type: 11, name: 'attachment', value: att.id }] }], { attachments: { [att.id]: att } }));
    const added = track(add.id, add.token);
    await h.fake.waitForRequest((r) => r.method === 'GET' && r.path === '/files/table.html');
    // The fake Discord runs in this process too, so a blocked event loop cannot be seen as a late ack
    // here: measure the block itself, which is how late any member's ack would be.
    const loop = watchEventLoop();
    const a = await added;
    const blockedMs = Math.round(loop.stop());
    console.info(`html upload: added in ${Math.round(a.doneMs)} ms; event loop blocked up to ${blockedMs} ms`);
    expect(a.doneMs).toBeGreaterThanOrEqual(0);
    expect(h.fake.requests.some((r) => JSON.stringify(r.body ?? '').includes('more than 60000 elements'))).toBe(true);
  }, 60_000);
});
