/**
 * The claim ledger, reviews, audit log, watches and their outbox on PostgreSQL: the tables of
 * storage/sqlite/migrations.ts with the same columns, indexes, cascades and triggers. `seq` stands for
 * SQLite's rowid where the order of insertion matters (a claim's first and newest statement).
 * claim_terms sorts bytewise (COLLATE "C") like SQLite, so the bounded lookups read the same rows.
 * While meta 'ledger_rebuild' is set, deleting and deriving claims again queues no notice.
 */
export const CLAIMS_SCHEMA = `
  CREATE TABLE claims (
    id text PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('event', 'statement')),
    status text NOT NULL,
    derived_status text NOT NULL,
    reason text NOT NULL,
    stale boolean NOT NULL DEFAULT false,
    created_at text NOT NULL,
    updated_at text NOT NULL
  );
  CREATE INDEX claims_status ON claims(status);
  CREATE INDEX claims_stale ON claims(stale) WHERE stale;
  CREATE TABLE claim_mentions (
    id text PRIMARY KEY,
    seq bigint GENERATED ALWAYS AS IDENTITY,
    claim_id text NOT NULL REFERENCES claims(id),
    about_id text REFERENCES claims(id) ON DELETE SET NULL,
    doc_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start integer NOT NULL,
    "end" integer NOT NULL,
    text text NOT NULL,
    speaker_id text, speaker_name text, source_text text, co_speakers text,
    cue text, stance text NOT NULL, cameo text NOT NULL, also text,
    certainty text NOT NULL, hedges text, role text NOT NULL, via text NOT NULL,
    factive boolean NOT NULL DEFAULT false,
    sources text NOT NULL,
    published text,
    sig text NOT NULL,
    speaker_label text, speaker_kind text
  );
  CREATE INDEX claim_mentions_claim ON claim_mentions(claim_id, seq);
  CREATE INDEX claim_mentions_about ON claim_mentions(about_id);
  CREATE INDEX claim_mentions_doc ON claim_mentions(doc_id, start);
  CREATE INDEX claim_mentions_speaker ON claim_mentions(speaker_id);
  CREATE TABLE claim_terms (
    key text COLLATE "C" NOT NULL,
    day text COLLATE "C" NOT NULL,
    mention_id text COLLATE "C" NOT NULL REFERENCES claim_mentions(id) ON DELETE CASCADE,
    PRIMARY KEY (key, day, mention_id)
  );
  CREATE INDEX claim_terms_mention ON claim_terms(mention_id);
  CREATE FUNCTION claim_mentions_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    UPDATE claims SET stale = true WHERE id = OLD.claim_id OR id = OLD.about_id;
    RETURN NULL;
  END $$;
  CREATE TRIGGER claim_mentions_deleted AFTER DELETE ON claim_mentions FOR EACH ROW EXECUTE FUNCTION claim_mentions_deleted();
  CREATE TABLE claim_reviews (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    claim_id text NOT NULL,
    mention_id text,
    status text NOT NULL CHECK (status IN ('verified', 'refuted', 'disputed', 'unverified')),
    note text NOT NULL,
    evidence text,
    reviewer text NOT NULL,
    at text NOT NULL
  );
  CREATE INDEX claim_reviews_claim ON claim_reviews(claim_id, id);
  CREATE TABLE claim_audit (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    claim_id text NOT NULL,
    at text NOT NULL,
    actor text NOT NULL,
    action text NOT NULL CHECK (action IN ('derived', 'review', 'removed')),
    old_status text,
    new_status text,
    detail text
  );
  CREATE INDEX claim_audit_claim ON claim_audit(claim_id, id);
  CREATE FUNCTION append_only() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION '%', TG_ARGV[0];
  END $$;
  CREATE TRIGGER claim_reviews_append_only BEFORE UPDATE OR DELETE ON claim_reviews
    FOR EACH ROW EXECUTE FUNCTION append_only('claim reviews are append-only');
  CREATE TRIGGER claim_audit_append_only BEFORE UPDATE OR DELETE ON claim_audit
    FOR EACH ROW EXECUTE FUNCTION append_only('the claim audit log is append-only');
  CREATE TABLE watches (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id text NOT NULL,
    claim_id text NOT NULL,
    channel_id text,
    status text NOT NULL,
    created_at text NOT NULL,
    UNIQUE (user_id, claim_id)
  );
  CREATE INDEX watches_claim ON watches(claim_id);
  CREATE TABLE watch_outbox (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id text NOT NULL,
    channel_id text,
    claim_id text NOT NULL,
    claim_text text,
    old_status text,
    new_status text NOT NULL,
    reason text NOT NULL,
    review boolean NOT NULL DEFAULT false,
    evidence text,
    quote text, doc_id text, start integer, "end" integer, title text, publisher text, url text, published text,
    created_at text NOT NULL,
    sent_at text,
    sent_to text,
    attempts integer NOT NULL DEFAULT 0,
    last_error text
  );
  CREATE INDEX watch_outbox_pending ON watch_outbox(attempts, id) WHERE sent_at IS NULL;
  CREATE FUNCTION claims_status_watched() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF EXISTS (SELECT 1 FROM meta WHERE key = 'ledger_rebuild') THEN RETURN NULL; END IF;
    INSERT INTO watch_outbox (user_id, channel_id, claim_id, claim_text, old_status, new_status, reason, review, evidence,
      quote, doc_id, start, "end", title, publisher, url, published, created_at)
    SELECT w.user_id, w.channel_id, NEW.id, (SELECT text FROM claim_mentions WHERE claim_id = NEW.id ORDER BY seq LIMIT 1),
      OLD.status, NEW.status, COALESCE(r.note, NEW.reason), r.note IS NOT NULL, r.evidence,
      m.text, m.doc_id, m.start, m."end", d.title, d.publisher, d.url, d.published, NEW.updated_at
    FROM watches w
    LEFT JOIN (SELECT note, evidence FROM claim_reviews WHERE claim_id = NEW.id AND at = NEW.updated_at ORDER BY id DESC LIMIT 1) r ON true
    LEFT JOIN (SELECT text, doc_id, start, "end" FROM claim_mentions WHERE claim_id = NEW.id ORDER BY seq DESC LIMIT 1) m ON true
    LEFT JOIN documents d ON d.id = m.doc_id
    WHERE w.claim_id = NEW.id
    ORDER BY w.id;
    RETURN NULL;
  END $$;
  CREATE TRIGGER claims_status_watched AFTER UPDATE OF status ON claims
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION claims_status_watched();
  CREATE FUNCTION claims_removed_watched() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF EXISTS (SELECT 1 FROM meta WHERE key = 'ledger_rebuild') THEN RETURN NULL; END IF;
    INSERT INTO watch_outbox (user_id, channel_id, claim_id, old_status, new_status, reason, created_at)
    SELECT w.user_id, w.channel_id, OLD.id, OLD.status, 'removed', 'no document in the corpus states it any more',
      to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
    FROM watches w WHERE w.claim_id = OLD.id ORDER BY w.id;
    DELETE FROM watches WHERE claim_id = OLD.id;
    RETURN NULL;
  END $$;
  CREATE TRIGGER claims_removed_watched AFTER DELETE ON claims FOR EACH ROW EXECUTE FUNCTION claims_removed_watched();
`;
