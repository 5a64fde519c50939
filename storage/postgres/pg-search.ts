import { blobToVec, vecToBlob } from '../sqlite/store.js';
import { segmentWords } from '../../core/language.js';
import type { LexicalQuery, LexicalSearch, Meta, VectorStore } from '../../core/ports.js';
import { bumpVersion, type Atomic, type Queryable } from './queryable.js';

/** ts_rank weights {D, C, B, A}: passage text (A) counts 1, the document title (B) 0.5, as in SQLite. */
const WEIGHTS = '{0.1, 0.2, 0.5, 1.0}';

/**
 * The tsquery of each term ($1, numbered by ordinality): a phrase in the 'english' config (stemmed, stop
 * words dropped), a prefix of a lexeme in 'simple', or a phrase of the segmented Chinese text in 'simple'.
 * Terms are always parsed by phraseto_tsquery or quoted with quote_literal, so none is read as syntax.
 */
const QUERY_OF = {
  phrase: `phraseto_tsquery('english', u.w)`,
  prefix: `to_tsquery('simple', quote_literal(lower(u.w)) || ':*')`,
  segmented: `phraseto_tsquery('simple', u.w)`,
} as const;

/**
 * The query of a search: each term's tsquery with a bm25-style inverse document frequency over `col`
 * (tsv or seg), the passages matching the terms combined (OR, or AND for `all`) found through the GIN
 * index in one scan, then ranked. Ranking reads only the matching passages.
 */
function searchSql(kind: keyof typeof QUERY_OF, col: 'tsv' | 'seg', all: boolean): string {
  return `WITH terms AS (
      SELECT q, ln(1 + (n.total - d.df + 0.5) / (d.df + 0.5)) AS idf
      FROM unnest($1::text[]) AS u(w), LATERAL ${QUERY_OF[kind]} AS q,
        LATERAL (SELECT count(*)::float8 AS df FROM passages p WHERE p.${col} @@ q) d,
        (SELECT count(*)::float8 AS total FROM passages) n
      WHERE numnode(q) > 0),
    hits AS (
      SELECT p.id, p.${col} AS v FROM passages p
      WHERE p.${col} @@ (SELECT ${all ? 'dd_tsquery_all' : 'dd_tsquery_any'}(q) FROM terms)
        AND ($3::text IS NULL OR p.doc_id IN (SELECT id FROM documents WHERE speaker_id = $3)))
    SELECT h.id::float8 AS id, sum(t.idf * ts_rank('${WEIGHTS}', h.v, t.q, 1))::float8 AS score
    FROM hits h JOIN terms t ON h.v @@ t.q
    GROUP BY h.id ORDER BY score DESC, h.id LIMIT $2`;
}

/** Matches one search ranks at most (see `LexicalSearch.rowBudget`). */
const PG_ROW_BUDGET = 5000;

/** A prefix term keeps letters, digits and inner spaces only (it is quoted as one lexeme). */
const NOT_WORD = /[^\p{L}\p{N}\p{M}]+/gu;

/**
 * Lexical search over PostgreSQL full text. ts_rank alone has no inverse document frequency, so a
 * common word would count as much as a rare one; each term's rank (its frequency with diminishing
 * returns, divided by 1 + the log of the passage length, as bm25 saturates and normalises) is weighted
 * by its idf and summed. On the dev questions this beat ts_rank_cd, whose rank grows linearly with a
 * term's occurrences (event hit@5 0.825 against 0.75; SQLite's bm25: 0.90). With `match: 'all'`, a
 * passage must match every term that has a lexeme.
 */
export function pgLexical(q: Queryable): LexicalSearch {
  return {
    // ts_rank reads each match's search vector: ranking 20,000 matches (FTS5's budget) took ~40 ms at
    // 100,000 passages, so a search keeps its words within a quarter of that.
    rowBudget: PG_ROW_BUDGET,
    search: async (query, { limit, speakerId }) => {
      const lq: LexicalQuery = Array.isArray(query) ? { terms: query as readonly string[] } : query as LexicalQuery;
      const kind = lq.segmented ? 'segmented' : lq.prefix ? 'prefix' : 'phrase';
      const terms = lq.terms
        .map((t) => (lq.segmented ? segmentWords(t) : kind === 'prefix' ? t.replace(NOT_WORD, '') : t))
        .filter((t) => t.trim().length > 0);
      if (terms.length === 0 || limit <= 0) return [];
      const col = lq.segmented ? 'seg' : 'tsv';
      const all = lq.match === 'all';
      // Planned for its terms each time: how selective a word is decides between the index and a scan.
      const { rows } = await q.query<{ id: number; score: number }>(searchSql(kind, col, all), [terms, limit, speakerId ?? null]);
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
    scan: (batch = 2000) => scanVectors(q, batch),
    ofSpeaker: async (actorId) => {
      const { rows } = await q.query<{ id: number; text: string; vec: Buffer }>(`SELECT p.id::float8 AS id, p.text, p.vec
        FROM passages p JOIN documents d ON d.id = p.doc_id WHERE d.speaker_id = $1 AND p.vec IS NOT NULL ORDER BY p.id`, [actorId]);
      return rows.map((r) => ({ id: r.id, text: r.text, vec: blobToVec(r.vec) }));
    },
    speakerCount: async (actorId) => {
      const { rows } = await q.query<{ n: number }>(`SELECT count(*)::integer AS n FROM passages p
        JOIN documents d ON d.id = p.doc_id WHERE d.speaker_id = $1`, [actorId]);
      return rows[0]?.n ?? 0;
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

/** Every stored vector in id order, one bounded query per batch (keyset pagination). */
async function* scanVectors(q: Queryable, batch: number): AsyncIterable<{ id: number; vec: Float32Array }[]> {
  let after = 0;
  for (;;) {
    const { rows } = await q.query<{ id: number; vec: Buffer }>(`SELECT id::float8 AS id, vec FROM passages
      WHERE vec IS NOT NULL AND id > $1 ORDER BY id LIMIT $2`, [after, batch]);
    if (rows.length === 0) return;
    yield rows.map((r) => ({ id: r.id, vec: blobToVec(r.vec) }));
    after = rows[rows.length - 1]!.id;
  }
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
