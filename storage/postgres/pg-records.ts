import type { RecordStore } from '../../core/record-ports.js';
import { feedbackOf, type FeedbackRow } from '../record-rows.js';
import { busyAsStoreBusy } from './pg-errors.js';
import type { Queryable } from './queryable.js';

/** The question log and feedback over PostgreSQL (tables `questions` and `feedback`). */
export function pgRecords(q: Queryable): RecordStore {
  return {
    logQuestion: (e) => busyAsStoreBusy(async () => {
      await q.query('INSERT INTO questions (asked_at, channel, abstained, ms) VALUES ($1, $2, $3, $4)', [e.askedAt, e.channel, e.abstained, e.ms]);
    }),
    questionStats: async () => {
      const { rows: [c] } = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM questions');
      const n = c?.n ?? 0;
      if (n === 0) return { questionsAnswered: 0, medianLatencyMs: null };
      // The lower middle value, as SQLite's adapter reads it (not percentile_cont's interpolation).
      const { rows: [m] } = await q.query<{ ms: number }>('SELECT ms FROM questions ORDER BY ms LIMIT 1 OFFSET $1', [Math.floor((n - 1) / 2)]);
      return { questionsAnswered: n, medianLatencyMs: Math.round(m!.ms * 10) / 10 };
    },
    recordFeedback: async (f) => {
      const { rows: [r] } = await q.query<{ id: string }>(`INSERT INTO feedback (created_at, kind, question, answer_text, user_id, guild_id,
          channel_id, message_id, note) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [f.createdAt, f.kind, f.question, f.answerText ?? null, f.userId ?? null, f.guildId ?? null, f.channelId ?? null,
        f.messageId ?? null, f.note ?? null]);
      return { ...f, id: Number(r!.id) };
    },
    listFeedback: async (limit) => {
      const { rows } = await q.query<FeedbackRow>('SELECT * FROM feedback ORDER BY id DESC LIMIT $1', [limit]);
      return rows.map(feedbackOf);
    },
  };
}
