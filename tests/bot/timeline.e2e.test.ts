import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type AppInternals } from '../../app/create-app.js';
import type { Timeline, TimelineEntry } from '../../claims/timeline.js';
import { fitsDiscordLimits } from '../../bot/render/limits.js';
import { renderTimeline } from '../../bot/render/timeline.js';
import { buttonClick, slash } from './fake-discord/events.js';
import { startHarness, type Harness } from './harness.js';
import { doc } from '../helpers/deps.js';

const DOCS = [
  doc('d1', 'Chile accused Peru of flying military drones over the Atacama copper mines on Sunday.', { published: '2026-03-01', publisher: 'Andes Daily', title: 'Chile accuses Peru' }),
  doc('d2', 'Peru denied flying military drones over the Atacama copper mines.', { published: '2026-03-02', publisher: 'Lima Post', title: 'Peru denies' }),
  doc('d3', 'Bolivia urged Chile and Peru to exercise restraint over the drone dispute at the Atacama copper mines.', { published: '2026-03-03', publisher: 'La Paz Times', title: 'Bolivia urges restraint' }),
];

let h: Harness & { app: AppInternals };
beforeAll(async () => {
  h = (await startHarness(async (config) => {
    const app = await createApp(config, { bundled: false });
    await app.importDocuments([DOCS[1]!, DOCS[0]!, DOCS[2]!]);
    return app;
  })) as Harness & { app: AppInternals };
}, 60_000);
afterAll(async () => {
  await h?.close();
});

describe('/timeline through the fake Discord', () => {
  it('GIVEN a story over three days THEN the reply lists who said what in date order with the status after each, and attaches the picture', async () => {
    const { id, token } = h.fake.interact(slash(h.member(), 'timeline', [{ type: 3, name: 'about', value: 'drones Atacama' }]));
    const defer = await h.fake.waitForRequest((r) => r.path === `/api/v10/interactions/${id}/${token}/callback`);
    expect(defer.body.type).toBe(5);
    const edit = await h.fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(token), 20_000);
    const embed = edit.body.embeds[0];
    const d: string = embed.description;
    expect(d.indexOf('Chile accused Peru')).toBeLessThan(d.indexOf('Peru denied'));
    expect(d.indexOf('Peru denied')).toBeLessThan(d.indexOf('Bolivia urged'));
    expect(d).toMatch(/\*\*2026-03-01\*\* · 🟡 unverified · \*\*Chile\*\* accuse/);
    expect(d).toMatch(/\*\*2026-03-02\*\* · 🔴 disputed · \*\*Peru\*\* deny/);
    expect(d).toContain('Status: 🟡 unverified → 🔴 disputed');
    expect(embed.image.url).toBe('attachment://timeline.png');
    const png = edit.files!.find((f) => f.filename === 'timeline.png')!;
    expect(png.bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(fitsDiscordLimits(edit.body)).toBe(true);
    expect(edit.body.allowed_mentions.parse).toEqual([]);
  });

  it('GIVEN words that match nothing THEN the member is told privately', async () => {
    const { id, token } = h.fake.interact(slash(h.member(), 'timeline', [{ type: 3, name: 'about', value: 'volcano referendum' }]));
    const res = await h.fake.waitForRequest((r) => r.path === `/api/v10/interactions/${id}/${token}/callback`);
    expect(res.body.data.flags & 64).toBe(64);
    expect(res.body.data.content).toContain('Nothing in the claim ledger matches');
  });

  it('GIVEN a long timeline THEN Next turns the page in place, and every page fits Discord', async () => {
    const query = { actor: 'Peru' };
    const long: Timeline = { entries: Array.from({ length: 40 }, (_, k) => entry(k)), reviews: [], band: [] };
    const first = renderTimeline(long, query, 'Statements by Peru', 0, false);
    expect(fitsDiscordLimits(first)).toBe(true);
    const next = first.components[0]!.components.find((b) => 'label' in b && b.label === 'Next') as { custom_id: string };
    expect(next.custom_id).toBe('tl:1:p:Peru');
    const msg = h.fake.storeMessage({ ...(await sentMessage()), embeds: first.embeds, components: first.components as never });
    const real = h.app.timeline;
    h.app.timeline = async () => long; // the button asks the app again for the same query
    const { id, token } = h.fake.interact(buttonClick(h.member(), msg, next.custom_id));
    const res = await h.fake.waitForRequest((r) => r.path === `/api/v10/interactions/${id}/${token}/callback`);
    h.app.timeline = real;
    expect(res.body.type).toBe(7);
    expect(res.body.data.embeds[0].title).toMatch(/^Statements by Peru \(2\/\d+\)$/);
    expect(fitsDiscordLimits(res.body.data)).toBe(true);
  });
});

function entry(k: number): TimelineEntry {
  const quote = `Statement number ${k} about the drones: ${'words '.repeat(40)}`;
  return { date: `2026-03-${String(1 + (k % 28)).padStart(2, '0')}`, speaker: 'Peru', actor: 'Peru', stance: 'deny', status: 'disputed', quote,
    docId: 'd', start: 0, end: quote.length, title: 'T', publisher: 'P', id: `m${k}`, claimId: 'c', role: 'denial' };
}

async function sentMessage() {
  return { id: '909090909090909090', channel_id: h.member().channelId, guild_id: h.member().guildId, author: { id: '222222222222222222', username: 'bot', bot: true },
    content: '', embeds: [], components: [], attachments: [], mentions: [], mention_roles: [], mention_everyone: false, timestamp: new Date().toISOString(),
    edited_timestamp: null, tts: false, pinned: false, type: 0, flags: 0 };
}
