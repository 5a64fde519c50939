import { ProviderError, postJson } from './http.js';
import type { EmbeddingBackend } from './provider-embeddings.js';

/** Settings of the Ollama embedding backend. */
export interface OllamaEmbeddingSettings {
  model: string;
  /** The Ollama server (default http://127.0.0.1:11434). */
  baseUrl?: string;
  timeoutMs: number;
  batchSize?: number;
}

/**
 * Ollama's `/api/embed`: `{ model, input: [texts], truncate }` in, `{ embeddings: [[...]] }` out
 * (Ollama returns normalised vectors).
 */
export function ollamaBackend(s: OllamaEmbeddingSettings): EmbeddingBackend {
  const url = `${(s.baseUrl ?? 'http://127.0.0.1:11434').replace(/\/+$/, '')}/api/embed`;
  return {
    provider: 'ollama',
    model: s.model,
    batchSize: s.batchSize ?? 32,
    async embedBatch(texts) {
      const reply = await postJson(url, { model: s.model, input: texts, truncate: true }, { timeoutMs: s.timeoutMs }) as { embeddings?: unknown };
      if (!Array.isArray(reply.embeddings)) throw new ProviderError('the reply of /api/embed has no "embeddings"', { retryable: false });
      return reply.embeddings as number[][];
    },
  };
}
