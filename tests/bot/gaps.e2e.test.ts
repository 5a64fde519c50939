import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app/create-app.js';
import type { AppInternals } from '../../app/create-app.js';
import { slash, userMessage } from './fake-discord/events.js';
import { IDS, botUser, people, startHarness, type Harness } from './harness.js';
import { doc } from '../helpers/deps.js';

const MANAGE_GUILD = (1n << 5n).toString();
let h: Harness & { app: AppInternals };

beforeAll(async () => {
  h = (await startHarness(async (config) => {
    const app = await createApp(config, { bundled: false });
    await app.importDocuments([doc('freedonia', 'Freedonia recalled its ambassador from Sylvania on 3 January 2026, the Freedonian foreign ministry said.', { published: '2026-01-03' })]);
    return app;
  })) as Harness & { app: AppInternals };
}, 60_000);
afterAll(async () => {
  await h?.close();
});

async function mention(content: string) {
  const msg = userMessage({ author: people.alice, channelId: IDS.general, guildId: IDS.guild, content: `<@${IDS.bot}> ${content}`, mentions: [botUser] });
  h.fake.dispatch('MESSAGE_CREATE', msg);
  return h.fake.waitForRequest((r) => r.body?.message_reference?.message_id === msg.id, 20_000);
}

async function gaps(permissions: string) {
  const { id, token } = h.fake.interact(slash(h.member(people.maintainer, { permissions }), 'gaps'));
  return h.fake.waitForRequest((r) => r.path === `/api/v10/interactions/${id}/${token}/callback`);
}

describe('/gaps through the fake Discord', () => {
  it('GIVEN members asked what the corpus does not cover THEN a maintainer sees the question, grouped and counted, without who asked', async () => {
    await mention('Why did the lighthouse keepers of Marx strike?');
    await mention('why did the lighthouse keepers in Marx strike');
    const res = await gaps(MANAGE_GUILD);
    expect(res.body.data.flags & 64).toBe(64);
    const d: string = res.body.data.embeds[0].description;
    expect(d).toContain('**2×**');
    expect(d).toContain('Why did the lighthouse keepers of Marx strike?');
    expect(d).toContain('also: “why did the lighthouse keepers in Marx strike”');
    expect(d).not.toContain(people.alice.id);
    expect(res.body.data.allowed_mentions.parse).toEqual([]);
  });

  it('GIVEN a member without Manage Server THEN /gaps is refused privately', async () => {
    const res = await gaps('1024');
    expect(res.body.data.flags & 64).toBe(64);
    expect(res.body.data.content).toContain('Manage Server');
  });
});
