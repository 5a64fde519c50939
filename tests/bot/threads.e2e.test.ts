import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from '../../bot/client.js';
import { createLogger } from '../../bot/log.js';
import { FakeApp, sampleAnswer } from './fake-app.js';
import { snowflake } from './fake-discord/ids.js';
import { threadChannel } from './fake-discord/payloads.js';
import { userMessage } from './fake-discord/events.js';
import { IDS, botUser, people, startHarness, type Harness } from './harness.js';

let h: Harness & { app: FakeApp };
let restarted: RunningBot | undefined;
beforeAll(async () => {
  h = (await startHarness((config) => new FakeApp(config), {
    env: { THREAD_ANSWERS: 'busy', THREAD_BUSY_MESSAGES: '3', FORUM_CHANNEL_IDS: IDS.forum },
  })) as Harness & { app: FakeApp };
});
afterAll(async () => {
  await restarted?.stop();
  await h?.close();
});

const say = (channelId: string, content: string, mention = true, id?: string) => {
  const msg = userMessage({ author: people.alice, channelId, guildId: IDS.guild, content: mention ? `<@${IDS.bot}> ${content}` : content, mentions: mention ? [botUser] : [] });
  if (id) msg.id = id;
  h.fake.dispatch('MESSAGE_CREATE', msg);
  return msg;
};
const postedIn = (channelId: string) => (r: { method: string; path: string }) => r.method === 'POST' && r.path === `/api/v10/channels/${channelId}/messages`;
const lastAsk = () => h.app.calls.filter((c) => c.method === 'answer').at(-1)!.args as [string, { followUp?: { question: string } }];

describe('threads and forums', () => {
  it('GIVEN a quiet channel THEN a mention is answered with a reply; GIVEN a busy one THEN in a new thread on the question', async () => {
    const quiet = say(IDS.quiet, 'What did Pakistan say?');
    await h.fake.waitForRequest((r) => postedIn(IDS.quiet)(r) && r.body?.message_reference?.message_id === quiet.id);
    for (const text of ['hello', 'busy here', 'lots of talk']) say(IDS.general, text, false);
    const q = say(IDS.general, 'Why did Russia accuse Ukraine?');
    const open = await h.fake.waitForRequest((r) => r.method === 'POST' && r.path === `/api/v10/channels/${IDS.general}/messages/${q.id}/threads`);
    expect(open.body.name).toBe('Why did Russia accuse Ukraine?');
    const answer = await h.fake.waitForRequest(postedIn(q.id));
    expect(answer.body.embeds[0].title).toBe('Why did Russia accuse Ukraine?');
    expect(answer.body.allowed_mentions.parse).toEqual([]);
  });

  it('GIVEN a thread the bot opened THEN a message there without a mention is a follow-up of the thread’s earlier questions', async () => {
    const threadId = [...h.fake.threads.keys()].at(-1)!;
    const before = h.fake.requests.filter(postedIn(threadId)).length;
    say(threadId, 'And what did Pakistan say about it?', false);
    await h.fake.waitForRequest((r) => postedIn(threadId)(r) && h.fake.requests.filter(postedIn(threadId)).length > before);
    const [question, opts] = lastAsk();
    expect(question).toBe('And what did Pakistan say about it?');
    expect(opts.followUp?.question).toContain('Why did Russia accuse Ukraine?');
  });

  it('GIVEN the bot restarted THEN a follow-up in its thread still uses the questions asked there before', async () => {
    const threadId = [...h.fake.threads.keys()].at(-1)!;
    const log = createLogger({ level: 'silent' });
    const rateLimits = { user: { capacity: 1000, refillMs: 1 }, channel: { capacity: 1000, refillMs: 1 } };
    await h.bot.stop();
    restarted = await startBot(h.app, h.config, { log, rateLimits, registerCommands: false });
    const before = h.fake.requests.filter(postedIn(threadId)).length;
    say(threadId, 'And what did Ukraine say?', false);
    await h.fake.waitForRequest((r) => postedIn(threadId)(r) && h.fake.requests.filter(postedIn(threadId)).length > before);
    const [, opts] = lastAsk();
    expect(opts.followUp?.question).toContain('Why did Russia accuse Ukraine?');
    expect(opts.followUp?.question).toContain('And what did Pakistan say about it?');
  });

  it('GIVEN a new post in a configured forum THEN its title is answered as a question, in the post', async () => {
    const id = snowflake();
    h.fake.dispatch('THREAD_CREATE', { ...threadChannel({ id, guildId: IDS.guild, parentId: IDS.forum, name: 'Did Ukraine attack Putin’s residence?', ownerId: people.alice.id }), newly_created: true });
    say(id, '', false, id);
    const answer = await h.fake.waitForRequest(postedIn(id));
    expect(lastAsk()[0]).toBe('Did Ukraine attack Putin’s residence?');
    expect(answer.body.embeds[0].title).toBe('Did Ukraine attack Putin’s residence?');
  });

  it('GIVEN the answer fails THEN the post says so; GIVEN the bot may not post in a channel THEN the member is told by DM', async () => {
    h.app.answerWith = () => { throw new Error('the store exploded'); };
    const id = snowflake();
    h.fake.dispatch('THREAD_CREATE', { ...threadChannel({ id, guildId: IDS.guild, parentId: IDS.forum, name: 'What did Pakistan say?', ownerId: people.alice.id }), newly_created: true });
    say(id, '', false, id);
    const sorry = await h.fake.waitForRequest(postedIn(id));
    expect(sorry.body.content).toMatch(/something went wrong on my side \(incident [0-9a-f]+\)/);
    h.app.answerWith = (q) => sampleAnswer(q);
    h.fake.deniedChannels.add(IDS.quiet);
    say(IDS.quiet, 'What did Pakistan say?');
    const dm = await h.fake.waitForRequest((r) => r.method === 'POST' && r.path === '/api/v10/users/@me/channels');
    expect(dm.body.recipient_id).toBe(people.alice.id);
    const told = await h.fake.waitForRequest((r) => postedIn(h.fake.dmChannels.get(people.alice.id)!)(r));
    expect(told.body.content).toContain(`I could not answer your message in <#${IDS.quiet}>`);
    expect(told.body.content).toContain('missing a permission');
    h.fake.deniedChannels.delete(IDS.quiet);
  });
});
