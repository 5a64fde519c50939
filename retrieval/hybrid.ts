import type { ChunkWithDoc } from '../core/documents.js';
import type { LexicalQuery, StoragePorts } from '../core/ports.js';
import type { NamedEmbeddings } from './builtin-embeddings.js';
import { chineseNames, foreignNameTerms } from '../claims/actor-names-lang.js';
import { SEGMENTED_LANGUAGES, segmentWords } from '../core/language.js';
import { chineseForms, expansionTerms } from './languages/lexicon.js';
import { lexicalQuery, queryWords } from './lexical.js';
import { stem, tokenize } from '../core/text.js';
import type { QuestionAnalysis } from './question.js';
import { SMALL_SPEAKER, speakerCount, speakerPassages, storedLanguages } from './search-caches.js';
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
  /** The store's ports (passages, full text, vectors). */
  storage: Pick<StoragePorts, 'documents' | 'lexical' | 'vectors'>;
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

/**
 * Hybrid retrieval: HNSW (cosine) and FTS5 bm25 lists fused by reciprocal rank. When the question asks
 * what an actor said, the actor's own documents are searched too and passages where the actor speaks
 * get a boost worth a first place in one list. Near-duplicate passages are collapsed.
 */
export async function hybridSearch(deps: SearchDeps, a: QuestionAnalysis, opts: SearchOptions): Promise<RetrievedChunk[]> {
  const candidates = opts.candidates ?? Math.max(50, opts.k * 5);
  const queryText = searchText(a);
  const vec = await deps.embedder.embedQuery(queryText);
  const total = deps.index.size;
  const mode = opts.mode ?? 'hybrid';
  const { lexical } = deps.storage;
  const search = async (q: LexicalQuery | undefined) => (q ? (await lexical.search(q, { limit: candidates })).map((r) => r.id) : []);
  const match = mode === 'dense' ? undefined : await lexicalQuery(queryText, lexical, total);
  const lists: number[][] = [];
  if (mode !== 'lexical') lists.push(deps.index.search(vec, candidates).map((r) => r.id));
  // Passages in other languages, by the question's domain words and actors written in their scripts,
  // and Chinese passages by their segmented words: only when the store holds such documents.
  const langs = mode === 'dense' ? [] : await storedLanguages(deps);
  const other = [
    langs.some((l) => l !== 'en' && !SEGMENTED_LANGUAGES.includes(l)) ? crossLanguageQuery(a) : undefined,
    langs.some((l) => SEGMENTED_LANGUAGES.includes(l)) ? segmentedQuery(a) : undefined,
  ];
  lists.push(...(await Promise.all([match, ...other].map(search))).filter((l) => l.length > 0));
  if (a.speaker) lists.push(...await speakerLists(deps, a.speaker.id, a.topicTerms.join(' ') || queryText, vec, mode, candidates));
  const fused = new Map<number, number>();
  for (const list of lists) list.forEach((id, rank) => fused.set(id, (fused.get(id) ?? 0) + 1 / (RRF_K + rank + 1)));
  const chunks = await deps.storage.documents.getPassages([...fused.keys()]);
  const scored = chunks.map((c): RetrievedChunk => {
    const speakers = decodeSpeakers(c.attrib);
    const speakerMatch = !!a.speaker && (c.speakerId === a.speaker.id || speakers.some((s) => s.actor === a.speaker!.id));
    // A year in the question ("in 2023") favours documents of that year and sets back the others.
    const yearShift = a.year && c.published ? (c.published.startsWith(a.year) ? 1 : -1) * SPEAKER_BOOST : 0;
    return { ...c, speakers, speakerMatch, score: fused.get(c.id)! + (speakerMatch ? SPEAKER_BOOST : 0) + yearShift };
  });
  scored.sort((x, y) => y.score - x.score || x.id - y.id);
  return collapseNearDuplicates(scored, 0.85, opts.k);
}

/** A prefix query for the question's domain words and actors in other scripts (undefined when there is none). */
function crossLanguageQuery(a: QuestionAnalysis): LexicalQuery | undefined {
  const concepts = [...new Set([...a.topicTerms, ...a.aboutTerms])];
  const terms = [...expansionTerms(concepts), ...foreignNameTerms(a.actors.map((x) => x.id))];
  return terms.length ? { terms, prefix: true } : undefined;
}

/** Chinese question words that name no topic ("what", "which", "whether", "about"). */
const HAN_QUESTION_WORDS = new Set(['什么', '哪些', '哪个', '是否', '关于', '对于', '没有', '怎么', '如何', '为什么']);

