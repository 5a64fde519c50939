import { SEGMENTED_LANGUAGES, segmentWords } from '../../core/language.js';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { UserError } from '../../core/errors.js';
import { migrate } from './migrations.js';
import type { Chunk, ChunkWithDoc, NewChunk, StoredDocument } from '../../core/documents.js';
export type { ChunkWithDoc, NewChunk } from '../../core/documents.js';



type DocRow = Omit<StoredDocument, 'sources' | 'contentHash' | 'addedAt'> & {
  sources: string | null; content_hash: string; added_at: string; speaker_id?: string | null;
};

/**
 * The SQLite store: documents, chunks with their vectors, and the FTS5 index, changed only in
 * transactions so that a crash at any moment leaves it consistent. `store_version` in `meta`
 * increases with every change to the set of chunks, so an index can tell that it is stale.
 */
export class Store {
  readonly db: Database.Database;
  readonly file: string;

  private constructor(file: string) {
    this.file = file;
    this.db = new Database(file, { timeout: 5000 });
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    // 64 MB of page cache (the default is 2 MB): claim terms and mentions are keyed by hashes, so an
    // import writes all over their B-trees, and a larger cache keeps those pages from being re-read.
    this.db.pragma('cache_size = -65536');
    migrate(this.db);
  }

  /** Opens (creating if needed) the store in `dataDir`. */
  static open(dataDir: string): Store {
    mkdirSync(dataDir, { recursive: true });
    return new Store(path.join(dataDir, 'store.sqlite'));
  }

  private readonly statements = new Map<string, Database.Statement>();

  /** A prepared statement, compiled once per connection. */
  sql(text: string): Database.Statement {
    let st = this.statements.get(text);
    if (!st) {
      st = this.db.prepare(text);
      this.statements.set(text, st);
    }
    return st;
  }

