import { isBusy, type Store } from '../storage/sqlite/store.js';
import type { FeedbackEntry, FeedbackInput } from './app.js';

/**
 * Records that a question was answered (no text: only when, where, whether it abstained, how long).
 * Best effort: while another process holds the write lock, the answer matters more than the log line.
 */
export function logQuestion(store: Store, channel: string, abstained: boolean, ms: number): void {
  try {
    store.sql('INSERT INTO questions (asked_at, channel, abstained, ms) VALUES (?, ?, ?, ?)')
      .run(new Date().toISOString(), channel, abstained ? 1 : 0, ms);
  } catch (err) {
    if (!isBusy(err)) throw err;
  }
}

/** Questions answered and their median latency. */
export function questionStats(store: Store): { questionsAnswered: number; medianLatencyMs: number | null } {
  const n = store.db.prepare('SELECT count(*) FROM questions').pluck().get() as number;
  if (n === 0) return { questionsAnswered: 0, medianLatencyMs: null };
  const median = store.db.prepare('SELECT ms FROM questions ORDER BY ms LIMIT 1 OFFSET ?').pluck().get(Math.floor((n - 1) / 2)) as number;
  return { questionsAnswered: n, medianLatencyMs: Math.round(median * 10) / 10 };
}

type FeedbackRow = {
  id: number; created_at: string; kind: FeedbackInput['kind']; question: string; answer_text: string | null;
  user_id: string | null; guild_id: string | null; channel_id: string | null; message_id: string | null; note: string | null;
};

/** Stores a vote or a report on an answer. */
export function recordFeedback(store: Store, f: FeedbackInput): FeedbackEntry {
  const createdAt = new Date().toISOString();
  const res = store.db.prepare(`INSERT INTO feedback (created_at, kind, question, answer_text, user_id, guild_id, channel_id,
      message_id, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(createdAt, f.kind, f.question.slice(0, 2000), f.answerText?.slice(0, 6000) ?? null, f.userId ?? null,
      f.guildId ?? null, f.channelId ?? null, f.messageId ?? null, f.note?.slice(0, 2000) ?? null);
  return { ...f, id: Number(res.lastInsertRowid), createdAt };
}

/** Recent feedback, newest first. */
export function listFeedback(store: Store, limit = 20): FeedbackEntry[] {
  const rows = store.db.prepare('SELECT * FROM feedback ORDER BY id DESC LIMIT ?').all(limit) as FeedbackRow[];
  return rows.map((r) => ({
    id: r.id, createdAt: r.created_at, kind: r.kind, question: r.question, answerText: r.answer_text ?? undefined,
    userId: r.user_id ?? undefined, guildId: r.guild_id ?? undefined, channelId: r.channel_id ?? undefined,
    messageId: r.message_id ?? undefined, note: r.note ?? undefined,
  }));
}
