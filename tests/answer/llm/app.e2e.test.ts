import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AppInternals } from '../../../app/create-app.js';
import type { Answer } from '../../../core/answer.js';
import { createApp } from '../../../app/create-app.js';
import { testApp, testConfig } from '../../helpers/app.js';
import { tempDir } from '../../helpers/temp.js';
import { startFakeModelServer, type FakeModelServer } from './fake-model-server.js';
import { passageWith } from './fixtures.js';

const SECRET = 'discord-token-must-never-leave';
let fake: FakeModelServer;
let app: AppInternals;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  fake = await startFakeModelServer();
  ({ app, cleanup } = await testApp({
    env: {
      ANSWER_MODE: 'llm', LLM_PROVIDER: 'openai', LLM_MODEL: 'fake-gpt', LLM_BASE_URL: `${fake.url}/v1`,
      LLM_API_KEY: 'sk-e2e', LLM_TIMEOUT_MS: '1500', DISCORD_TOKEN: SECRET,
    },
  }));
});
afterAll(async () => { await cleanup(); await fake.close(); });
beforeEach(() => fake.reset());

async function expectTraceable(a: Answer): Promise<void> {
  const markers = [...a.answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
  expect(new Set(markers)).toEqual(new Set(a.citations.map((c) => c.n)));
  for (const c of a.citations) expect((await app.deps.storage.documents.getDocument(c.docId))!.text.slice(c.start, c.end)).toBe(c.quote);
}

describe('answer() with ANSWER_MODE=llm against a fake OpenAI server', () => {
  it('GIVEN a faithful reply THEN the LLM answer is sent with exact citations, and only question, passages and claims went out', async () => {
    fake.chat = ({ user }) =>
      `Pakistan has firmly condemned the alleged attack on President Putin’s residence [${passageWith(user, 'firmly condemned')}]. ` +
      `The ministry urged all parties to exercise restraint and pursue peaceful negotiations [${passageWith(user, 'exercise restraint')}].`;
    const a = await app.answer('What did Pakistan say?', { channel: 'discord' });
    expect(a.mode).toBe('llm');
    expect(a.abstained).toBe(false);
    expect(a.answer).toMatch(/^Pakistan has firmly condemned the alleged attack on President Putin’s residence \[1\]\. The ministry urged/);
    await expectTraceable(a);
    const sent = fake.received.filter((r) => r.path === '/v1/chat/completions');
    expect(sent).toHaveLength(1);
    const body = JSON.stringify(sent[0]!.body);
    expect(body).not.toContain(SECRET);
    expect(body).toContain('<question>\\nWhat did Pakistan say?\\n</question>');
    expect(body).toContain('<claims>');
    expect(sent[0]!.body.messages.map((m: { role: string }) => m.role)).toEqual(['system', 'user']);
  });

  it('GIVEN an unfaithful reply THEN the extractive answer is sent (mode extractive)', async () => {
    fake.chat = () => 'Pakistan declared war on Russia. Islamabad sent 40 jets [1].';
    const a = await app.answer('What did Pakistan say?');
    expect(a.mode).toBe('extractive');
    expect(a.citations.map((c) => c.quote).join('\n')).toMatch(/Pakistan has firmly condemned the alleged attack/);
    await expectTraceable(a);
  });

  it('GIVEN a provider slower than LLM_TIMEOUT_MS THEN the extractive answer comes without waiting for the reply', async () => {
    fake.delayMs = 10_000;
    const a = await app.answer('What did Pakistan say?');
    expect(a.mode).toBe('extractive');
    // The app gave up on the model at LLM_TIMEOUT_MS: the reply (due after 10 s) was never waited for.
    expect(fake.received.some((r) => r.path === '/v1/chat/completions')).toBe(true);
    expect(fake.replied).toBe(0);
  });

  it('GIVEN a failing provider THEN the extractive answer is sent', async () => {
    fake.failures = 5;
    fake.failStatus = 500;
    const a = await app.answer('What did Pakistan say?');
    expect(a.mode).toBe('extractive');
    expect(a.abstained).toBe(false);
  });
});

describe('configuration', () => {
  it('GIVEN ANSWER_MODE=llm without a provider or model THEN createApp says what is missing', async () => {
    const { dir, cleanup: remove } = tempDir();
    const start = (env: Record<string, string>) => createApp(testConfig(dir, { ANSWER_MODE: 'llm', ...env }), { bundled: false });
    try {
      await expect(start({})).rejects.toThrow(/Missing LLM_PROVIDER/);
      await expect(start({ LLM_PROVIDER: 'ollama' })).rejects.toThrow(/Missing LLM_MODEL/);
      await expect(start({ LLM_PROVIDER: 'openai', LLM_MODEL: 'gpt-4o-mini' })).rejects.toThrow(/LLM_API_KEY/);
    } finally {
      remove();
    }
  });
});
