/**
 * The question log, feedback on answers and coverage gaps (as in SQLite's storage/sqlite/migrations.ts):
 * the question log holds no text; gaps keep their content words and wordings as jsonb lists.
 */
export const SCHEMA_RECORDS = `
  CREATE TABLE questions (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    asked_at text NOT NULL,
    channel text NOT NULL,
    abstained boolean NOT NULL,
    ms double precision NOT NULL
  );
  CREATE TABLE feedback (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    created_at text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('up', 'down', 'report')),
    question text NOT NULL,
    answer_text text,
    user_id text, guild_id text, channel_id text, message_id text,
    note text
  );
  CREATE INDEX feedback_created ON feedback(created_at);
  CREATE TABLE gaps (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key text NOT NULL,
    terms jsonb NOT NULL,
    question text NOT NULL,
    examples jsonb NOT NULL,
    count integer NOT NULL,
    first_asked text NOT NULL,
    last_asked text NOT NULL,
    closed_at text,
    closed_by jsonb
  );
  CREATE INDEX gaps_key ON gaps(key);
  CREATE INDEX gaps_open ON gaps(last_asked) WHERE closed_at IS NULL;
`;
