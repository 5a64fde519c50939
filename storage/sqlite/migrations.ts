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
  // The speaker as named ("Sergey Lavrov") and its kind, beside the actor it speaks for (speaker_id, speaker_name).
  `
  ALTER TABLE claim_mentions ADD COLUMN speaker_label TEXT;
  ALTER TABLE claim_mentions ADD COLUMN speaker_kind TEXT;
  DELETE FROM meta WHERE key = 'claims_version';
  `,
  // Following a story (app/gaps.ts, app/watches.ts): questions the bot abstained on, grouped by their content
  // words (no user ids); members' watched claims; and an outbox of notifications written by a trigger in the
  // same transaction as the claim's status change, marked sent once delivered. While the ledger is
  // extracted again after an upgrade (meta 'ledger_rebuild'), claims are deleted and derived anew: that is
  // no news, so the triggers stay quiet and watches are kept.
  `
  CREATE TABLE gaps (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    key TEXT NOT NULL,
    terms TEXT NOT NULL,
    question TEXT NOT NULL,
    examples TEXT NOT NULL,
    count INTEGER NOT NULL,
    first_asked TEXT NOT NULL,
    last_asked TEXT NOT NULL,
    closed_at TEXT,
    closed_by TEXT
  );
  CREATE INDEX gaps_key ON gaps(key);
  CREATE INDEX gaps_open ON gaps(last_asked) WHERE closed_at IS NULL;
  CREATE TABLE watches (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id TEXT NOT NULL,
    claim_id TEXT NOT NULL,
    channel_id TEXT,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (user_id, claim_id)
  );
  CREATE INDEX watches_claim ON watches(claim_id);
  CREATE TABLE watch_outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id TEXT NOT NULL,
    channel_id TEXT,
    claim_id TEXT NOT NULL,
    claim_text TEXT,
    old_status TEXT,
    new_status TEXT NOT NULL,
    reason TEXT NOT NULL,
    review INTEGER NOT NULL DEFAULT 0,
    evidence TEXT,
    quote TEXT, doc_id TEXT, start INTEGER, "end" INTEGER, title TEXT, publisher TEXT, url TEXT, published TEXT,
    created_at TEXT NOT NULL,
    sent_at TEXT,
    sent_to TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT
  );
  CREATE INDEX watch_outbox_pending ON watch_outbox(attempts, id) WHERE sent_at IS NULL;
  CREATE TRIGGER claims_status_watched AFTER UPDATE OF status ON claims WHEN old.status IS NOT new.status
    AND NOT EXISTS (SELECT 1 FROM meta WHERE key = 'ledger_rebuild') BEGIN
    INSERT INTO watch_outbox (user_id, channel_id, claim_id, claim_text, old_status, new_status, reason, review, evidence,
      quote, doc_id, start, "end", title, publisher, url, published, created_at)
    SELECT w.user_id, w.channel_id, new.id, (SELECT text FROM claim_mentions WHERE claim_id = new.id ORDER BY rowid LIMIT 1),
      old.status, new.status, COALESCE(r.note, new.reason), r.note IS NOT NULL, r.evidence,
      m.text, m.doc_id, m.start, m."end", d.title, d.publisher, d.url, d.published, new.updated_at
    FROM watches w
    LEFT JOIN (SELECT note, evidence FROM claim_reviews WHERE claim_id = new.id AND at = new.updated_at ORDER BY id DESC LIMIT 1) r ON 1
    LEFT JOIN (SELECT text, doc_id, start, "end" FROM claim_mentions WHERE claim_id = new.id ORDER BY rowid DESC LIMIT 1) m ON 1
    LEFT JOIN documents d ON d.id = m.doc_id
    WHERE w.claim_id = new.id;
  END;
  CREATE TRIGGER claims_removed_watched AFTER DELETE ON claims WHEN NOT EXISTS (SELECT 1 FROM meta WHERE key = 'ledger_rebuild') BEGIN
    INSERT INTO watch_outbox (user_id, channel_id, claim_id, old_status, new_status, reason, created_at)
    SELECT w.user_id, w.channel_id, old.id, old.status, 'removed', 'no document in the corpus states it any more', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    FROM watches w WHERE w.claim_id = old.id;
    DELETE FROM watches WHERE claim_id = old.id;
  END;
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
