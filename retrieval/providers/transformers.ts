import { UserError } from '../../core/errors.js';
import type { EmbeddingBackend } from './provider-embeddings.js';

/** The part of `@huggingface/transformers` this backend uses (the package is optional, so no types from it). */
export interface TransformersModule {
  env: { cacheDir?: string | null; allowRemoteModels?: boolean };
  pipeline(task: 'feature-extraction', model: string, opts?: Record<string, unknown>): Promise<FeatureExtractor>;
}

type FeatureExtractor = (texts: string[], opts: { pooling: 'mean' | 'cls'; normalize: boolean }) => Promise<{ tolist(): unknown }>;

/** Settings of the transformers.js backend. */
export interface TransformersSettings {
  /** A Hugging Face model with ONNX weights, e.g. Xenova/all-MiniLM-L6-v2 or Xenova/bge-small-en-v1.5. */
  model: string;
  /** Where models are downloaded to and read from. */
  cacheDir: string;
  batchSize?: number;
  /** Loads the package; tests pass a stand-in. */
  importer?: () => Promise<unknown>;
}

const PACKAGE = '@huggingface/transformers';
/** The command that installs the optional package (its native GPU download skipped). */
export const TRANSFORMERS_INSTALL = `ONNXRUNTIME_NODE_INSTALL=skip npm install ${PACKAGE}`;

/** Imports the optional package through a variable, so that TypeScript and bundlers do not need it. */
async function importTransformers(): Promise<unknown> {
  const specifier: string = PACKAGE;
  return import(specifier);
}

/**
 * Local embeddings with transformers.js (ONNX runtime, CPU): mean-pooled, normalised sentence vectors.
 * The package is loaded on first use; when it is missing, or the model is neither cached nor
 * downloadable, the error says how to fix it.
 */
export function transformersBackend(s: TransformersSettings): EmbeddingBackend {
  let extractor: Promise<FeatureExtractor> | undefined;
  const load = async (): Promise<FeatureExtractor> => {
    let mod: TransformersModule;
    try {
      mod = await (s.importer ?? importTransformers)() as TransformersModule;
    } catch (err) {
      if (isMissing(err)) throw new UserError('MODEL_PACKAGE_MISSING', { pkg: PACKAGE, setting: 'EMBEDDINGS=transformers', command: TRANSFORMERS_INSTALL });
      throw new UserError('MODEL_UNAVAILABLE', { model: s.model, detail: `${PACKAGE} failed to load (${message(err)})` });
    }
    mod.env.cacheDir = s.cacheDir;
    try {
      return await mod.pipeline('feature-extraction', s.model, { dtype: 'fp32' });
    } catch (err) {
      throw new UserError('MODEL_UNAVAILABLE', {
        model: s.model,
        detail: `${message(err)}. It is not in the model cache ${s.cacheDir}; it is downloaded there on first use, which needs network access to huggingface.co once (or copy the model folder there)`,
      });
    }
  };
  return {
    provider: 'transformers',
    model: s.model,
    batchSize: s.batchSize ?? 16,
    async embedBatch(texts) {
      extractor ??= load().catch((err: unknown) => { extractor = undefined; throw err; });
      const out = await (await extractor)(texts, { pooling: 'mean', normalize: true });
      return out.tolist() as number[][];
    },
  };
}

function isMissing(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return (e?.code === 'ERR_MODULE_NOT_FOUND' || e?.code === 'MODULE_NOT_FOUND') && String(e.message).includes(PACKAGE);
}

function message(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 300);
}
