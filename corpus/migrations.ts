import type Database from 'better-sqlite3';

/**
 * Schema migrations, applied in order inside one transaction each; `PRAGMA user_version` records
 * how many have run. Append new ones; never edit one that has shipped.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    publisher TEXT, url TEXT, published TEXT,
    kind TEXT NOT NULL, language TEXT NOT NULL,
    speaker TEXT, speaker_id TEXT, licence TEXT, sources TEXT,
    content_hash TEXT NOT NULL UNIQUE,
    text TEXT NOT NULL,
    added_at TEXT NOT NULL
  );
  CREATE TABLE chunks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    attrib TEXT,
    vec BLOB
  );
  CREATE INDEX chunks_doc ON chunks(doc_id, ord);
  CREATE INDEX documents_speaker ON documents(speaker_id);
  CREATE VIRTUAL TABLE chunks_fts USING fts5(
    text, title, content='', contentless_delete=1, tokenize='porter unicode61 remove_diacritics 2'
  );
  CREATE TRIGGER chunks_fts_insert AFTER INSERT ON chunks BEGIN
    INSERT INTO chunks_fts(rowid, text, title)
    VALUES (new.id, new.text, (SELECT title FROM documents WHERE id = new.doc_id));
  END;
  CREATE TRIGGER chunks_fts_delete AFTER DELETE ON chunks BEGIN
    DELETE FROM chunks_fts WHERE rowid = old.id;
  END;
  INSERT INTO meta(key, value) VALUES ('store_version', '0');
  `,
  `
  CREATE TABLE questions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    asked_at TEXT NOT NULL,
    channel TEXT NOT NULL,
    abstained INTEGER NOT NULL,
    ms REAL NOT NULL
  );
  CREATE TABLE feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('up', 'down', 'report')),
    question TEXT NOT NULL,
    answer_text TEXT,
    user_id TEXT, guild_id TEXT, channel_id TEXT, message_id TEXT,
    note TEXT
  );
  CREATE INDEX feedback_created ON feedback(created_at);
  `,
  // The claim ledger (claims/ledger-store.ts): mentions go with their document; a deleted mention marks its
  // claims stale so their status is derived again; reviews and the audit log are append-only.
  `
  CREATE TABLE claims (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('event', 'statement')),
    status TEXT NOT NULL,
    derived_status TEXT NOT NULL,
    reason TEXT NOT NULL,
    stale INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX claims_status ON claims(status);
  CREATE INDEX claims_stale ON claims(stale) WHERE stale = 1;
  CREATE TABLE claim_mentions (
    id TEXT PRIMARY KEY,
    claim_id TEXT NOT NULL REFERENCES claims(id),
    about_id TEXT REFERENCES claims(id) ON DELETE SET NULL,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    speaker_id TEXT, speaker_name TEXT, source_text TEXT, co_speakers TEXT,
    cue TEXT, stance TEXT NOT NULL, cameo TEXT NOT NULL, also TEXT,
    certainty TEXT NOT NULL, hedges TEXT, role TEXT NOT NULL, via TEXT NOT NULL,
    factive INTEGER NOT NULL DEFAULT 0,
    sources TEXT NOT NULL,
    published TEXT,
    sig TEXT NOT NULL
  );
  CREATE INDEX claim_mentions_claim ON claim_mentions(claim_id);
  CREATE INDEX claim_mentions_about ON claim_mentions(about_id);
  CREATE INDEX claim_mentions_doc ON claim_mentions(doc_id, start);
  CREATE INDEX claim_mentions_speaker ON claim_mentions(speaker_id);
  CREATE TABLE claim_terms (
    key TEXT NOT NULL,
    mention_id TEXT NOT NULL REFERENCES claim_mentions(id) ON DELETE CASCADE,
    PRIMARY KEY (key, mention_id)
  ) WITHOUT ROWID;
  CREATE INDEX claim_terms_mention ON claim_terms(mention_id);
  CREATE TRIGGER claim_mentions_deleted AFTER DELETE ON claim_mentions BEGIN
    UPDATE claims SET stale = 1 WHERE id = old.claim_id OR id = old.about_id;
  END;
  CREATE TABLE claim_reviews (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    claim_id TEXT NOT NULL,
    mention_id TEXT,
    status TEXT NOT NULL CHECK (status IN ('verified', 'refuted', 'disputed', 'unverified')),
    note TEXT NOT NULL,
    evidence TEXT,
    reviewer TEXT NOT NULL,
    at TEXT NOT NULL
  );
  CREATE INDEX claim_reviews_claim ON claim_reviews(claim_id, id);
  CREATE TABLE claim_audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    claim_id TEXT NOT NULL,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('derived', 'review', 'removed')),
    old_status TEXT,
    new_status TEXT,
    detail TEXT
  );
  CREATE INDEX claim_audit_claim ON claim_audit(claim_id, id);
  CREATE TRIGGER claim_reviews_append_only_u BEFORE UPDATE ON claim_reviews BEGIN SELECT RAISE(ABORT, 'claim reviews are append-only'); END;
  CREATE TRIGGER claim_reviews_append_only_d BEFORE DELETE ON claim_reviews BEGIN SELECT RAISE(ABORT, 'claim reviews are append-only'); END;
  CREATE TRIGGER claim_audit_append_only_u BEFORE UPDATE ON claim_audit BEGIN SELECT RAISE(ABORT, 'the claim audit log is append-only'); END;
  CREATE TRIGGER claim_audit_append_only_d BEFORE DELETE ON claim_audit BEGIN SELECT RAISE(ABORT, 'the claim audit log is append-only'); END;
  `,
  // Claim terms keyed by day too, so that clustering looks only at claims of nearby dates; the ledger is
  // extracted again on the next start (claims_version dropped).
  `
  DROP TABLE claim_terms;
  CREATE TABLE claim_terms (
    key TEXT NOT NULL,
    day TEXT NOT NULL,
    mention_id TEXT NOT NULL REFERENCES claim_mentions(id) ON DELETE CASCADE,
    PRIMARY KEY (key, day, mention_id)
  ) WITHOUT ROWID;
  CREATE INDEX claim_terms_mention ON claim_terms(mention_id);
  DELETE FROM meta WHERE key = 'claims_version';
  `,
  // Chunks of Chinese documents segmented into words (Intl.Segmenter), in a table of their own: unicode61
  // reads a run of Han characters as one token, so the main table cannot find a word inside it.
  `
  CREATE VIRTUAL TABLE chunks_fts_seg USING fts5(text, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
  CREATE TRIGGER chunks_fts_seg_delete AFTER DELETE ON chunks BEGIN
    DELETE FROM chunks_fts_seg WHERE rowid = old.id;
  END;
  `,
];

/** Brings the database schema up to date. */
export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let v = current; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
