import { UserError } from '../../core/errors.js';
import { SEGMENTED_LANGUAGES, segmentWords } from '../../core/language.js';
import { vecToBlob, type ChunkWithDoc } from '../sqlite/store.js';
import type { Chunk, StoredDocument } from '../../core/documents.js';
import type { DocumentStore, DocumentSummary, NewDocumentWithPassages } from '../../core/ports.js';
import { bumpVersion, nullsToUndefined, type Atomic, type Queryable } from './queryable.js';

const DOC_COLUMNS = `id, title, publisher, url, published, kind, language, speaker, licence, sources,
  content_hash AS "contentHash", added_at AS "addedAt"`;

/** The tsvector of a passage: its text at weight A, its document's title ($2) at weight B. */
const PASSAGE_TSV = `setweight(to_tsvector('english', u.text), 'A') || setweight(to_tsvector('english', $2::text), 'B')`;

/** The documents port over PostgreSQL; `atomic` gives multi-statement changes a transaction. */
export function pgDocuments(q: Queryable, atomic: Atomic): DocumentStore {
  return {
    insertDocuments: (items) => items.length === 0 ? Promise.resolve([]) : atomic(async (tx) => {
      const ids: number[][] = [];
      for (const item of items) ids.push(await insertOne(tx, item));
      await bumpVersion(tx);
      return ids;
    }),
    getDocument: (id) => oneDoc(q, 'id', id),
    findByHash: (hash) => oneDoc(q, 'content_hash', hash),
    listDocuments: async () => {
      const { rows } = await q.query(`SELECT ${DOC_COLUMNS}, length(d.text) AS chars,
          (SELECT count(*) FROM passages p WHERE p.doc_id = d.id)::integer AS chunks
        FROM documents d ORDER BY d.added_at DESC, d.id`);
      return rows.map((r) => nullsToUndefined(r) as DocumentSummary);
    },
    removeDocument: (id) => atomic(async (tx) => {
      const { rows } = await tx.query<{ id: string }>('SELECT id FROM passages WHERE doc_id = $1 ORDER BY id', [id]);
      const res = await tx.query('DELETE FROM documents WHERE id = $1', [id]);
      if (res.rowCount === 0) throw new UserError('DOCUMENT_NOT_FOUND', { id });
      await bumpVersion(tx);
      return rows.map((r) => Number(r.id));
    }),
    getPassages: async (ids) => {
      if (ids.length === 0) return [];
      const { rows } = await q.query(`SELECT p.id::float8 AS id, p.doc_id AS "docId", p.ord, p.start, p."end", p.text,
          p.attrib, d.title, d.publisher, d.url, d.published, d.kind, d.speaker, d.speaker_id AS "speakerId"
        FROM passages p JOIN documents d ON d.id = p.doc_id WHERE p.id = ANY($1::bigint[])`, [[...ids]]);
      const byId = new Map(rows.map((r) => [r.id as number, nullsToUndefined(r) as ChunkWithDoc]));
      return ids.map((id) => byId.get(id)).filter((r): r is ChunkWithDoc => r !== undefined);
    },
    passagesOf: async (docId) => {
      const { rows } = await q.query<Chunk>(`SELECT id::float8 AS id, doc_id AS "docId", ord, start, "end", text
        FROM passages WHERE doc_id = $1 ORDER BY ord`, [docId]);
      return rows;
    },
    counts: async () => {
      const { rows } = await q.query<{ documents: number; passages: number }>(`SELECT
        (SELECT count(*) FROM documents)::integer AS documents, (SELECT count(*) FROM passages)::integer AS passages`);
      return rows[0]!;
    },
    languages: async () => {
      const { rows } = await q.query<{ language: string }>('SELECT DISTINCT language FROM documents ORDER BY language');
      return rows.map((r) => r.language);
    },
    version: async () => {
      const { rows } = await q.query<{ value: string }>("SELECT value FROM meta WHERE key = 'store_version'");
      return Number(rows[0]?.value ?? 0);
    },
  };
}

async function oneDoc(q: Queryable, column: 'id' | 'content_hash', value: string): Promise<StoredDocument | undefined> {
  const { rows } = await q.query(`SELECT ${DOC_COLUMNS}, text FROM documents WHERE ${column} = $1`, [value]);
  return rows[0] ? (nullsToUndefined(rows[0]) as StoredDocument) : undefined;
}

async function insertOne(tx: Queryable, { doc, chunks }: NewDocumentWithPassages): Promise<number[]> {
  await tx.query(`INSERT INTO documents (id, title, publisher, url, published, kind, language, speaker, speaker_id,
      licence, sources, content_hash, text, added_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`, [
    doc.id, doc.title, doc.publisher ?? null, doc.url ?? null, doc.published ?? null, doc.kind, doc.language,
    doc.speaker ?? null, doc.speakerId ?? null, doc.licence ?? null, doc.sources ? JSON.stringify(doc.sources) : null,
    doc.contentHash, doc.text, new Date().toISOString(),
  ]);
  if (chunks.length === 0) return [];
  // One statement for all passages; identities are drawn in ORDER BY n order, so ascending ids follow `chunks`.
  const segmented = SEGMENTED_LANGUAGES.includes(doc.language);
  const { rows } = await tx.query<{ id: string }>(`INSERT INTO passages (doc_id, ord, start, "end", text, attrib, vec, tsv, seg)
    SELECT $1, u.ord, u.start, u.e, u.text, u.attrib, u.vec, ${PASSAGE_TSV}, to_tsvector('simple', u.seg)
    FROM unnest($3::integer[], $4::integer[], $5::integer[], $6::text[], $7::text[], $8::bytea[], $9::text[])
      WITH ORDINALITY AS u(ord, start, e, text, attrib, vec, seg, n)
    ORDER BY u.n RETURNING id`, [
    doc.id, doc.title, chunks.map((c) => c.ord), chunks.map((c) => c.start), chunks.map((c) => c.end),
    chunks.map((c) => c.text), chunks.map((c) => c.attrib ?? null), chunks.map((c) => vecToBlob(c.vec)),
    chunks.map((c) => (segmented ? segmentWords(`${doc.title}\n${c.text}`) : null)),
  ]);
  return rows.map((r) => Number(r.id)).sort((a, b) => a - b);
}
