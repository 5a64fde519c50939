import type pg from 'pg';
import { SCHEMA_RECORDS } from './schema-records.js';
import { CLAIMS_SCHEMA } from './schema-claims.js';

/**
 * The PostgreSQL schema, applied in order; `schema_migrations` records which have run. Append new
 * ones; never edit one that has shipped. Passages carry their vector (float32 little-endian bytes, as
 * in SQLite) and a tsvector of the passage text (weight A) and the document title (weight B, ranked at
 * half: the SQLite FTS5 title weight is 0.5).
 */
export const PG_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE meta (key text PRIMARY KEY, value text NOT NULL);
  CREATE TABLE documents (
    id text PRIMARY KEY,
    title text NOT NULL,
    publisher text, url text, published text,
    kind text NOT NULL, language text NOT NULL,
    speaker text, speaker_id text, licence text, sources jsonb,
    content_hash text NOT NULL UNIQUE,
    text text NOT NULL,
    added_at text NOT NULL
  );
  CREATE INDEX documents_speaker ON documents(speaker_id);
  CREATE TABLE passages (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    doc_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ord integer NOT NULL,
    start integer NOT NULL,
    "end" integer NOT NULL,
    text text NOT NULL,
    attrib text,
    vec bytea,
    tsv tsvector NOT NULL
  );
  CREATE INDEX passages_doc ON passages(doc_id, ord);
  CREATE INDEX passages_tsv ON passages USING gin(tsv);
  INSERT INTO meta(key, value) VALUES ('store_version', '0');
  `,
  // The word-segmented text of Chinese passages (core/language.ts segmentWords), searched by its own
  // queries as SQLite's chunks_fts_seg is; NULL for the other languages.
  `
  ALTER TABLE passages ADD COLUMN seg tsvector;
  CREATE INDEX passages_seg ON passages USING gin(seg) WHERE seg IS NOT NULL;
  `,
  // The terms of a search OR-ed (or AND-ed) into one tsquery, so that one GIN scan finds the passages.
  `
  CREATE AGGREGATE dd_tsquery_any(tsquery) (SFUNC = tsquery_or, STYPE = tsquery);
  CREATE AGGREGATE dd_tsquery_all(tsquery) (SFUNC = tsquery_and, STYPE = tsquery);
  -- Without a pending list, a search after a large import reads the index itself, not thousands of
  -- not-yet-merged entries one by one; inserts write the index entries at once instead.
  ALTER INDEX passages_tsv SET (fastupdate = off);
  ALTER INDEX passages_seg SET (fastupdate = off);
  -- A passage row (text, vector, search vectors) is larger than the 2 kB TOAST threshold: the vector, read
  -- only to build replicas, goes out of line first and uncompressed, so the search vectors stay in the row
  -- and ranking a match does not fetch it from the TOAST table.
  ALTER TABLE passages ALTER COLUMN vec SET STORAGE EXTERNAL, ALTER COLUMN tsv SET STORAGE MAIN, ALTER COLUMN seg SET STORAGE MAIN;
  `,
  SCHEMA_RECORDS,
  CLAIMS_SCHEMA,
];

/** An arbitrary constant: the advisory lock that keeps two processes from migrating at once. */
const MIGRATION_LOCK = 7_150_015;

/** Applies the migrations that have not run yet, all in one transaction under an advisory lock. */
export async function migratePostgres(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const { rows } = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
    for (let v = (rows[0]?.v ?? 0) + 1; v <= PG_MIGRATIONS.length; v++) {
      await client.query(PG_MIGRATIONS[v - 1]!);
      await client.query('INSERT INTO schema_migrations(version) VALUES ($1)', [v]);
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
