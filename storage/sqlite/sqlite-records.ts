import type { QuestionStats, RecordStore } from '../../core/record-ports.js';
import { feedbackOf, type FeedbackRow } from '../record-rows.js';
import type { SyncPort } from '../sync-port.js';
import { UserError } from '../../core/errors.js';
import { isBusy, type Store } from './store.js';

/** The question log and feedback over the SQLite store (tables `questions` and `feedback`). */
export function sqliteRecords(store: Store): SyncPort<RecordStore> {
  return {
    logQuestion: (q) => {
      try {
        store.sql('INSERT INTO questions (asked_at, channel, abstained, ms) VALUES (?, ?, ?, ?)')
          .run(q.askedAt, q.channel, q.abstained ? 1 : 0, q.ms);
      } catch (err) {
        // Another process holds the write lock: STORE_BUSY, which the app's best-effort log skips.
        if (isBusy(err)) throw new UserError('STORE_BUSY');
        throw err;
      }
    },
    questionStats: (): QuestionStats => {
      const n = store.sql('SELECT count(*) FROM questions').pluck().get() as number;
      if (n === 0) return { questionsAnswered: 0, medianLatencyMs: null };
      const median = store.sql('SELECT ms FROM questions ORDER BY ms LIMIT 1 OFFSET ?').pluck().get(Math.floor((n - 1) / 2)) as number;
      return { questionsAnswered: n, medianLatencyMs: Math.round(median * 10) / 10 };
    },
    recordFeedback: (f) => {
      const res = store.sql(`INSERT INTO feedback (created_at, kind, question, answer_text, user_id, guild_id, channel_id,
          message_id, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(f.createdAt, f.kind, f.question, f.answerText ?? null, f.userId ?? null,
          f.guildId ?? null, f.channelId ?? null, f.messageId ?? null, f.note ?? null);
      return { ...f, id: Number(res.lastInsertRowid) };
    },
    listFeedback: (limit) => (store.sql('SELECT * FROM feedback ORDER BY id DESC LIMIT ?').all(limit) as FeedbackRow[]).map(feedbackOf),
  };
}
