import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type AppInternals } from '../../app/create-app.js';
import { importPool } from '../../bench/reliability/import-data.js';
import { loadQuestions, toBatches } from '../../bench/reliability/load.js';
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

type Kind = 'answered' | 'limited' | 'error';

// What happened, in order: the fake Discord's acknowledgements and edits, the app starting an answer,
// and the import's batches. Order is what Discord's 3 s rule depends on, and order has no clock.
type Step = { at: 'ack' | 'edit' | 'answer'; question: string } | { at: 'batch-start' | 'batch-end' | 'tick' };

function track(id: string, token: string, question: string, log: Step[]): Promise<Kind> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => { h.fake.off('request', on); resolve('error'); }, 30_000);
    const finish = (k: Kind) => { clearTimeout(timer); h.fake.off('request', on); resolve(k); };
    const on = (r: RecordedRequest) => {
      if (r.path === `/api/v10/interactions/${id}/${token}/callback`) {
        log.push({ at: 'ack', question });
        if (r.body.type === 4) finish(/Slow down/.test(r.body.data.content) ? 'limited' : 'error');
      } else if (r.method === 'PATCH' && r.path.includes(token)) {
        log.push({ at: 'edit', question });
        finish(r.body.embeds?.length > 0 && limitViolations(r.body).length === 0 ? 'answered' : 'error');
      }
    };
    h.fake.on('request', on);
  });
}

/** Questions whose answer started before as many of their interactions had been acknowledged. */
function answeredBeforeAck(log: readonly Step[]): string[] {
  const acked = new Map<string, number>();
  const started = new Map<string, number>();
  const early: string[] = [];
  for (const s of log) {
    if (s.at === 'ack') acked.set(s.question, (acked.get(s.question) ?? 0) + 1);
    if (s.at === 'answer') {
      started.set(s.question, (started.get(s.question) ?? 0) + 1);
      if (started.get(s.question)! > (acked.get(s.question) ?? 0)) early.push(s.question);
    }
  }
  return early;
}

/** Import batches during which no timer fired (the event loop was held for the whole batch). */
function batchesWithoutATick(log: readonly Step[]): number {
  let blocked = 0;
  let ticked = false;
  for (const s of log) {
    if (s.at === 'batch-start') ticked = false;
    if (s.at === 'tick') ticked = true;
    if (s.at === 'batch-end' && !ticked) blocked++;
  }
  return blocked;
}

