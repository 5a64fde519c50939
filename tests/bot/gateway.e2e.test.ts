import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FakeApp } from './fake-app.js';
import { slash, userMessage } from './fake-discord/events.js';
import { IDS, botUser, people, startHarness, type Harness } from './harness.js';

const MESSAGE_CONTENT = 1 << 15;

async function askWorks(h: Harness, question: string): Promise<void> {
  const { token } = h.fake.interact(slash(h.member(), 'ask', [{ type: 3, name: 'question', value: question }]));
  const edit = await h.fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(token), 5000);
  expect(edit.body.embeds[0].title).toBe(question);
}

describe('gateway connection', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness((config) => new FakeApp(config));
  });
  afterAll(async () => {
    await h?.close();
  });

  it('identifies with the intents it needs, Message Content included', () => {
    const identify = h.fake.gatewayLog.find((p) => p.op === 2)!;
    const wanted = (1 << 0) | (1 << 9) | (1 << 12) | MESSAGE_CONTENT;
    expect(identify.d.intents & wanted).toBe(wanted);
    expect(h.bot.messageContent).toBe(true);
  });

  it('resumes after the gateway asks it to reconnect (op 7) and still answers', async () => {
    h.fake.requestReconnect();
    await h.fake.waitForSession('resumed', 1);
    expect(h.fake.identifies).toBe(1);
    await askWorks(h, 'Still there after op 7?');
  });

  it('resumes after the connection drops and still answers', async () => {
    h.fake.dropConnection();
    await h.fake.waitForSession('resumed', 2);
    expect(h.fake.connections).toBeGreaterThanOrEqual(3);
    await askWorks(h, 'Still there after a drop?');
    const msg = userMessage({ author: people.alice, channelId: IDS.general, guildId: IDS.guild, content: `<@${IDS.bot}> and mentions?`, mentions: [botUser] });
    h.fake.dispatch('MESSAGE_CREATE', msg);
    await h.fake.waitForRequest((r) => r.body?.message_reference?.message_id === msg.id);
  });

  it('heartbeats, and the fake acknowledges them', async () => {
    await vi.waitFor(() => expect(h.fake.gatewayLog.some((p) => p.op === 1)).toBe(true), { timeout: 3000, interval: 50 });
    await askWorks(h, 'Still there after heartbeats?');
  });
});

describe('without the Message Content intent enabled in the portal', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness((config) => new FakeApp(config), { refuseIntents: MESSAGE_CONTENT });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('reconnects without it, warns once, and slash commands still work', async () => {
    expect(h.bot.messageContent).toBe(false);
    expect(h.logs.some((l) => l.includes('Message Content intent is not enabled'))).toBe(true);
    await askWorks(h, 'Works without the intent?');
  });
});
