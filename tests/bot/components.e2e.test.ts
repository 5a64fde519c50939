import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fitsDiscordLimits } from '../../bot/render/limits.js';
import { FakeApp, sampleAnswer } from './fake-app.js';
import { buttonClick, modalSubmit, slash } from './fake-discord/events.js';
import type { ApiMessage } from './fake-discord/payloads.js';
import { IDS, startHarness, type Harness } from './harness.js';

let h: Harness & { app: FakeApp };

beforeAll(async () => {
  h = (await startHarness((config) => new FakeApp(config))) as Harness & { app: FakeApp };
});
afterAll(async () => {
  await h?.close();
});

async function ask(question: string): Promise<ApiMessage> {
  const { token } = h.fake.interact(slash(h.member(), 'ask', [{ type: 3, name: 'question', value: question }]));
  await h.fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(token));
  return h.fake.originalMessage(token)!;
}

function ids(m: ApiMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const row of m.components) for (const b of row.components) out[b.label ?? b.emoji?.name] = b.custom_id;
  return out;
}

async function click(m: ApiMessage, customId: string) {
  const { id, token } = h.fake.interact(buttonClick(h.member(), m, customId));
  return h.fake.waitForRequest((r) => r.path === `/api/v10/interactions/${id}/${token}/callback`);
}

describe('buttons under an answer', () => {
  it('"Sources" replies privately with the exact quotes, markdown escaped', async () => {
    h.app.answerWith = (q) => {
      const a = sampleAnswer(q);
      a.citations[0]!.quote = 'He said **loudly**: see [this](https://evil.example) @everyone';
      return a;
    };
    const m = await ask('Quotes please?');
    const res = await click(m, ids(m).Sources!);
    expect(res.body.type).toBe(4);
    expect(res.body.data.flags & 64).toBe(64);
    const d: string = res.body.data.embeds[0].description;
    expect(d).toContain('\\*\\*loudly\\*\\*');
    expect(d).not.toMatch(/[^\\]\[this\]\(/);
    expect(d).toContain('Kyiv has rejected as fabricated');
    expect(res.body.data.allowed_mentions.parse).toEqual([]);
    h.app.answerWith = (q) => sampleAnswer(q);
  });

  it('👍 and 👎 are stored once per user, 👎 via app.recordFeedback', async () => {
    const m = await ask('Vote on me?');
    await click(m, ids(m)['👎']!);
    const again = await click(m, ids(m)['👍']!);
    expect(again.body.data.content).toContain('already');
    const fb = h.app.feedback.filter((f) => f.messageId === m.id);
    expect(fb).toHaveLength(1);
    expect(fb[0]).toMatchObject({ kind: 'down', question: 'Vote on me?', userId: h.member().user.id, channelId: IDS.general });
  });

  it('"Report" opens a modal, and the submission is stored as a report', async () => {
    const m = await ask('Report me?');
    const res = await click(m, ids(m).Report!);
    expect(res.body.type).toBe(9);
    expect(res.body.data.components[0].components[0]).toMatchObject({ type: 4, custom_id: 'note' });
    const { id, token } = h.fake.interact(modalSubmit(h.member(), res.body.data.custom_id, { note: 'Quote [2] is not about Pakistan' }, m));
    const done = await h.fake.waitForRequest((r) => r.path === `/api/v10/interactions/${id}/${token}/callback`);
    expect(done.body.data.flags & 64).toBe(64);
    expect(h.app.feedback.at(-1)).toMatchObject({ kind: 'report', note: 'Quote [2] is not about Pakistan', question: 'Report me?', messageId: m.id });
  });

  it('a long answer is cut at a sentence and "More" sends the rest privately, page by page', async () => {
    const sentences = Array.from({ length: 120 }, (_, i) => `Sentence number ${i} says something about the talks [${(i % 2) + 1}].`);
    h.app.answerWith = (q) => sampleAnswer(q, { answer: sentences.join(' ') });
    const m = await ask('Tell me everything?');
    const body = h.fake.requests.filter((r) => r.method === 'PATCH').at(-1)!.body;
    expect(fitsDiscordLimits(body)).toBe(true);
    const desc: string = body.embeds[0].description;
    expect(desc.endsWith('[1].') || desc.endsWith('[2].')).toBe(true);
    let seen = desc;
    let more = ids(m).More;
    for (let page = 0; more && page < 10; page += 1) {
      const res = await click(m, more);
      expect(fitsDiscordLimits(res.body.data)).toBe(true);
      expect(res.body.data.flags & 64).toBe(64);
      seen += ` ${res.body.data.embeds[0].description}`;
      more = res.body.data.components?.[0]?.components.find((b: { label?: string }) => b.label === 'More')?.custom_id;
    }
    for (const s of sentences) expect(seen).toContain(s);
    h.app.answerWith = (q) => sampleAnswer(q);
  });

  it('an answer the bot no longer remembers gets a clear private message', async () => {
    const m = await ask('Old one?');
    const res = await click(m, 'ans:src:unknownkey:0');
    expect(res.body.data.content).toMatch(/no longer have that answer/);
    expect(res.body.data.flags & 64).toBe(64);
  });
});
