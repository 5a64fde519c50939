import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../app/create-app.js';
import { createEmbedder, openEmbedder } from '../../../app/embedder.js';
import { testConfig } from '../../helpers/app.js';
import { tempDir } from '../../helpers/temp.js';
import { startFakeModelServer, type FakeModelServer } from '../../answer/llm/fake-model-server.js';

let fake: FakeModelServer;
beforeAll(async () => { fake = await startFakeModelServer(); });
afterAll(async () => fake.close());
beforeEach(() => fake.reset());

const embeds = () => fake.received.filter((r) => r.path === '/api/embed').length;

describe('configured embedding providers in the app', () => {
  it('GIVEN EMBEDDINGS=ollama THEN the index is built from its vectors, a reindex and a restart pay nothing twice', async () => {
    const { dir, cleanup } = tempDir();
    const env = { EMBEDDINGS: 'ollama', EMBEDDINGS_MODEL: 'nomic-embed-text', EMBEDDINGS_BASE_URL: fake.url };
    try {
      const app = await createApp(testConfig(dir, env));
      expect(app.deps.embedder.id).toBe('ollama:nomic-embed-text/16');
      expect(await app.deps.storage.meta.get('embedder')).toBe('ollama:nomic-embed-text/16');
      expect(app.deps.index.size).toBe((await app.stats()).chunks);
      const a = await app.answer('What did Pakistan say?');
      expect(a.citations.map((c) => c.quote).join('\n')).toMatch(/Pakistan has firmly condemned/);
      const afterBuild = embeds();
      const re = await app.reindex();
      expect(re.chunks).toBe((await app.stats()).chunks);
      expect(embeds()).toBe(afterBuild);
      await app.close();

      const again = await createApp(testConfig(dir, env));
      expect(again.deps.embedder.id).toBe('ollama:nomic-embed-text/16');
      expect(fake.received.filter((r) => r.path === '/api/embed' && r.body.input[0] === 'dimension probe')).toHaveLength(1);
      await again.close();
    } finally {
      cleanup();
    }
  });

  it('GIVEN a store built by another embedder THEN the mismatch error names both and the fix', async () => {
    const { dir, cleanup } = tempDir();
    try {
      await (await createApp(testConfig(dir), { bundled: false })).close();
      await expect(createApp(testConfig(dir, { EMBEDDINGS: 'openai', EMBEDDINGS_BASE_URL: `${fake.url}/v1` }), { bundled: false }))
        .rejects.toThrow(/built with builtin-hash-v1\/256, but the configured embedder is openai:text-embedding-3-small\/16.*reindex/);
    } finally {
      cleanup();
    }
  });

  it('GIVEN settings THEN createEmbedder contacts nothing and openEmbedder learns the dimension', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const config = testConfig(dir, { EMBEDDINGS: 'openai', EMBEDDINGS_BASE_URL: `${fake.url}/v1`, EMBEDDINGS_API_KEY: 'sk-x' });
      expect(createEmbedder(config).id).toBe('openai:text-embedding-3-small/?');
      expect(fake.received).toHaveLength(0);
      expect((await openEmbedder(config)).id).toBe('openai:text-embedding-3-small/16');
      expect(createEmbedder(testConfig(dir, { EMBEDDINGS: 'openai', EMBEDDINGS_BASE_URL: `${fake.url}/v1`, EMBEDDINGS_DIMENSIONS: '16' })).id)
        .toBe('openai:text-embedding-3-small/16');
      expect(createEmbedder(testConfig(dir)).id).toBe('builtin-hash-v1/256');
    } finally {
      cleanup();
    }
  });
});