/**
 * A query over the segmented Chinese passages: the words of a Chinese question, and the Chinese forms
 * of the question's domain words and actors (the store segments each as the passages are: a phrase).
 */
function segmentedQuery(a: QuestionAnalysis): LexicalQuery | undefined {
  const own = /\p{Script=Han}/u.test(a.question)
    ? segmentWords(a.question).split(' ').filter((w) => /\p{Script=Han}/u.test(w) && w.length >= 2 && !HAN_QUESTION_WORDS.has(w)) : [];
  const terms = [...own, ...chineseForms([...a.topicTerms, ...a.aboutTerms]), ...chineseNames(a.actors.map((x) => x.id))];
  const phrases = [...new Set(terms.map((t) => t.replace(/"/g, '')).filter((t) => segmentWords(t)))].slice(0, 24);
  return phrases.length ? { terms: phrases, segmented: true } : undefined;
}

/**
 * More passages for questions answered from the claim ledger ("Who condemned ...?" must list every actor,
 * "Were all 40 missiles intercepted?" every figure): the best `n` bm25 matches of the question, as spans.
 */
export async function widerSpans(deps: Pick<SearchDeps, 'storage' | 'index'>, a: QuestionAnalysis, n: number):
Promise<{ docId: string; start: number; end: number }[]> {
  const { documents, lexical } = deps.storage;
  const match = await lexicalQuery(searchText(a), lexical, deps.index.size);
  if (!match) return [];
  const hits = await lexical.search(match, { limit: n });
  return (await documents.getPassages(hits.map((r) => r.id))).map((c) => ({ docId: c.docId, start: c.start, end: c.end }));
}

/** The text to search with: the question plus the canonical names of the actors it mentions ("Pakistani" -> Pakistan). */
export function searchText(a: QuestionAnalysis): string {
  // A follow-up that inherits its topic ("Who denies it?") is searched with the question it follows.
  return [a.question, ...(a.context ? [a.context] : []), ...a.actors.map((x) => x.name), ...(a.searchTerms ?? [])].join(' ');
}

/**
 * Ranked lists from the asked speaker's own documents (a UN speech, a ministry's statements): few
 * enough passages are ranked exactly by vector and by idf-weighted topic words; a speaker with very
 * many passages gets bm25 restricted to its documents instead.
 */
async function speakerLists(deps: SearchDeps, actorId: string, topic: string, vec: number[], mode: string, n: number): Promise<number[][]> {
  const total = deps.index.size;
  const { lexical, vectors } = deps.storage;
  const count = await speakerCount(deps, actorId, total);
  if (count === 0) return [];
  if (count > SMALL_SPEAKER) {
    // bm25 over the best matches of the whole store, enough of them to hold ~4n of this speaker's (all of
    // them for a speaker with a small share): joining every match to its document cost 100-200 ms at 1M.
    const pool = Math.max(5000, Math.ceil((4 * n * Math.max(total, count)) / count));
    const q = mode === 'dense' ? undefined : await lexicalQuery(topic, lexical, total);
    return q ? [(await lexical.search(q, { limit: n, speakerId: actorId, pool })).map((r) => r.id)] : [];
  }
  const own = await speakerPassages(deps, actorId);
  const lists: number[][] = [];
  if (mode !== 'lexical') lists.push(own.map((c) => ({ id: c.id, s: dot(c.vec, vec) })).sort((x, y) => y.s - x.s).slice(0, n).map((x) => x.id));
  if (mode !== 'dense') {
    const words = queryWords(topic);
    const df = words.length ? await lexical.documentFrequencies(words) : [];
    const weights = new Map(words.map((w, i) => [stem(w), Math.log(1 + (total + 1) / (df[i]! + 1))]));
    const scored = own.map((c) => {
      let s = 0;
      for (const t of new Set(tokenize(c.text).map(stem))) s += weights.get(t) ?? 0;
      return { id: c.id, s };
    }).filter((x) => x.s > 0);
    lists.push(scored.sort((x, y) => y.s - x.s).slice(0, n).map((x) => x.id));
  }
  return lists;
}

function dot(a: Float32Array, b: number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** Drops passages whose words are nearly all in a better-ranked passage (syndicated copies, repeats). */
export function collapseNearDuplicates<T extends { text: string }>(items: T[], threshold = 0.85, limit = Infinity): T[] {
  const kept: { item: T; words: Set<string> }[] = [];
  for (const item of items) {
    if (kept.length >= limit) break;
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
