import { blobToVec, vecToBlob } from '../sqlite/store.js';
import type { LexicalSearch, Meta, VectorStore } from '../../core/ports.js';
import { bumpVersion, type Atomic, type Queryable } from './queryable.js';

/** ts_rank_cd weights {D, C, B, A}: passage text (A) counts 1, the document title (B) 0.5, as in SQLite. */
const WEIGHTS = '{0.1, 0.2, 0.5, 1.0}';

/**
 * One row per query word that has a lexeme left after the 'english' config (stop words have none),
 * with its bm25-style inverse document frequency. Each word is parsed by plainto_tsquery, so nothing
 * in it is read as tsquery syntax.
 */
const TERMS = `terms AS (
    SELECT t.q, ln(1 + (n.total - t.df + 0.5) / (t.df + 0.5)) AS idf
    FROM (SELECT q, (SELECT count(*) FROM passages p WHERE p.tsv @@ q)::float8 AS df
          FROM unnest($1::text[]) AS u(w), LATERAL plainto_tsquery('english', u.w) AS q
          WHERE numnode(q) > 0) t,
      (SELECT count(*)::float8 AS total FROM passages) n)`;

/**
 * Lexical search over PostgreSQL full text. ts_rank_cd alone has no inverse document frequency, so a
 * common word would count as much as a rare one; each word's cover-density rank (normalised by
 * passage length) is weighted by its idf and summed, which orders passages like bm25 does.
 */
export function pgLexical(q: Queryable): LexicalSearch {
  return {
    search: async (words, { limit, speakerId }) => {
      if (words.length === 0 || limit <= 0) return [];
      const { rows } = await q.query<{ id: number; score: number }>(`WITH ${TERMS}
        SELECT p.id::float8 AS id, sum(t.idf * ts_rank_cd('${WEIGHTS}', p.tsv, t.q, 1))::float8 AS score
        FROM terms t JOIN passages p ON p.tsv @@ t.q
        WHERE $3::text IS NULL OR p.doc_id IN (SELECT id FROM documents WHERE speaker_id = $3)
        GROUP BY p.id ORDER BY score DESC, p.id LIMIT $2`, [[...words], limit, speakerId ?? null]);
      return rows;
    },
    documentFrequencies: async (words) => {
      if (words.length === 0) return [];
      const { rows } = await q.query<{ i: string; df: number }>(`SELECT u.i, CASE WHEN numnode(q) = 0 THEN 0
          ELSE (SELECT count(*) FROM passages p WHERE p.tsv @@ q)::integer END AS df
        FROM unnest($1::text[]) WITH ORDINALITY AS u(w, i), LATERAL plainto_tsquery('english', u.w) AS q`, [[...words]]);
      const out = words.map(() => 0);
      for (const r of rows) out[Number(r.i) - 1] = r.df;
      return out;
    },
  };
}

/** Stored vectors over PostgreSQL (bytea, float32 little-endian). */
export function pgVectors(q: Queryable, atomic: Atomic): VectorStore {
  return {
    vectorsOf: async (ids) => {
      if (ids.length === 0) return [];
      const { rows } = await q.query<{ id: number; vec: Buffer }>(`SELECT id::float8 AS id, vec FROM passages
        WHERE vec IS NOT NULL AND id = ANY($1::bigint[]) ORDER BY id`, [[...ids]]);
      return rows.map((r) => ({ id: r.id, vec: blobToVec(r.vec) }));
    },
    ids: async () => {
      const { rows } = await q.query<{ id: number }>('SELECT id::float8 AS id FROM passages ORDER BY id');
      return rows.map((r) => r.id);
    },
    replaceVectors: (rows) => atomic(async (tx) => {
      const list = [...rows];
      if (list.length > 0) {
        await tx.query(`UPDATE passages p SET vec = u.vec FROM unnest($1::bigint[], $2::bytea[]) AS u(id, vec)
          WHERE p.id = u.id`, [list.map((r) => r.id), list.map((r) => vecToBlob(r.vec))]);
      }
      await bumpVersion(tx);
    }),
  };
}

/** Key-value settings over PostgreSQL. */
export function pgMeta(q: Queryable): Meta {
  return {
    get: async (key) => {
      const { rows } = await q.query<{ value: string }>('SELECT value FROM meta WHERE key = $1', [key]);
      return rows[0]?.value;
    },
    set: async (key, value) => {
      await q.query(`INSERT INTO meta(key, value) VALUES ($1, $2)
        ON CONFLICT (key) DO UPDATE SET value = excluded.value`, [key, value]);
    },
  };
}
