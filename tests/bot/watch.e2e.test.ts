import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type AppInternals } from '../../app/create-app.js';
import { startBot, type RunningBot } from '../../bot/client.js';
import { createLogger } from '../../bot/log.js';
import { fitsDiscordLimits } from '../../bot/render/limits.js';
import { buttonClick, slash } from './fake-discord/events.js';
import type { ApiMessage } from './fake-discord/payloads.js';
import { IDS, people, startHarness, type Harness } from './harness.js';
import { doc } from '../helpers/deps.js';

const CLAIM = 'Chile accused Peru of flying military drones over the Atacama copper mines on Sunday.';
const SECOND = 'Argentina said Peru flew military drones over the Atacama copper mines on Sunday.';
let h: Harness & { app: AppInternals };
let restarted: RunningBot | undefined;

beforeAll(async () => {
  h = (await startHarness(async (config) => {
    const app = await createApp(config, { bundled: false });
    await app.importDocuments([doc('d1', CLAIM, { published: '2026-03-01', publisher: 'Andes Daily', title: 'Chile accuses Peru' })]);
    return app;
  }, { env: { WATCH_POLL_MS: '600000' } })) as Harness & { app: AppInternals };
}, 60_000);
afterAll(async () => {
  await restarted?.stop();
  await h?.close();
});

async function askAndWatch(who = people.alice): Promise<{ answer: ApiMessage; reply: any }> {
  const { token } = h.fake.interact(slash(h.member(who), 'ask', [{ type: 3, name: 'question', value: 'Did Peru fly military drones over the Atacama copper mines?' }]));
  await h.fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(token), 20_000);
  const answer = h.fake.originalMessage(token)!;
  const watch = answer.components.flatMap((row: any) => row.components).find((b: any) => b.label === 'Watch');
  expect(watch, 'a Watch button under an answer with claims').toBeDefined();
  const { id, token: t2 } = h.fake.interact(buttonClick(h.member(who), answer, watch.custom_id));
  const reply = await h.fake.waitForRequest((r) => r.path === `/api/v10/interactions/${id}/${t2}/callback`);
  return { answer, reply };
}

describe('watched claims through the fake Discord', () => {
  it('GIVEN a member pressed Watch WHEN a new document changes the claim THEN they get one DM with old and new status, why, and the new source', async () => {
    const { reply } = await askAndWatch();
    expect(reply.body.data.flags & 64).toBe(64);
    expect(reply.body.data.content).toMatch(/^Watching 1 claim/);
    expect(reply.body.data.content).toContain('🟡 unverified');
    await h.app.importDocuments([doc('d2', SECOND, { published: '2026-03-02', publisher: 'Buenos Aires Herald', title: 'Argentina on the drones' })]);
    await h.bot.watches.tick();
    await h.bot.watches.tick();
    const dms = h.fake.dmsTo(people.alice.id);
    expect(dms).toHaveLength(1);
    const e = dms[0]!.embeds[0];
    expect(e.title).toBe('A claim you watch changed: 🟡 unverified → 🔵 corroborated');
    expect(e.description).toContain(CLAIM);
    expect(e.fields.find((f: any) => f.name === 'Why').value).toMatch(/independent sources/);
    expect(e.fields.find((f: any) => f.name === 'New source').value).toContain(SECOND);
    expect(e.fields.find((f: any) => f.name === 'New source').value).toContain('Buenos Aires Herald');
    expect(fitsDiscordLimits(dms[0]!)).toBe(true);
  });

  it('GIVEN closed DMs WHEN a moderator reviews the claim THEN the message goes to the channel where they asked, pinging nobody', async () => {
    await askAndWatch(people.mod);
    h.fake.closedDms.add(people.mod.id);
    const entry = (await h.app.listClaims({})).find((c) => c.text === CLAIM)!;
    await h.app.reviewClaim({ claimId: entry.id, status: 'refuted', note: 'Radar logs show no flights.', evidence: 'https://example.org/radar', reviewer: 'mo' });
    await h.bot.watches.tick();
    const post = await h.fake.waitForRequest((r) => r.method === 'POST' && r.path === `/api/v10/channels/${IDS.general}/messages` && String(r.body?.content).includes(people.mod.id));
    expect(post.body.embeds[0].title).toBe('A claim you watch changed: 🔵 corroborated → ⚫ refuted');
    expect(post.body.embeds[0].fields.map((f: any) => f.value)).toEqual(['Radar logs show no flights.', 'https://example.org/radar']);
    expect(post.body.allowed_mentions.parse).toEqual([]);
    expect(h.fake.dmsTo(people.alice.id)).toHaveLength(2); // alice watches it too: her DM for the review
  });

  it('GIVEN the bot is down when the status changes, or crashes between send and mark THEN the notice is delivered once after the restart', async () => {
    const log = createLogger({ level: 'silent' });
    const rateLimits = { user: { capacity: 1000, refillMs: 1 }, channel: { capacity: 1000, refillMs: 1 } };
    await h.bot.stop();
    const entry = (await h.app.listClaims({})).find((c) => c.text === CLAIM)!;
    await h.app.reviewClaim({ claimId: entry.id, status: 'disputed', note: 'Peru denies it.', reviewer: 'mo' });
    // The first start sends the DM but "crashes" before marking it sent.
    const mark = h.app.markNoticeSent;
    h.app.markNoticeSent = () => { throw new Error('killed before the mark'); };
    const first = await startBot(h.app, h.config, { log, rateLimits, registerCommands: false });
    await first.watches.tick();
    await first.stop();
    h.app.markNoticeSent = mark;
    expect(h.fake.dmsTo(people.alice.id)).toHaveLength(3);
    const second = await startBot(h.app, h.config, { log, rateLimits, registerCommands: false });
    await second.watches.tick();
    await second.stop();
    const third = await startBot(h.app, h.config, { log, rateLimits, registerCommands: false });
    await third.watches.tick();
    expect(await h.app.pendingNotices(10)).toEqual([]);
    expect(h.fake.dmsTo(people.alice.id).map((m) => m.embeds[0].title).filter((t: string) => t.endsWith('🔴 disputed'))).toHaveLength(1);
    restarted = third; // answers the next test; stopped after all
  });

  it('GIVEN /watch list and /watch remove THEN the member sees and stops their watches privately', async () => {
    const run = async (options: any[]) => {
      const { id, token } = h.fake.interact(slash(h.member(), 'watch', options));
      return h.fake.waitForRequest((r) => r.path === `/api/v10/interactions/${id}/${token}/callback`);
    };
    const list = await run([{ type: 1, name: 'list' }]);
    expect(list.body.data.flags & 64).toBe(64);
    expect(list.body.data.embeds[0].title).toBe('Claims you watch (1/25)');
    const claimId = /`(c[0-9a-f]+)`/.exec(list.body.data.embeds[0].description)![1]!;
    const removed = await run([{ type: 1, name: 'remove', options: [{ type: 3, name: 'claim', value: claimId }] }]);
    expect(removed.body.data.content).toContain('You no longer watch');
    expect(await h.app.listWatches(people.alice.id)).toEqual([]);
  });
});
