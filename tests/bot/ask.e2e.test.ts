import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fitsDiscordLimits } from '../../bot/render/limits.js';
import { FakeApp } from './fake-app.js';
import { slash, userMessage } from './fake-discord/events.js';
import { messageObject } from './fake-discord/payloads.js';
import { IDS, TOKEN, botUser, people, startHarness, type Harness } from './harness.js';

let h: Harness & { app: FakeApp };

beforeAll(async () => {
  h = (await startHarness((config) => new FakeApp(config))) as Harness & { app: FakeApp };
});
afterAll(async () => {
  await h?.close();
});

const original = (token: string) => (r: { method: string; path: string }) =>
  r.method === 'PATCH' && r.path === `/api/v10/webhooks/${IDS.app}/${token}/messages/@original`;

describe('bot against a fake Discord', () => {
  it('registers the slash commands in the configured guild at start-up', async () => {
    const put = await h.fake.waitForRequest((r) => r.method === 'PUT' && r.path.endsWith('/commands'));
    expect(put.path).toBe(`/api/v10/applications/${IDS.app}/guilds/${IDS.guild}/commands`);
    expect((put.body as { name: string }[]).map((c) => c.name).sort()).toEqual(['ask', 'claims', 'corpus', 'feedback', 'gaps', 'review', 'stats', 'timeline', 'watch']);
  });

  it('/ask defers, then edits the original response with a cited answer', async () => {
    const { id, token } = h.fake.interact(slash(h.member(), 'ask', [{ type: 3, name: 'question', value: 'What did Pakistan say?' }]));
    const defer = await h.fake.waitForRequest((r) => r.path === `/api/v10/interactions/${id}/${token}/callback`);
    expect(defer.body).toMatchObject({ type: 5 });
    const edit = await h.fake.waitForRequest(original(token));
    const embed = edit.body.embeds[0];
    expect(embed.title).toBe('What did Pakistan say?');
    expect(embed.description).toContain('[1]');
    expect(embed.description).toContain('[2]');
    expect(embed.fields.map((f: { name: string }) => f.name).join('\n')).toContain('[1] [2] Pakistan condemns alleged attack on Putin residence');
    expect(JSON.stringify(embed.fields)).toContain('🔴 disputed');
    expect(edit.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(fitsDiscordLimits(edit.body)).toBe(true);
    const labels = edit.body.components[0].components.map((c: { label?: string; emoji?: { name: string } }) => c.label ?? c.emoji?.name);
    expect(labels).toEqual(['Sources', '👍', '👎', 'Report', 'Watch']);
  });

  it('answers a mention in a channel with typing first and a cited reply', async () => {
    const before = h.fake.requests.length;
    const msg = userMessage({ author: people.alice, channelId: IDS.general, guildId: IDS.guild, content: `<@${IDS.bot}> Did Ukraine attack Putin's residence?`, mentions: [botUser] });
    h.fake.dispatch('MESSAGE_CREATE', msg);
    const sent = await h.fake.waitForRequest((r) => r.method === 'POST' && r.path === `/api/v10/channels/${IDS.general}/messages` && r.body?.message_reference?.message_id === msg.id);
    const typing = h.fake.requests.findIndex((r, i) => i >= before && r.path === `/api/v10/channels/${IDS.general}/typing`);
    expect(typing).toBeGreaterThanOrEqual(before);
    expect(sent.body.embeds[0].title).toBe("Did Ukraine attack Putin's residence?");
    expect(sent.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    const call = h.app.calls.filter((c) => c.method === 'answer').at(-1)!;
    expect(call.args[0]).toBe("Did Ukraine attack Putin's residence?");
  });

  it('never logs the token', () => {
    expect(h.logs.join('\n')).not.toContain(TOKEN);
    expect(h.fake.requests.some((r) => r.headers.authorization === `Bot ${TOKEN}`)).toBe(true);
  });
});

describe('follow-ups, DMs and what the bot ignores', () => {
  const answers = () => h.app.calls.filter((c) => c.method === 'answer');

  it('a reply to an answer (found in memory) asks a follow-up with the earlier question', async () => {
    const { token } = h.fake.interact(slash(h.member(), 'ask', [{ type: 3, name: 'question', value: 'Who condemned the attack?' }]));
    await h.fake.waitForRequest(original(token));
    const earlier = h.fake.originalMessage(token)!;
    const msg = userMessage({ author: people.alice, channelId: IDS.general, guildId: IDS.guild, content: 'And what did Kyiv say?', reference: earlier });
    h.fake.dispatch('MESSAGE_CREATE', msg);
    const sent = await h.fake.waitForRequest((r) => r.body?.message_reference?.message_id === msg.id);
    expect(answers().at(-1)!.args).toEqual(['And what did Kyiv say?', expect.objectContaining({ followUp: expect.objectContaining({ question: 'Who condemned the attack?' }) })]);
    expect(sent.body.embeds[0].title).toBe('And what did Kyiv say?');
  });

  it('falls back to fetching the replied-to message and reading the question from its embed', async () => {
    const earlier = h.fake.storeMessage(
      messageObject({ channel_id: IDS.general, guild_id: IDS.guild, author: botUser, embeds: [{ title: 'What did Lavrov assert?', description: 'x [1]' }] }),
    );
    const msg = userMessage({ author: people.alice, channelId: IDS.general, guildId: IDS.guild, content: `<@${IDS.bot}> how many drones?`, mentions: [botUser], reference: earlier, includeReferenced: false });
    h.fake.dispatch('MESSAGE_CREATE', msg);
    await h.fake.waitForRequest((r) => r.body?.message_reference?.message_id === msg.id);
    expect(h.fake.requests.some((r) => r.method === 'GET' && r.path === `/api/v10/channels/${IDS.general}/messages/${earlier.id}`)).toBe(true);
    expect(answers().at(-1)!.args[1]).toMatchObject({ followUp: { question: 'What did Lavrov assert?' } });
  });

  it('answers a direct message', async () => {
    const dm = '888888888888888888';
    const msg = userMessage({ author: people.alice, channelId: dm, content: 'What did Pakistan say?' });
    h.fake.dispatch('MESSAGE_CREATE', msg);
    const sent = await h.fake.waitForRequest((r) => r.path === `/api/v10/channels/${dm}/messages`);
    expect(sent.body.embeds[0].description).toContain('[1]');
  });

  it('/ask works in a DM with the bot', async () => {
    const { token } = h.fake.interact(slash({ user: people.alice, channelId: '898989898989898989', dm: true }, 'ask', [{ type: 3, name: 'question', value: 'In private?' }]));
    const edit = await h.fake.waitForRequest(original(token));
    expect(edit.body.embeds[0].title).toBe('In private?');
  });

  it('points to /ask when a mention carries no text', async () => {
    const msg = userMessage({ author: people.alice, channelId: IDS.general, guildId: IDS.guild, content: `<@${IDS.bot}>`, mentions: [botUser] });
    h.fake.dispatch('MESSAGE_CREATE', msg);
    const sent = await h.fake.waitForRequest((r) => r.body?.message_reference?.message_id === msg.id);
    expect(sent.body.content).toContain('/ask');
    expect(sent.body.allowed_mentions.parse).toEqual([]);
  });

  it('ignores other bots and messages that do not address it', async () => {
    const n = answers().length;
    h.fake.dispatch('MESSAGE_CREATE', userMessage({ author: people.otherBot, channelId: IDS.general, guildId: IDS.guild, content: `<@${IDS.bot}> hi`, mentions: [botUser] }));
    h.fake.dispatch('MESSAGE_CREATE', userMessage({ author: people.alice, channelId: IDS.general, guildId: IDS.guild, content: 'just chatting' }));
    h.fake.dispatch('MESSAGE_CREATE', userMessage({ author: botUser, channelId: IDS.general, guildId: IDS.guild, content: `<@${IDS.bot}> me` , mentions: [botUser] }));
    // a marker message afterwards proves the three were processed (events are handled in order)
    const probe = userMessage({ author: people.alice, channelId: IDS.general, guildId: IDS.guild, content: `<@&${IDS.botRole}> via the role`, mentionRoles: [IDS.botRole] });
    h.fake.dispatch('MESSAGE_CREATE', probe);
    await h.fake.waitForRequest((r) => r.body?.message_reference?.message_id === probe.id);
    expect(answers().length).toBe(n + 1);
    expect(answers().at(-1)!.args[0]).toBe('via the role');
  });
});
