import { ProviderError, postJson } from './http.js';
import type { EmbeddingBackend } from './provider-embeddings.js';

/** Settings of the OpenAI-compatible embedding backend. */
export interface OpenAIEmbeddingSettings {
  model: string;
  /** The API root, e.g. https://api.openai.com/v1 (default) or http://localhost:8000/v1. */
  baseUrl?: string;
  apiKey?: string;
  /** Asked-for dimension (models that can shorten their vectors, e.g. text-embedding-3-*). */
  dimensions?: number;
  timeoutMs: number;
  batchSize?: number;
}

interface EmbeddingsReply {
  data?: { index?: number; embedding?: unknown }[];
}

/**
 * An OpenAI-compatible `/embeddings` endpoint: `{ model, input: [texts], encoding_format: 'float' }`
 * in, `{ data: [{ index, embedding }] }` out (base64 embeddings are decoded too).
 */
export function openaiBackend(s: OpenAIEmbeddingSettings): EmbeddingBackend {
  const url = `${(s.baseUrl ?? 'https://api.openai.com/v1').replace(/\/+$/, '')}/embeddings`;
  const headers: Record<string, string> = s.apiKey ? { authorization: `Bearer ${s.apiKey}` } : {};
  return {
    provider: 'openai',
    model: s.model,
    batchSize: s.batchSize ?? 96,
    async embedBatch(texts) {
      const body: Record<string, unknown> = { model: s.model, input: texts, encoding_format: 'float' };
      if (s.dimensions) body.dimensions = s.dimensions;
      const reply = await postJson(url, body, { headers, timeoutMs: s.timeoutMs }) as EmbeddingsReply;
      if (!Array.isArray(reply.data)) throw new ProviderError('the reply of /embeddings has no "data"', { retryable: false });
      const rows = [...reply.data].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
      return rows.map((r) => (typeof r.embedding === 'string' ? decodeBase64(r.embedding) : r.embedding as number[]));
    },
  };
}

function decodeBase64(b64: string): number[] {
  const buf = Buffer.from(b64, 'base64');
  const out: number[] = [];
  for (let o = 0; o + 4 <= buf.length; o += 4) out.push(buf.readFloatLE(o));
  return out;
}
