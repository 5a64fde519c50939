import { BuiltinEmbeddings, type NamedEmbeddings } from '../retrieval/builtin-embeddings.js';
import { createProviderEmbeddings, ProviderEmbeddings } from '../retrieval/providers/index.js';
import type { Config } from './config.js';

/**
 * The embedder the configuration asks for. Only the built-in one needs nothing installed; the
 * providers (transformers.js, Ollama, OpenAI-compatible) contact nothing until they embed. A
 * provider's dimension may still be unknown here: use {@link openEmbedder} before building an index.
 */
export function createEmbedder(config: Config): NamedEmbeddings {
  if (config.EMBEDDINGS === 'builtin') return new BuiltinEmbeddings();
  return createProviderEmbeddings({
    provider: config.EMBEDDINGS,
    model: config.EMBEDDINGS_MODEL,
    baseUrl: config.EMBEDDINGS_BASE_URL,
    apiKey: config.EMBEDDINGS_API_KEY,
    dimensions: config.EMBEDDINGS_DIMENSIONS,
    timeoutMs: config.EMBEDDINGS_TIMEOUT_MS,
    dataDir: config.dataDir,
  });
}

/**
 * The configured embedder with its id and dimension known: a provider whose dimension is neither
 * configured nor cached is asked once (a one-text probe, which also loads a local model).
 */
export async function openEmbedder(config: Config): Promise<NamedEmbeddings> {
  const embedder = createEmbedder(config);
  if (embedder instanceof ProviderEmbeddings) await embedder.ready();
  return embedder;
}
