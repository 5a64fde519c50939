import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createProviderEmbeddings } from '../../../retrieval/providers/index.js';
import { startFakeModelServer, hashVector, type FakeModelServer } from '../../answer/llm/fake-model-server.js';
import { tempDir } from '../../helpers/temp.js';

let fake: FakeModelServer;
let dir: string;
let remove: () => void;
beforeAll(async () => { fake = await startFakeModelServer(); });
afterAll(async () => fake.close());
beforeEach(() => { fake.reset(); ({ dir, cleanup: remove } = tempDir()); return () => remove(); });

const openai = (extra: object = {}) => createProviderEmbeddings({
  provider: 'openai', model: 'text-embedding-3-small', baseUrl: `${fake.url}/v1`, apiKey: 'sk-emb', timeoutMs: 2000, dataDir: dir,
  retry: { retries: 2, baseDelayMs: 5, maxDelayMs: 20 }, ...extra,
});
const calls = () => fake.received.filter((r) => r.path === '/v1/embeddings');

describe('OpenAI-compatible embeddings (/v1/embeddings)', () => {
  it('GIVEN texts THEN one request with the key, the model and float encoding; the id carries the dimension', async () => {
    const e = openai();
    const vecs = await e.embedDocuments(['Pakistan condemned', 'Kyiv rejected']);
    expect(e.id).toBe('openai:text-embedding-3-small/16');
    const [req] = calls();
    expect(req!.headers.authorization).toBe('Bearer sk-emb');
    expect(req!.body).toEqual({ model: 'text-embedding-3-small', input: ['Pakistan condemned', 'Kyiv rejected'], encoding_format: 'float' });
    expect(vecs[1]![0]).toBeCloseTo(hashVector('Kyiv rejected')[0]!, 6);
  });

  it('GIVEN rows out of order and base64 vectors THEN they are sorted by index and decoded', async () => {
    fake.reverse = true;
    fake.base64 = true;
    const vecs = await openai().embedDocuments(['first text', 'second text', 'third text']);
    ['first text', 'second text', 'third text'].forEach((t, i) => vecs[i]!.forEach((x, j) => expect(x).toBeCloseTo(hashVector(t)[j]!, 6)));
  });

  it('GIVEN a configured dimension THEN it is asked for and part of the id and the cache key', async () => {
    fake.embed = (t) => hashVector(t, 8);
    const e = openai({ dimensions: 8 });
    expect(e.id).toBe('openai:text-embedding-3-small/8');
    await e.embedDocuments(['x']);
    expect(calls()[0]!.body.dimensions).toBe(8);
    fake.embed = (t) => hashVector(t, 16);
    await openai().embedDocuments(['x']);
    expect(calls()).toHaveLength(2);
  });

  it('GIVEN 429 with Retry-After: 1 THEN it waits (no longer than its bound) and tries again', async () => {
    fake.failures = 1;
    fake.failStatus = 429;
    const timers = vi.spyOn(globalThis, 'setTimeout');
    let waits: (number | undefined)[];
    try {
      await openai({ retry: { retries: 2, baseDelayMs: 5, maxDelayMs: 200 } }).embedQuery('x');
    } finally {
      waits = timers.mock.calls.map((c) => c[1]);
      timers.mockRestore();
    }
    // The wait asked for: the server's 1 s, cut to the 200 ms bound (not the 5 ms back-off).
    expect(waits).toContain(200);
    expect(waits).not.toContain(1000);
    expect(waits).not.toContain(5);
    expect(calls()).toHaveLength(2);
  });

  it('GIVEN 401 THEN no retry and the error says so', async () => {
    fake.failures = 1;
    fake.failStatus = 401;
    await expect(openai().embedQuery('x')).rejects.toThrow(/failed: HTTP 401/);
    expect(calls()).toHaveLength(1);
  });

  it('GIVEN neither a key nor a base URL THEN a configuration error', () => {
    expect(() => createProviderEmbeddings({ provider: 'openai', timeoutMs: 1000, dataDir: dir })).toThrow(/Missing EMBEDDINGS_API_KEY/);
  });
});