describe('load through the fake Discord', () => {
  it(`GIVEN ${USERS} members asking ${PER_USER} questions each in ${CHANNELS} channels during an import THEN no errors, every interaction acknowledged before its answer is worked on, the loop turns during every batch, the rate limits hold`, async () => {
    const questions = loadQuestions();
    const members = Array.from({ length: USERS }, (_, i) => user(`77777777777777${String(1000 + i)}`, `member${i}`));
    const channels = Array.from({ length: CHANNELS }, (_, i) => `88888888888888${String(1000 + i)}`);
    const before = (await h.app.stats()).documents;
    const log: Step[] = [];
    h.fake.setMaxListeners(USERS * PER_USER + 10); // one listener per tracked interaction
    const answer = h.app.answer.bind(h.app);
    h.app.answer = (q, opts) => { log.push({ at: 'answer', question: q }); return answer(q, opts); };
    const ticker = setInterval(() => log.push({ at: 'tick' }), 1);
    let acksDuringImport = 0;
    const importing = (async () => {
      for (const batch of toBatches(importPool(240), 20)) {
        log.push({ at: 'batch-start' });
        const acksBefore = log.filter((s) => s.at === 'ack').length;
        await h.app.importDocuments(batch);
        acksDuringImport += log.filter((s) => s.at === 'ack').length - acksBefore;
        log.push({ at: 'batch-end' });
      }
      await h.app.saveIndex();
    })();
    const pending: Promise<Kind>[] = [];
    try {
      for (let round = 0; round < PER_USER; round++) {
        members.forEach((u, i) => {
          const actor = h.member(u, { channelId: channels[i % CHANNELS]! });
          const question = questions[(round * USERS + i) % questions.length]!;
          const { id, token } = h.fake.interact(slash(actor, 'ask', [{ type: 3, name: 'question', value: question }]));
          pending.push(track(id, token, question, log));
        });
        await new Promise((r) => setTimeout(r, 40));
      }
      await importing;
    } finally {
      clearInterval(ticker);
    }
    const outcomes = await Promise.all(pending);
    h.app.answer = answer;
    const count = (k: Kind) => outcomes.filter((o) => o === k).length;
    const figures = {
      requests: outcomes.length, answered: count('answered'), limited: count('limited'), errors: count('error'),
      imported: (await h.app.stats()).documents - before, acksDuringImport,
    };
    console.info(`discord load: ${JSON.stringify(figures)}`);
    expect(figures.errors).toBe(0);
    // Discord fails an interaction not acknowledged within 3 s: the bot defers before any slow work...
    expect(answeredBeforeAck(log)).toEqual([]);
    // ...and the import never holds the event loop for a whole batch, so members are acknowledged meanwhile.
    expect(batchesWithoutATick(log)).toBe(0);
    expect(figures.acksDuringImport).toBeGreaterThan(0);
    // Default limits: 5 at once per user, 15 per channel (refills are slow next to this burst).
    expect(figures.answered).toBeLessThanOrEqual(CHANNELS * DEFAULT_RATE_LIMITS.channel.capacity + 4);
    expect(figures.answered).toBeGreaterThanOrEqual(CHANNELS * DEFAULT_RATE_LIMITS.channel.capacity);
    expect(figures.answered + figures.limited).toBe(USERS * PER_USER);
    expect(figures.imported).toBeGreaterThan(0);
    expect(h.app.deps.index.size).toBe((await h.app.deps.storage.documents.counts()).passages);
  });

  // BUG (corpus/loaders/html.ts, and ingestion in general): loading runs synchronously in the bot's process,
  // 2-4 s per MB of HTML (this 1.8 MB page of empty table rows, 58 characters of text: ~6 s; an 18.7 MB
  // table: 183 s and 3.6 GB RSS). While a maintainer's upload is parsed nobody else's command can be
  // acknowledged, and Discord fails any interaction not acknowledged within 3 s. Fix: parse and ingest in
  // a worker thread (with resourceLimits and a time-out), or refuse HTML over an element count before parsing.
  // Fixed by refusing HTML with more than 60,000 elements before parsing (corpus/loaders/html.ts); how
  // long the event loop is blocked is measured by the heavy stage of `npm run reliability`.
  it('GIVEN a maintainer adding a 1.8 MB HTML page of 300,000 elements THEN it is acknowledged before the download and refused before parsing, privately', async () => {
    const page = new TextEncoder().encode('<html><body><p>The ministry of Freedonia said the border would stay open.</p><table>' +
      `${'<tr><td></td></tr>'.repeat(100_000)}</table></body></html>`);
    const url = h.fake.serveFile('table.html', page, 'text/html');
    const att = { id: '131313131313131313', filename: 'table.html', size: page.byteLength, url, proxy_url: url, content_type: 'text/html' };
    const maintainer = h.member(user('666666666666666663', 'mae'), { permissions: (1n << 5n).toString() });
    const from = h.fake.requests.length;
    const add = h.fake.interact(slash(maintainer, 'corpus', [{ type: 1, name: 'add', options: [{ type: 11, name: 'attachment', value: att.id }] }], { attachments: { [att.id]: att } }));
    const log: Step[] = [];
    expect(await track(add.id, add.token, 'table.html', log)).toBe('error'); // a refusal, not an answer embed
    const seen = h.fake.requests.slice(from);
    const ack = seen.findIndex((r) => r.path === `/api/v10/interactions/${add.id}/${add.token}/callback`);
    const download = seen.findIndex((r) => r.method === 'GET' && r.path === '/files/table.html');
    const refusal = seen.find((r) => r.method === 'PATCH' && r.path.includes(add.token));
    expect(ack).toBeGreaterThanOrEqual(0);
    expect(download).toBeGreaterThan(ack);
    expect(seen[ack]!.body.data.flags & 64).toBe(64);
    // The refusal of the element count, which is checked before the page is parsed.
    expect(JSON.stringify(refusal?.body)).toContain('more than 60000 elements');
  }, 60_000);
});
