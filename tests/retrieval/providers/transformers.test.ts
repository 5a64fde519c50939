import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isUserError } from '../../../core/errors.js';
import { createProviderEmbeddings } from '../../../retrieval/providers/index.js';
import { tempDir } from '../../helpers/temp.js';

let dir: string;
let remove: () => void;
beforeEach(() => ({ dir, cleanup: remove } = tempDir()));
afterEach(() => remove());

/** A stand-in for @huggingface/transformers with the same `env` and `pipeline` surface. */
function fakeTransformers(opts: { fail?: string } = {}) {
  const calls: { model?: string; texts: string[][]; pooling?: string; normalize?: boolean } = { texts: [] };
  const env: { cacheDir?: string | null } = {};
  const mod = {
    env,
    async pipeline(task: string, model: string) {
      expect(task).toBe('feature-extraction');
      calls.model = model;
      if (opts.fail) throw new Error(opts.fail);
      return async (texts: string[], o: { pooling: string; normalize: boolean }) => {
        calls.texts.push(texts);
        Object.assign(calls, o);
        return { tolist: () => texts.map((t) => [t.length, 1, 0, 0]) };
      };
    },
  };
  return { mod, calls, env };
}

const transformers = (importer: () => Promise<unknown>) =>
  createProviderEmbeddings({ provider: 'transformers', timeoutMs: 1000, dataDir: dir, importer });

describe('transformers.js embeddings', () => {
  it('GIVEN the package is not installed THEN the error says how to install it', async () => {
    // The real importer: @huggingface/transformers is not installed in this repository.
    const e = createProviderEmbeddings({ provider: 'transformers', timeoutMs: 1000, dataDir: dir });
    const err = await e.ready().catch((x: unknown) => x);
    expect(isUserError(err) && err.code).toBe('MODEL_PACKAGE_MISSING');
    expect(String((err as Error).message)).toBe(
      '@huggingface/transformers is not installed, and EMBEDDINGS=transformers needs it. Install it with: ONNXRUNTIME_NODE_INSTALL=skip npm install @huggingface/transformers');
  });

  it('GIVEN the model is neither cached nor downloadable THEN the error names the model and the cache folder', async () => {
    const { mod } = fakeTransformers({ fail: 'Could not locate file: "https://huggingface.co/Xenova/all-MiniLM-L6-v2/resolve/main/config.json".' });
    const err = await transformers(async () => mod).ready().catch((x: unknown) => x) as Error;
    expect(isUserError(err) && err.code).toBe('MODEL_UNAVAILABLE');
    expect(err.message).toMatch(/Could not load the model Xenova\/all-MiniLM-L6-v2: Could not locate file/);
    expect(err.message).toContain(path.join(dir, 'models'));
  });

  it('GIVEN the package and the model THEN mean-pooled normalised vectors, batched, cached, with the cache folder set', async () => {
    const { mod, calls, env } = fakeTransformers();
    let imports = 0;
    const e = transformers(async () => { imports++; return mod; });
    await e.ready();
    expect(e.id).toBe('transformers:Xenova/all-MiniLM-L6-v2/4');
    expect(env.cacheDir).toBe(path.join(dir, 'models'));
    const texts = Array.from({ length: 20 }, (_, i) => `text ${'x'.repeat(i)}`);
    const vecs = await e.embedDocuments(texts);
    expect(vecs[3]).toEqual([texts[3]!.length, 1, 0, 0]);
    expect(calls.texts.slice(1).map((b) => b.length)).toEqual([16, 4]);
    expect(calls).toMatchObject({ pooling: 'mean', normalize: true });
    await e.embedDocuments(texts);
    expect(calls.texts).toHaveLength(3);
    expect(imports).toBe(1);
  });
});
