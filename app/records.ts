import { UserError } from '../core/errors.js';
import type { FeedbackEntry, FeedbackInput, QuestionStats, RecordStore } from '../core/record-ports.js';

/**
 * Runs a write that must never fail an answer: while the store is busy (another process holds the
 * write lock, or the database cannot be reached for a moment), the answer matters more than the record.
 */
export async function bestEffort(write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (err) {
    if (!(err instanceof UserError && err.code === 'STORE_BUSY')) throw err;
  }
}

/**
 * Records that a question was answered (no text: only when, where, whether it abstained, how long).
 * Best effort (see {@link bestEffort}).
 */
export function logQuestion(records: RecordStore, channel: string, abstained: boolean, ms: number): Promise<void> {
  return bestEffort(() => records.logQuestion({ askedAt: new Date().toISOString(), channel, abstained, ms }));
}

/** Questions answered and their median latency. */
export function questionStats(records: RecordStore): Promise<QuestionStats> {
  return records.questionStats();
}

/** Stores a vote or a report on an answer (the texts cut to bounded lengths). */
export function recordFeedback(records: RecordStore, f: FeedbackInput): Promise<FeedbackEntry> {
  return records.recordFeedback({
    ...f, createdAt: new Date().toISOString(), question: f.question.slice(0, 2000),
    ...(f.answerText !== undefined && { answerText: f.answerText.slice(0, 6000) }),
    ...(f.note !== undefined && { note: f.note.slice(0, 2000) }),
  });
}

/** Recent feedback, newest first. */
export function listFeedback(records: RecordStore, limit = 20): Promise<FeedbackEntry[]> {
  return records.listFeedback(limit);
}
