import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.js';
import { fitsDiscordLimits, limitViolations } from '../../bot/render/limits.js';
import { FakeApp, sampleAnswer } from './fake-app.js';
import { slash, userMessage } from './fake-discord/events.js';
import { IDS, TOKEN, botUser, people, startHarness, type Harness } from './harness.js';

let h: Harness & { app: FakeApp };

beforeAll(async () => {
  h = (await startHarness((config) => new FakeApp(config), { env: { ALLOWED_CHANNEL_IDS: IDS.general } })) as Harness & { app: FakeApp };
});
afterAll(async () => {
  await h?.close();
});

const callback = (id: string, token: string) => h.fake.waitForRequest((r) => r.path === `/api/v10/interactions/${id}/${token}/callback`);

describe('safety', () => {
  it('a document with @everyone, role and user mentions pings nobody and renders them inert', async () => {
    h.app.answerWith = (q) => {
      const a = sampleAnswer(q, { answer: `@everyone listen: <@&${IDS.modRole}> and <@${people.alice.id}> were told [1].` });
      a.citations[0]!.quote = `@everyone @here <@&${IDS.modRole}> <@${people.alice.id}> [click](https://evil.example)`;
      a.citations[0]!.title = '@everyone [x](https://evil.example)';
      return a;
    };
    const msg = userMessage({ author: people.alice, channelId: IDS.general, guildId: IDS.guild, content: `<@${IDS.bot}> @everyone who?`, mentions: [botUser], });
    h.fake.dispatch('MESSAGE_CREATE', msg);
    const sent = await h.fake.waitForRequest((r) => r.body?.message_reference?.message_id === msg.id);
    const text = JSON.stringify(sent.body.embeds);
    expect(text).not.toMatch(/(?<!\u200b)@(everyone|here)/);
    expect(text).not.toMatch(/(?<!\\)<@[&!]?\d/); // mention syntax only appears escaped
    expect(text).not.toContain('[x](https://evil.example)');
    for (const r of h.fake.messageBodies()) {
      const data = r.body.data ?? r.body;
      expect(data.allowed_mentions, `${r.method} ${r.path}`).toEqual({ parse: [], replied_user: false });
    }
    h.app.answerWith = (q) => sampleAnswer(q);
  });

  it('an over-long answer with many claims and sources respects every limit', async () => {
    h.app.answerWith = (q) => {
      const base = sampleAnswer(q);
      const citations = Array.from({ length: 40 }, (_, i) => ({ ...base.citations[0]!, n: i + 1, docId: `doc-${i}`, title: 'T'.repeat(300), publisher: 'P'.repeat(400) }));
      const claims = Array.from({ length: 30 }, (_, i) => ({ ...base.claims[0]!, id: `c${i}`, text: 'claim '.repeat(80) }));
      const answer = Array.from({ length: 400 }, (_, i) => `Statement ${i} is long enough to matter [${(i % 40) + 1}].`).join(' ');
      return { ...base, question: 'Q'.repeat(900), answer, citations, claims };
    };
    const { token } = h.fake.interact(slash(h.member(), 'ask', [{ type: 3, name: 'question', value: 'Everything?' }]));
    const edit = await h.fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(token));
    expect(limitViolations(edit.body)).toEqual([]);
    expect(edit.body.embeds[0].description).toMatch(/\[\d+\]\.$/);
    h.app.answerWith = (q) => sampleAnswer(q);
  });

  it('a failing app is logged (without the token) and answered with a private apology', async () => {
    h.app.answerWith = () => {
      throw new Error(`database exploded near ${TOKEN}`);
    };
    const { id, token } = h.fake.interact(slash(h.member(), 'ask', [{ type: 3, name: 'question', value: 'Boom?' }]));
    await callback(id, token);
    const del = await h.fake.waitForRequest((r) => r.method === 'DELETE' && r.path.includes(token));
    expect(del.path).toMatch(/@original$/);
    const follow = await h.fake.waitForRequest((r) => r.method === 'POST' && r.path === `/api/v10/webhooks/${IDS.app}/${token}`);
    expect(follow.body.flags & 64).toBe(64);
    expect(follow.body.content).toMatch(/something went wrong on my side \(incident [0-9a-f]{8}\)/);
    const logged = h.logs.find((l) => l.includes('handler failed'))!;
    expect(JSON.parse(logged)).toMatchObject({ level: 'error', event: '/ask', error: { message: expect.stringContaining('[redacted]') } });
    expect(h.logs.join('\n')).not.toContain(TOKEN);
    h.app.answerWith = (q) => sampleAnswer(q);
  });

  it('a UserError from the app is shown to the user privately', async () => {
    h.app.answerWith = () => {
      throw new UserError('QUESTION_TOO_LONG', { length: 5000, limit: 1000 });
    };
    const { token } = h.fake.interact(slash(h.member(), 'ask', [{ type: 3, name: 'question', value: 'Long?' }, { type: 5, name: 'private', value: true }]));
    const edit = await h.fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(token));
    expect(edit.body.content).toBe('That question is too long (5000 characters; the limit is 1000).');
    h.app.answerWith = (q) => sampleAnswer(q);
  });

  it('respects ALLOWED_CHANNEL_IDS: /ask elsewhere is refused privately, mentions elsewhere are ignored', async () => {
    const n = h.app.calls.length;
    const { id, token } = h.fake.interact(slash(h.member(people.alice, { channelId: IDS.quiet }), 'ask', [{ type: 3, name: 'question', value: 'Here?' }]));
    const res = await callback(id, token);
    expect(res.body.data.content).toContain('only answer in the channels');
    expect(res.body.data.flags & 64).toBe(64);
    h.fake.dispatch('MESSAGE_CREATE', userMessage({ author: people.alice, channelId: IDS.quiet, guildId: IDS.guild, content: `<@${IDS.bot}> here?`, mentions: [botUser] }));
    const probe = userMessage({ author: people.alice, channelId: IDS.general, guildId: IDS.guild, content: `<@${IDS.bot}> probe`, mentions: [botUser] });
    h.fake.dispatch('MESSAGE_CREATE', probe);
    await h.fake.waitForRequest((r) => r.body?.message_reference?.message_id === probe.id);
    expect(h.app.calls.slice(n).map((c) => c.args[0])).toEqual(['probe']);
  });

  it('every message body the bot sent fits the limits', () => {
    for (const r of h.fake.messageBodies()) expect(fitsDiscordLimits(r.body.data ?? r.body), r.path).toBe(true);
  });
});

