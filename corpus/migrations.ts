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
