import type { DocumentStore } from '../core/ports.js';
import type { NamedEmbeddings } from '../retrieval/builtin-embeddings.js';
import { seeded } from './stats.js';

/**
 * `n` query vectors made from stored passages: a window of 6 to 14 words of a randomly chosen chunk
 * (seeded, so every run asks the same), embedded like a question.
 */
export async function pseudoQueries(documents: Pick<DocumentStore, 'getPassages'>, embedder: NamedEmbeddings, ids: ArrayLike<number>, n: number): Promise<Float32Array[]> {
  if (n <= 0 || ids.length === 0) return [];
  const rand = seeded(7);
  const picked: number[] = [];
  for (let i = 0; i < n; i++) picked.push(ids[Math.floor(rand() * ids.length)]!);
  const out: Float32Array[] = [];
  for (const c of await documents.getPassages(picked)) {
    const words = c.text.split(/\s+/).filter(Boolean);
    const len = 6 + Math.floor(rand() * 9);
    const start = Math.floor(rand() * Math.max(1, words.length - len));
    out.push(Float32Array.from(await embedder.embedQuery(words.slice(start, start + len).join(' '))));
  }
  return out;
}
