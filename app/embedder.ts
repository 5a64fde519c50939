import { BuiltinEmbeddings, type NamedEmbeddings } from '../retrieval/builtin-embeddings.js';
import type { Config } from './config.js';
import { UserError } from './errors.js';

/** The embedder the configuration asks for. Only the built-in one needs nothing installed. */
export function createEmbedder(config: Config): NamedEmbeddings {
  if (config.EMBEDDINGS === 'builtin') return new BuiltinEmbeddings();
  throw new UserError('CONFIG_INVALID', {
    detail: `EMBEDDINGS=${config.EMBEDDINGS} is not available in this version; use EMBEDDINGS=builtin`,
  });
}
