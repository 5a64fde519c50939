import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadChatModel } from '../../../answer/llm/chat-model.js';
import { extractClaimsWithLlm, type LlmClaim } from '../../../answer/llm/claims-extract.js';
import { CLAIMS_PROMPT_VERSION } from '../../../prompts/claims-extract.js';
import { startFakeModelServer, type FakeModelServer } from './fake-model-server.js';
import { ARTICLE, TITLE, span } from './fixtures.js';

let fake: FakeModelServer;
beforeAll(async () => { fake = await startFakeModelServer(); });
afterAll(async () => fake.close());
beforeEach(() => fake.reset());

const RULES = [{ from: 'rules' }];
const LAVROV = 'Russian Foreign Minister Sergey Lavrov asserted on Monday that Ukraine deployed long-range drones targeting President Putin’s residence in the Novgorod region, though all 91 drones were reportedly shot down by Russian air defenses with no casualties or confirmed damage.';
const ZELENSKY = 'Ukraine has roundly rejected Russia’s accusations.';

async function extract(timeoutMs = 3000) {
  const model = await loadChatModel({ provider: 'ollama', model: 'llama3.1:8b', baseUrl: fake.url, timeoutMs });
  return extractClaimsWithLlm<LlmClaim | { from: string }>({ title: TITLE, text: ARTICLE }, {
    model, timeoutMs, fallback: () => RULES, toClaim: (c) => c,
  });
}

const claim = (text: string, shift = 0, extra: object = {}) => {
  const { start, end } = span(text);
  return { start: start + shift, end: end + shift, text, speaker: 'Russia', stance: 'alleges', hedged: true, ...extra };
};

describe('claim extraction with an LLM', () => {
  it('GIVEN claims whose text is exactly the document at their offsets THEN they are kept', async () => {
    fake.chat = () => '```json\n' + JSON.stringify({ claims: [claim(LAVROV), claim(ZELENSKY, 0, { speaker: 'Ukraine', stance: 'denies', hedged: false })] }) + '\n```';
    const r = await extract();
    expect(r.source).toBe('llm');
    expect(r.promptVersion).toBe(CLAIMS_PROMPT_VERSION);
    expect(r.claims).toHaveLength(2);
    for (const c of r.claims as LlmClaim[]) expect(ARTICLE.slice(c.start, c.end)).toBe(c.text);
    const user = fake.received[0]!.body.messages.find((m: { role: string }) => m.role === 'user').content as string;
    const { start, end } = span('Ukraine has roundly rejected Russia’s accusations.');
    expect(user).toContain(`<s start="${start}" end="${end}">Ukraine has roundly rejected Russia’s accusations.</s>`);
  });

  it('GIVEN a claim at the wrong offsets THEN it is dropped; most of them wrong THEN the rules are used', async () => {
    fake.chat = () => JSON.stringify({ claims: [claim(LAVROV), claim(ZELENSKY, 0), claim(ZELENSKY, 3)] });
    const some = await extract();
    expect(some).toMatchObject({ source: 'llm', rejected: 1 });
    expect(some.claims).toHaveLength(2);
    fake.chat = () => JSON.stringify({ claims: [claim(LAVROV, 5), claim(ZELENSKY, 1), claim(ZELENSKY)] });
    expect(await extract()).toMatchObject({ source: 'rules', claims: RULES, rejected: 2 });
  });

  it.each([
    ['prose instead of JSON', () => 'Here are the claims: Lavrov asserted things.'],
    ['JSON of the wrong shape', () => JSON.stringify({ claims: [{ start: 'zero', text: 1 }] })],
    ['a provider error', () => ({ status: 500, body: 'boom' })],
  ])('GIVEN %s THEN the rule-based claims are used', async (_what, reply) => {
    fake.chat = reply;
    const r = await extract();
    expect(r).toMatchObject({ source: 'rules', claims: RULES });
    expect(r.error).toBeTruthy();
  });

  it('GIVEN a slow provider THEN the rule-based claims come without waiting for the reply', async () => {
    fake.delayMs = 5000;
    expect(await extract(300)).toMatchObject({ source: 'rules' });
    // It gave up on the request: the provider had not replied when the claims came.
    expect(fake.received.length).toBeGreaterThan(0);
    expect(fake.replied).toBe(0);
  });
});
