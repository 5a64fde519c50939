import type { Chunk, ChunkWithDoc, NewChunk, StoredDocument } from './documents.js';
import type { StoreIntegrity } from './integrity-port.js';
import type { GapStore, RecordStore } from './record-ports.js';
import type { ClaimStore, WatchStore } from './ledger-ports.js';

/**
 * Storage ports: small async interfaces that the corpus, retrieval and the app can be given as
 * dependencies, so that one code path runs over SQLite (one process) or PostgreSQL (many processes).
 * Adapters live in `storage/` (see storage/README.md).
 */

/** A document as it is inserted (the store sets `addedAt`). */
export type NewDocument = Omit<StoredDocument, 'addedAt'> & { speakerId?: string };

/** A document and its passages, inserted together. */
export interface NewDocumentWithPassages {
  doc: NewDocument;
  chunks: readonly NewChunk[];
}

/** A listed document: metadata without the text, with its passage count and length. */
export type DocumentSummary = Omit<StoredDocument, 'text'> & { chunks: number; chars: number };

/** Documents and their passages. */
export interface DocumentStore {
  /** Inserts documents with their passages all or nothing; returns the new passage ids per document. */
  insertDocuments(items: readonly NewDocumentWithPassages[]): Promise<number[][]>;
  getDocument(id: string): Promise<StoredDocument | undefined>;
  findByHash(contentHash: string): Promise<StoredDocument | undefined>;
  /** Documents without their text, newest first. */
  listDocuments(): Promise<DocumentSummary[]>;
  /**
   * Removes a document with its passages and vectors; returns the removed passage ids.
   * An unknown id is a DOCUMENT_NOT_FOUND `UserError`.
   */
  removeDocument(id: string): Promise<number[]>;
  /** Passages with their document metadata, in the order of `ids` (unknown ids are skipped). */
  getPassages(ids: readonly number[]): Promise<ChunkWithDoc[]>;
  /** All passages of one document in order. */
  passagesOf(docId: string): Promise<Chunk[]>;
  counts(): Promise<{ documents: number; passages: number }>;
  /** The languages of the stored documents (ISO 639-1 codes), each once, in code order. */
  languages(): Promise<string[]>;
  /** Increases with every committed change to the set of passages or their vectors. */
  version(): Promise<number>;
}

/** A lexical hit: higher `score` is better. */
export interface LexicalHit {
  id: number;
  score: number;
}

/** A full-text query as data: terms, never query syntax. */
export interface LexicalQuery {
  /** Words, or phrases of several words that match in order. */
  terms: readonly string[];
  /** Passages with any of the terms (the default), or with all of them. */
  match?: 'any' | 'all';
  /** Each term matches words that start with it (inflected forms: "атак" finds "атаки"). */
  prefix?: boolean;
  /** Search the word-segmented text of Chinese passages; terms are segmented the same way. */
  segmented?: boolean;
}

/** Options of a lexical search. */
export interface LexicalOptions {
  limit: number;
  /** Only passages of this speaker's documents. */
  speakerId?: string;
  /** With `speakerId`: the speaker's passages among this many best matches of the whole store (bounds the cost). */
  pool?: number;
}

/** Full-text search over passages (text and, weighted lower, the document title). */
export interface LexicalSearch {
  /**
   * Passages matching the query, best first. Plain words (a list) are OR-ed. With `speakerId`, only
   * passages of that speaker's documents.
   */
  search(query: readonly string[] | LexicalQuery, opts: LexicalOptions): Promise<LexicalHit[]>;
  /** How many passages contain each word (after the adapter's stemming), in `words` order. */
  documentFrequencies(words: readonly string[]): Promise<number[]>;
  /**
   * How many matching passages one search should rank at most, when the adapter's ranking costs more per
   * match than FTS5's bm25 (the bounded query of retrieval/lexical.ts keeps its words within it).
   */
  readonly rowBudget?: number;
}

/** The stored embedding of every passage. */
export interface VectorStore {
  /** Vectors of the given passages, in id order (passages without a vector are skipped). */
  vectorsOf(ids: readonly number[]): Promise<{ id: number; vec: Float32Array }[]>;
  /** Every passage id, ascending. */
  ids(): Promise<number[]>;
  /** Every stored vector in id order, read a batch at a time (an index rebuild). */
  scan(batch?: number): AsyncIterable<{ id: number; vec: Float32Array }[]>;
  /** The passages of one speaker's documents with text and vector (ranked exactly when they are few). */
  ofSpeaker(actorId: string): Promise<{ id: number; text: string; vec: Float32Array }[]>;
  /** How many passages one speaker's documents have. */
  speakerCount(actorId: string): Promise<number>;
  /** Replaces the vectors of the given passages (a re-embedding); bumps the store version. */
  replaceVectors(rows: Iterable<{ id: number; vec: Float32Array }>): Promise<void>;
}

/** Small key-value settings beside the corpus. */
export interface Meta {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
}

/** The ports one transaction (or the storage outside one) offers. */
export interface StoragePorts {
  documents: DocumentStore;
  lexical: LexicalSearch;
  vectors: VectorStore;
  meta: Meta;
  records: RecordStore;
  gaps: GapStore;
  claims: ClaimStore;
  watches: WatchStore;
}

/** A storage backend: the ports, transactions over them, and closing. */
export interface Storage extends StoragePorts {
  /** Which adapter this is ('sqlite' or 'postgres'), for messages and reports. */
  readonly kind: string;
  /** The adapter's own check of its store (`corpus check`), outside any transaction. */
  readonly integrity: StoreIntegrity;
  /**
   * Runs `fn` in one write transaction: everything it does through `tx` is committed together, or
   * nothing is when it throws (the error is rethrown). A port call that fails inside `fn` undoes only
   * its own changes, so `fn` may catch it and go on. Inside `fn`, use `tx` only: a call on the
   * storage itself is not part of the transaction, and on SQLite (one connection) it waits until the
   * transaction ends, so awaiting it inside `fn` never returns.
   */
  withTransaction<T>(fn: (tx: StoragePorts) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
