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
      // percentile_disc(0.5) is the value at position ceil(n / 2), 1-based: SQLite's floor((n - 1) / 2), 0-based.
      const { rows: [r] } = await q.query<{ n: number; median: number | null }>(
        'SELECT count(*)::int AS n, percentile_disc(0.5) WITHIN GROUP (ORDER BY ms) AS median FROM questions');
      if (!r || r.n === 0 || r.median === null) return { questionsAnswered: 0, medianLatencyMs: null };
      return { questionsAnswered: r.n, medianLatencyMs: Math.round(r.median * 10) / 10 };
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
