import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createProviderEmbeddings } from '../../../retrieval/providers/index.js';
import { startFakeModelServer, hashVector, type FakeModelServer } from '../../answer/llm/fake-model-server.js';
import { tempDir } from '../../helpers/temp.js';

let fake: FakeModelServer;
let dir: string;
let remove: () => void;
beforeAll(async () => { fake = await startFakeModelServer(); });
afterAll(async () => fake.close());
beforeEach(() => { fake.reset(); ({ dir, cleanup: remove } = tempDir()); return () => remove(); });

const fast = { retries: 2, baseDelayMs: 5, maxDelayMs: 20 };
const ollama = (extra: object = {}) => createProviderEmbeddings({
  provider: 'ollama', model: 'nomic-embed-text', baseUrl: fake.url, timeoutMs: 2000, dataDir: dir, batchSize: 2, retry: fast, ...extra,
});
const embeds = () => fake.received.filter((r) => r.path === '/api/embed');

describe('Ollama embeddings (/api/embed)', () => {
  it('GIVEN no configured dimension THEN ready() asks once and the id carries it', async () => {
    const e = ollama();
    expect(e.id).toBe('ollama:nomic-embed-text/?');
    await e.ready();
    expect(e.id).toBe('ollama:nomic-embed-text/16');
    expect(e.dimensions).toBe(16);
    expect(embeds()[0]!.body).toMatchObject({ model: 'nomic-embed-text', input: ['dimension probe'] });
  });

  it('GIVEN five texts and batches of two THEN three requests, vectors in order, repeats sent once', async () => {
    const texts = ['a one', 'b two', 'c three', 'a one', 'd four', 'e five'];
    const vecs = await ollama().embedDocuments(texts);
    expect(embeds().map((r) => r.body.input)).toEqual([['a one', 'b two'], ['c three', 'd four'], ['e five']]);
    expect(vecs).toHaveLength(6);
    vecs.forEach((v, i) => v.forEach((x, j) => expect(x).toBeCloseTo(hashVector(texts[i]!)[j]!, 6)));
  });

  it('GIVEN the same texts again, even from a new process THEN the cache answers and nothing is sent', async () => {
    await ollama().embedDocuments(['alpha', 'beta', 'gamma']);
    expect(embeds()).toHaveLength(2);
    const again = ollama();
    expect(again.id).toBe('ollama:nomic-embed-text/16');
    const vecs = await again.embedDocuments(['gamma', 'alpha']);
    expect(embeds()).toHaveLength(2);
    expect(vecs[0]![0]).toBeCloseTo(hashVector('gamma')[0]!, 6);
    await again.embedDocuments(['alpha', 'delta']);
    expect(embeds().at(-1)!.body.input).toEqual(['delta']);
  });

  it('GIVEN two 503s THEN it retries with back-off and succeeds', async () => {
    fake.failures = 2;
    const [v] = await ollama().embedDocuments(['x']);
    expect(v).toHaveLength(16);
    expect(embeds()).toHaveLength(3);
  });

  it('GIVEN a server that keeps failing THEN a bounded number of attempts and a clear error', async () => {
    fake.failures = 10;
    await expect(ollama().embedDocuments(['x'])).rejects.toThrow(/The embedding provider ollama \(nomic-embed-text\) failed: HTTP 503/);
    expect(embeds()).toHaveLength(3);
  });

  it('GIVEN a 404 (model not pulled) THEN no retry', async () => {
    fake.failures = 1;
    fake.failStatus = 404;
    await expect(ollama().embedQuery('x')).rejects.toThrow(/HTTP 404/);
    expect(embeds()).toHaveLength(1);
  });

  it('GIVEN a configured dimension the model does not give THEN an error naming both', async () => {
    await expect(ollama({ dimensions: 768 }).embedQuery('x')).rejects.toThrow(/returned 16 dimensions, expected 768/);
  });

  it('GIVEN a server that does not answer in time THEN a time-out error', async () => {
    fake.delayMs = 2000;
    await expect(ollama({ timeoutMs: 150, retry: { retries: 1, baseDelayMs: 5, maxDelayMs: 5 } }).embedQuery('x')).rejects.toThrow(/no reply within 150 ms/);
    // Both attempts were given up on before the server's reply was due.
    expect(embeds()).toHaveLength(2);
    expect(fake.replied).toBe(0);
  });

  it('GIVEN nothing listening THEN a connection error after the retries', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const { port } = closed.address() as AddressInfo;
    await new Promise((r) => closed.close(r));
    const e = createProviderEmbeddings({ provider: 'ollama', baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 500, dataDir: dir, retry: fast });
    await expect(e.embedQuery('x')).rejects.toThrow(/ECONNREFUSED/);
  });
});