  getMeta(key: string): string | undefined {
    const row = this.sql('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value;
  }

  setMeta(key: string, value: string): void {
    this.sql('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
      .run(key, value);
  }

  /** Increases with every committed change to the chunks. */
  version(): number {
    return Number(this.getMeta('store_version') ?? 0);
  }

  private bump(): void {
    this.sql("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'store_version'").run();
  }

  /**
   * Runs `fn` in one write transaction (all or nothing). Another process holding the write lock past
   * the busy time-out is a STORE_BUSY `UserError`, not a raw SQLite error.
   */
  transaction<T>(fn: () => T): T {
    try {
      return this.db.transaction(fn).immediate();
    } catch (err) {
      if (isBusy(err)) throw new UserError('STORE_BUSY');
      throw err;
    }
  }

  findByHash(hash: string): StoredDocument | undefined {
    const row = this.sql('SELECT * FROM documents WHERE content_hash = ?').get(hash) as DocRow | undefined;
    return row && toDoc(row);
  }

  getDocument(id: string): StoredDocument | undefined {
    const row = this.sql('SELECT * FROM documents WHERE id = ?').get(id) as DocRow | undefined;
    return row && toDoc(row);
  }

  /** Documents without their text, newest first. */
  listDocuments(): (Omit<StoredDocument, 'text'> & { chunks: number; chars: number })[] {
    const rows = this.sql(`
      SELECT d.id, d.title, d.publisher, d.url, d.published, d.kind, d.language, d.speaker, d.licence,
             d.sources, d.content_hash, d.added_at, length(d.text) AS chars,
             (SELECT count(*) FROM chunks c WHERE c.doc_id = d.id) AS chunks
      FROM documents d ORDER BY d.added_at DESC, d.id`).all() as (DocRow & { chunks: number; chars: number })[];
    return rows.map((r) => {
      const { text: _t, ...rest } = toDoc({ ...r, text: '' });
      return { ...rest, chunks: r.chunks, chars: r.chars };
    });
  }

  /** Inserts documents and their chunks in one transaction; returns the new chunk ids per document. */
  insertDocuments(items: readonly { doc: Omit<StoredDocument, 'addedAt'> & { speakerId?: string }; chunks: readonly NewChunk[] }[]): number[][] {
    if (items.length === 0) return [];
    return this.transaction(() => {
      const ids = items.map(({ doc, chunks }) => this.insertOne(doc, chunks));
      this.bump();
      return ids;
    });
  }

  private insertOne(doc: Omit<StoredDocument, 'addedAt'> & { speakerId?: string }, chunks: readonly NewChunk[]): number[] {
      this.sql(`INSERT INTO documents (id, title, publisher, url, published, kind, language, speaker,
          speaker_id, licence, sources, content_hash, text, added_at)
        VALUES (@id, @title, @publisher, @url, @published, @kind, @language, @speaker, @speakerId, @licence, @sources,
          @contentHash, @text, @addedAt)`).run({
        publisher: null, url: null, published: null, speaker: null, speakerId: null, licence: null,
        ...stripUndefined(doc),
        sources: doc.sources ? JSON.stringify(doc.sources) : null,
        addedAt: new Date().toISOString(),
      });
      const ins = this.sql('INSERT INTO chunks (doc_id, ord, start, "end", text, attrib, vec) VALUES (?, ?, ?, ?, ?, ?, ?)');
      const ids = chunks.map((c) =>
        Number(ins.run(doc.id, c.ord, c.start, c.end, c.text, c.attrib ?? null, vecToBlob(c.vec)).lastInsertRowid));
      if (SEGMENTED_LANGUAGES.includes(doc.language)) {
        const seg = this.sql('INSERT INTO chunks_fts_seg(rowid, text) VALUES (?, ?)');
        chunks.forEach((c, i) => seg.run(ids[i], segmentWords(`${doc.title}\n${c.text}`)));
      }
      return ids;
  }

  /** Removes a document with its chunks, vectors and search entries; returns the removed chunk ids. */
  removeDocument(id: string): number[] {
    return this.transaction(() => {
      const ids = (this.sql('SELECT id FROM chunks WHERE doc_id = ?').all(id) as { id: number }[]).map((r) => r.id);
      const res = this.sql('DELETE FROM documents WHERE id = ?').run(id);
      if (res.changes === 0) throw new UserError('DOCUMENT_NOT_FOUND', { id });
      this.bump();
      return ids;
    });
  }

  /** Chunks with their document metadata, in the order of `ids` (missing ids are skipped). */
  getChunks(ids: readonly number[]): ChunkWithDoc[] {
    if (ids.length === 0) return [];
    const rows = this.sql(`
      SELECT c.id, c.doc_id AS docId, c.ord, c.start, c."end" AS "end", c.text, c.attrib,
             d.title, d.publisher, d.url, d.published, d.kind, d.speaker, d.speaker_id AS speakerId
      FROM chunks c JOIN documents d ON d.id = c.doc_id
      WHERE c.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as ChunkWithDoc[];
    const byId = new Map(rows.map((r) => [r.id, nullsToUndefined(r)]));
    return ids.map((id) => byId.get(id)).filter((r): r is ChunkWithDoc => r !== undefined);
  }

  /** All chunks of one document in order. */
  chunksOf(docId: string): Chunk[] {
    return this.sql(`SELECT id, doc_id AS docId, ord, start, "end" AS "end", text FROM chunks
      WHERE doc_id = ? ORDER BY ord`).all(docId) as Chunk[];
  }

  /** How many chunks the documents of one speaker have. */
  speakerChunkCount(actorId: string): number {
    return this.sql('SELECT count(*) FROM chunks c JOIN documents d ON d.id = c.doc_id WHERE d.speaker_id = ?').pluck().get(actorId) as number;
  }

  /** The chunks of one speaker's documents with text and vector (for ranking a small set exactly). */
  speakerChunks(actorId: string): { id: number; text: string; vec: Float32Array }[] {
    const rows = this.sql(`SELECT c.id, c.text, c.vec FROM chunks c JOIN documents d ON d.id = c.doc_id
      WHERE d.speaker_id = ? AND c.vec IS NOT NULL`).all(actorId) as { id: number; text: string; vec: Buffer }[];
    return rows.map((r) => ({ id: r.id, text: r.text, vec: blobToVec(r.vec) }));
  }

  /** bm25 search restricted to the documents of one speaker, among the `pool` best matches of the whole store. */
  lexicalSearchBySpeaker(match: string, actorId: string, limit: number, pool = 1_000_000_000): { id: number; score: number }[] {
    if (!match) return [];
    // The matches first, then their documents (CROSS JOIN fixes that order): left to itself the planner
    // walks every passage of the speaker (half the store for some) and probes the matches.
    return this.sql(`SELECT f.id, f.score FROM (SELECT rowid AS id, -bm25(chunks_fts, 1.0, 0.5) AS score FROM chunks_fts
      WHERE chunks_fts MATCH ? ORDER BY bm25(chunks_fts, 1.0, 0.5) LIMIT ?) f
      CROSS JOIN chunks c ON c.id = f.id CROSS JOIN documents d ON d.id = c.doc_id
      WHERE d.speaker_id = ? ORDER BY f.score DESC LIMIT ?`)
      .all(match, pool, actorId, limit) as { id: number; score: number }[];
  }

  /** Every chunk id with its stored vector, in id order (for index rebuilds). */
  *vectors(): IterableIterator<{ id: number; vec: Float32Array }> {
    const stmt = this.sql('SELECT id, vec FROM chunks WHERE vec IS NOT NULL ORDER BY id');
    for (const row of stmt.iterate() as IterableIterator<{ id: number; vec: Buffer }>) {
      yield { id: row.id, vec: blobToVec(row.vec) };
    }
  }

  /** Up to `limit` stored vectors with ids above `after`, in id order. */
  vectorsAfter(after: number, limit: number): { id: number; vec: Float32Array }[] {
    const rows = this.sql('SELECT id, vec FROM chunks WHERE vec IS NOT NULL AND id > ? ORDER BY id LIMIT ?').all(after, limit) as { id: number; vec: Buffer }[];
    return rows.map((r) => ({ id: r.id, vec: blobToVec(r.vec) }));
  }

  chunkIds(): number[] {
    return (this.sql('SELECT id FROM chunks ORDER BY id').pluck().all() as number[]);
  }

  /** Vectors of the given chunks, in `ids` order. */
  vectorsOf(ids: readonly number[]): { id: number; vec: Float32Array }[] {
    return this.getRaw(ids).map((r) => ({ id: r.id, vec: blobToVec(r.vec) }));
  }

  private getRaw(ids: readonly number[]): { id: number; vec: Buffer }[] {
    if (ids.length === 0) return [];
    return this.sql(`SELECT id, vec FROM chunks WHERE vec IS NOT NULL AND id IN (SELECT value FROM json_each(?))
      ORDER BY id`).all(JSON.stringify(ids)) as { id: number; vec: Buffer }[];
  }

  /** Replaces every chunk's vector (a re-embedding), in one transaction. */
  replaceVectors(rows: Iterable<{ id: number; vec: Float32Array }>): void {
    this.transaction(() => {
      const upd = this.sql('UPDATE chunks SET vec = ? WHERE id = ?');
      for (const r of rows) upd.run(vecToBlob(r.vec), r.id);
      this.bump();
    });
  }

  /** bm25 search over the word-segmented passages of Chinese documents (see {@link segmentWords}). */
  segmentedSearch(match: string, limit: number): { id: number; score: number }[] {
    if (!match) return [];
    return this.sql(`SELECT rowid AS id, -bm25(chunks_fts_seg) AS score FROM chunks_fts_seg
      WHERE chunks_fts_seg MATCH ? ORDER BY bm25(chunks_fts_seg) LIMIT ?`).all(match, limit) as { id: number; score: number }[];
  }

  /** bm25 search over chunks; `match` is an FTS5 query. Lower bm25 is better; `score` is negated. */
  lexicalSearch(match: string, limit: number): { id: number; score: number }[] {
    if (!match) return [];
    return this.sql(`SELECT rowid AS id, -bm25(chunks_fts, 1.0, 0.5) AS score FROM chunks_fts
      WHERE chunks_fts MATCH ? ORDER BY bm25(chunks_fts, 1.0, 0.5) LIMIT ?`).all(match, limit) as { id: number; score: number }[];
  }

  /**
   * How many chunks contain each word (after the FTS tokenizer's stemming), from the FTS index itself:
   * the words go through a temporary FTS table with the same tokenizer, then `fts5vocab` is read.
   */
  documentFrequencies(words: readonly string[]): number[] {
    if (!this.vocabReady) {
      this.db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.chunks_vocab USING fts5vocab(main, chunks_fts, 'row');
        CREATE VIRTUAL TABLE IF NOT EXISTS temp.query_terms USING fts5(text, tokenize='porter unicode61 remove_diacritics 2');
        CREATE VIRTUAL TABLE IF NOT EXISTS temp.query_vocab USING fts5vocab(temp, query_terms, 'instance');`);
      this.vocabReady = true;
    }
    return this.db.transaction(() => {
      const ins = this.sql('INSERT INTO temp.query_terms(rowid, text) VALUES (?, ?)');
      words.forEach((w, i) => ins.run(i + 1, w));
      const rows = this.sql(`SELECT q.doc AS i, coalesce(v.doc, 0) AS df FROM temp.query_vocab q
        LEFT JOIN temp.chunks_vocab v ON v.term = q.term`).all() as { i: number; df: number }[];
      this.sql('DELETE FROM temp.query_terms').run();
      const out = words.map(() => 0);
      for (const r of rows) out[r.i - 1] = Math.max(out[r.i - 1]!, r.df);
      return out;
    })();
  }

  private vocabReady = false;

  /** The languages of the stored documents, each once, in code order. */
  languages(): string[] {
    return this.sql('SELECT DISTINCT language FROM documents ORDER BY language').pluck().all() as string[];
  }

  counts(): { documents: number; chunks: number } {
    const documents = this.sql('SELECT count(*) FROM documents').pluck().get() as number;
    const chunks = this.sql('SELECT count(*) FROM chunks').pluck().get() as number;
    return { documents, chunks };
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/** True for SQLite's "database is locked" errors. */
export function isBusy(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT' || code === 'SQLITE_LOCKED';
}

/** Float32 vector as a BLOB (little-endian, as the machine stores it). */
export function vecToBlob(v: Float32Array): Buffer {
  return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
}

export function blobToVec(b: Buffer): Float32Array {
  const copy = new Uint8Array(b.byteLength);
  copy.set(b);
  return new Float32Array(copy.buffer);
}

function toDoc(r: DocRow): StoredDocument {
  const { content_hash, added_at, sources, speaker_id: _s, ...rest } = r;
  return nullsToUndefined({
    ...rest,
    contentHash: content_hash,
    addedAt: added_at,
    sources: sources ? (JSON.parse(sources) as StoredDocument['sources']) : undefined,
  }) as StoredDocument;
}

function nullsToUndefined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === null) delete o[k];
  return o;
}

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