describe('rate limits', () => {
  let t: Harness & { app: FakeApp };
  beforeAll(async () => {
    t = (await startHarness((config) => new FakeApp(config), {
      start: { rateLimits: { user: { capacity: 2, refillMs: 60_000 }, channel: { capacity: 100, refillMs: 1000 } } },
    })) as Harness & { app: FakeApp };
  });
  afterAll(async () => {
    await t?.close();
  });

  it('the third question in a row gets a friendly private "try again in N s"', async () => {
    for (const q of ['one?', 'two?']) {
      const { token } = t.fake.interact(slash(t.member(), 'ask', [{ type: 3, name: 'question', value: q }]));
      await t.fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(token));
    }
    const { id, token } = t.fake.interact(slash(t.member(), 'ask', [{ type: 3, name: 'question', value: 'three?' }]));
    const res = await t.fake.waitForRequest((r) => r.path === `/api/v10/interactions/${id}/${token}/callback`);
    expect(res.body.type).toBe(4);
    expect(res.body.data.flags & 64).toBe(64);
    expect(res.body.data.content).toMatch(/try again in (59|60) s/);
    expect(t.app.calls.filter((c) => c.method === 'answer')).toHaveLength(2);
  });

  it('a limited mention gets one short notice, then silence until the wait is over', async () => {
    const mention = (text: string) => {
      const m = userMessage({ author: people.alice, channelId: IDS.general, guildId: IDS.guild, content: `<@${IDS.bot}> ${text}`, mentions: [botUser] });
      t.fake.dispatch('MESSAGE_CREATE', m);
      return m;
    };
    const first = mention('four?');
    const notice = await t.fake.waitForRequest((r) => r.body?.message_reference?.message_id === first.id);
    expect(notice.body.content).toMatch(/^Slow down a little: try again in \d+ s\.$/);
    const second = mention('five?');
    const probe = userMessage({ author: people.mod, channelId: IDS.general, guildId: IDS.guild, content: `<@${IDS.bot}> probe`, mentions: [botUser] });
    t.fake.dispatch('MESSAGE_CREATE', probe);
    await t.fake.waitForRequest((r) => r.body?.message_reference?.message_id === probe.id);
    expect(t.fake.requests.some((r) => r.body?.message_reference?.message_id === second.id)).toBe(false);
  });
});
