import path from 'node:path';
import { UserError } from '../../core/errors.js';
import { EmbeddingCache } from './embedding-cache.js';
import type { RetryOptions } from './http.js';
import { ollamaBackend } from './ollama.js';
import { openaiBackend } from './openai.js';
import { ProviderEmbeddings, type EmbeddingBackend } from './provider-embeddings.js';
import { transformersBackend } from './transformers.js';

export { ProviderEmbeddings } from './provider-embeddings.js';

/** The models used when EMBEDDINGS_MODEL is not set. */
export const DEFAULT_EMBEDDING_MODELS = {
  ollama: 'nomic-embed-text',
  openai: 'text-embedding-3-small',
  transformers: 'Xenova/all-MiniLM-L6-v2',
} as const;

/** Everything an embedding provider needs, taken from configuration by `app/embedder.ts`. */
export interface EmbeddingProviderSettings {
  provider: keyof typeof DEFAULT_EMBEDDING_MODELS;
  model?: string;
  baseUrl?: string;
  apiKey?: string;
  dimensions?: number;
  timeoutMs: number;
  /** The data folder: the cache goes to `embedding-cache/`, transformers.js models to `models/`. */
  dataDir: string;
  batchSize?: number;
  retry?: RetryOptions;
  /** transformers.js only: loads the package (tests pass a stand-in). */
  importer?: () => Promise<unknown>;
}

/** The embedder of a provider, with its cache. Checks the settings; contacts nothing yet. */
export function createProviderEmbeddings(s: EmbeddingProviderSettings): ProviderEmbeddings {
  const model = s.model ?? DEFAULT_EMBEDDING_MODELS[s.provider];
  let backend: EmbeddingBackend;
  if (s.provider === 'ollama') {
    backend = ollamaBackend({ model, baseUrl: s.baseUrl, timeoutMs: s.timeoutMs, batchSize: s.batchSize });
  } else if (s.provider === 'openai') {
    if (!s.baseUrl && !s.apiKey) {
      throw new UserError('CONFIG_MISSING', {
        name: 'EMBEDDINGS_API_KEY', hint: 'EMBEDDINGS=openai needs EMBEDDINGS_API_KEY for api.openai.com, or EMBEDDINGS_BASE_URL for another OpenAI-compatible server',
      });
    }
    backend = openaiBackend({ model, baseUrl: s.baseUrl, apiKey: s.apiKey, dimensions: s.dimensions, timeoutMs: s.timeoutMs, batchSize: s.batchSize });
  } else {
    backend = transformersBackend({ model, cacheDir: path.join(s.dataDir, 'models'), batchSize: s.batchSize, importer: s.importer });
  }
  // Shortened OpenAI vectors differ from full ones: the asked-for dimension is part of the key.
  const key = `${s.provider}:${model}${s.provider === 'openai' && s.dimensions ? `@${s.dimensions}` : ''}`;
  const cache = new EmbeddingCache(path.join(s.dataDir, 'embedding-cache'), key);
  return new ProviderEmbeddings(backend, { dimensions: s.dimensions, cache, retry: s.retry });
}
