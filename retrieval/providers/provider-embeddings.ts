import { Embeddings } from '@langchain/core/embeddings';
import { UserError } from '../../core/errors.js';
import type { NamedEmbeddings } from '../builtin-embeddings.js';
import type { EmbeddingCache } from './embedding-cache.js';
import { DEFAULT_RETRY, ProviderError, withRetries, type RetryOptions } from './http.js';

/** One provider's way of embedding a batch of texts. */
export interface EmbeddingBackend {
  /** 'ollama', 'openai' or 'transformers': the first part of the embedder id. */
  provider: string;
  model: string;
  /** Texts sent per call. */
  batchSize: number;
  /** Embeds one batch, in order. Throws `ProviderError` (retryable or not) or `UserError`. */
  embedBatch(texts: string[]): Promise<number[][]>;
}

/** Options of {@link ProviderEmbeddings}. */
export interface ProviderEmbeddingsOptions {
  /** Known dimension (configured); otherwise taken from the cache or the first reply. */
  dimensions?: number;
  cache?: EmbeddingCache;
  retry?: RetryOptions;
}

/**
 * An embedding model behind a provider, as a `NamedEmbeddings`: documents are embedded in batches,
 * each batch retried with bounded back-off, and document vectors are cached (model + text hash) so a
 * reindex does not pay twice. The id is `provider:model/dimensions`, e.g. `ollama:nomic-embed-text/768`;
 * call {@link ProviderEmbeddings.ready} before reading it when the dimension is not yet known.
 */
export class ProviderEmbeddings extends Embeddings implements NamedEmbeddings {
  private readonly backend: EmbeddingBackend;
  private readonly cache?: EmbeddingCache;
  private readonly retry: RetryOptions;
  private dims: number | undefined;

  constructor(backend: EmbeddingBackend, opts: ProviderEmbeddingsOptions = {}) {
    super({});
    this.backend = backend;
    this.cache = opts.cache;
    this.retry = opts.retry ?? DEFAULT_RETRY;
    this.dims = opts.dimensions ?? opts.cache?.dimensions;
  }

  /** `provider:model/dimensions`, with `?` for a dimension not yet known. */
  get id(): string {
    return `${this.backend.provider}:${this.backend.model}/${this.dims ?? '?'}`;
  }

  /** The vector dimension; 0 until known (see {@link ready}). */
  get dimensions(): number {
    return this.dims ?? 0;
  }

  /** Makes the dimension known: asks the provider once when neither configuration nor cache says it. */
  async ready(): Promise<this> {
    if (this.dims === undefined) await this.embedQuery('dimension probe');
    return this;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    const out = new Map<string, number[]>();
    const todo: string[] = [];
    for (const t of new Set(texts)) {
      const hit = this.cache?.get(t);
      if (hit && (this.dims === undefined || hit.length === this.dims)) out.set(t, Array.from(hit));
      else todo.push(t);
    }
    for (let i = 0; i < todo.length; i += this.backend.batchSize) {
      const batch = todo.slice(i, i + this.backend.batchSize);
      const vecs = await this.call(batch);
      this.cache?.putMany(batch.map((text, j) => ({ text, vec: vecs[j]! })));
      batch.forEach((t, j) => out.set(t, vecs[j]!));
    }
    return texts.map((t) => out.get(t)!);
  }

  async embedQuery(text: string): Promise<number[]> {
    const [vec] = await this.call([text]);
    return vec!;
  }

  private async call(batch: string[]): Promise<number[][]> {
    let vecs: number[][];
    try {
      vecs = await withRetries(() => this.backend.embedBatch(batch), this.retry);
    } catch (err) {
      if (err instanceof ProviderError) throw this.failure(err.message);
      throw err;
    }
    if (vecs.length !== batch.length) throw this.failure(`sent ${batch.length} texts, got ${vecs.length} vectors back`);
    for (const v of vecs) {
      if (!Array.isArray(v) || v.length === 0 || v.some((x) => typeof x !== 'number' || !Number.isFinite(x))) {
        throw this.failure('a vector in the reply is empty or not numeric');
      }
      this.dims ??= v.length;
      if (v.length !== this.dims) throw this.failure(`the model returned ${v.length} dimensions, expected ${this.dims}`);
    }
    return vecs;
  }

  private failure(detail: string): UserError {
    return new UserError('EMBEDDINGS_FAILED', { provider: `${this.backend.provider} (${this.backend.model})`, detail });
  }
}
