import type { ChunkWithDoc, Store } from '../corpus/store.js';
import type { NamedEmbeddings } from './builtin-embeddings.js';
import { toMatchQuery } from './lexical.js';
import type { QuestionAnalysis } from './question.js';
import { decodeSpeakers, type SentenceSpeaker } from './speakers.js';
import type { VectorIndex } from './vector-index.js';

/** A retrieved passage with its fused score and the speakers of its sentences. */
export interface RetrievedChunk extends ChunkWithDoc {
  score: number;
  speakers: SentenceSpeaker[];
  /** True when the asked-for speaker says something in this chunk (or the document is theirs). */
  speakerMatch: boolean;
}

/** What hybrid search needs. */
export interface SearchDeps {
  store: Store;
  index: VectorIndex;
  embedder: NamedEmbeddings;
}

/** Options for {@link hybridSearch}. */
export interface SearchOptions {
  k: number;
  /** Candidates taken from each list before fusion. */
  candidates?: number;
  /** 'lexical' or 'dense' alone, to measure what each list contributes (default 'hybrid'). */
  mode?: 'hybrid' | 'lexical' | 'dense';
}

const RRF_K = 60;
const SPEAKER_BOOST = 1 / RRF_K;
const SPEAKER_DOC_CAP = 400;

/**
 * Hybrid retrieval: HNSW (cosine) and FTS5 bm25 lists fused by reciprocal rank. When the question asks
 * what an actor said, the actor's own documents are searched too and passages where the actor speaks
 * get a boost worth a first place in one list. Near-duplicate passages are collapsed.
 */
export async function hybridSearch(deps: SearchDeps, a: QuestionAnalysis, opts: SearchOptions): Promise<RetrievedChunk[]> {
  const candidates = opts.candidates ?? Math.max(50, opts.k * 5);
  const queryText = searchText(a);
  const vec = await deps.embedder.embedQuery(queryText);
  const match = toMatchQuery(queryText);
  const mode = opts.mode ?? 'hybrid';
  const lists: number[][] = [];
  if (mode !== 'lexical') lists.push(deps.index.search(vec, candidates).map((r) => r.id));
  if (mode !== 'dense') lists.push(deps.store.lexicalSearch(match, candidates).map((r) => r.id));
  if (a.speaker) {
    const topicMatch = toMatchQuery(a.topicTerms.join(' ')) || match;
    if (mode !== 'dense') lists.push(deps.store.lexicalSearchBySpeaker(topicMatch, a.speaker.id, candidates).map((r) => r.id));
    const own = mode === 'lexical' ? [] : deps.store.chunkIdsBySpeaker(a.speaker.id, SPEAKER_DOC_CAP);
    if (own.length) lists.push(exactRank(deps.store, own, vec).slice(0, candidates));
  }
  const fused = new Map<number, number>();
  for (const list of lists) list.forEach((id, rank) => fused.set(id, (fused.get(id) ?? 0) + 1 / (RRF_K + rank + 1)));
  const chunks = deps.store.getChunks([...fused.keys()]);
  const scored = chunks.map((c): RetrievedChunk => {
    const speakers = decodeSpeakers(c.attrib);
    const speakerMatch = !!a.speaker && (c.speakerId === a.speaker.id || speakers.some((s) => s.actor === a.speaker!.id));
    // A year in the question ("in 2023") favours documents of that year and sets back the others.
    const yearShift = a.year && c.published ? (c.published.startsWith(a.year) ? 1 : -1) * SPEAKER_BOOST : 0;
    return { ...c, speakers, speakerMatch, score: fused.get(c.id)! + (speakerMatch ? SPEAKER_BOOST : 0) + yearShift };
  });
  scored.sort((x, y) => y.score - x.score || x.id - y.id);
  return collapseNearDuplicates(scored).slice(0, opts.k);
}

/** The text to search with: the question plus the canonical names of the actors it mentions ("Pakistani" -> Pakistan). */
function searchText(a: QuestionAnalysis): string {
  return [a.question, ...a.actors.map((x) => x.name)].join(' ');
}

function exactRank(store: Store, ids: number[], query: number[]): number[] {
  return store.vectorsOf(ids)
    .map(({ id, vec }) => ({ id, s: dot(vec, query) }))
    .sort((x, y) => y.s - x.s)
    .map((x) => x.id);
}

function dot(a: Float32Array, b: number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** Drops passages whose words are nearly all in a better-ranked passage (syndicated copies, repeats). */
export function collapseNearDuplicates<T extends { text: string }>(items: T[], threshold = 0.85): T[] {
  const kept: { item: T; words: Set<string> }[] = [];
  for (const item of items) {
    const words = new Set(item.text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
    const dup = kept.some((k) => jaccard(k.words, words) >= threshold);
    if (!dup) kept.push({ item, words });
  }
  return kept.map((k) => k.item);
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let inter = 0;
  for (const w of a) if (b.has(w)) inter++;
  return inter / (a.size + b.size - inter);
}
