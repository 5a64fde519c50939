import type { FeedbackEntry, FeedbackInput, GapRecord } from '../core/record-ports.js';

/** A `feedback` row, as both adapters store it. */
export type FeedbackRow = {
  id: number | string; created_at: string; kind: FeedbackInput['kind']; question: string; answer_text: string | null;
  user_id: string | null; guild_id: string | null; channel_id: string | null; message_id: string | null; note: string | null;
};

/** A feedback row as the port returns it (absent fields, not nulls). */
export function feedbackOf(r: FeedbackRow): FeedbackEntry {
  return {
    id: Number(r.id), createdAt: r.created_at, kind: r.kind, question: r.question, answerText: r.answer_text ?? undefined,
    userId: r.user_id ?? undefined, guildId: r.guild_id ?? undefined, channelId: r.channel_id ?? undefined,
    messageId: r.message_id ?? undefined, note: r.note ?? undefined,
  };
}

/** A `gaps` row; the JSON columns are text on SQLite and already parsed (jsonb) on PostgreSQL. */
export type GapRow = {
  id: number | string; key: string; terms: string | string[]; question: string; examples: string | string[]; count: number;
  first_asked: string; last_asked: string; closed_at: string | null; closed_by: string | string[] | null;
};

const list = (v: string | string[]): string[] => (typeof v === 'string' ? JSON.parse(v) as string[] : v);

/** A gap row as the port returns it (closing fields only on a closed gap). */
export function gapOf(r: GapRow): GapRecord {
  return {
    id: Number(r.id), key: r.key, terms: list(r.terms), question: r.question, count: Number(r.count), lastAsked: r.last_asked,
    examples: list(r.examples), firstAsked: r.first_asked,
    ...(r.closed_at ? { closedAt: r.closed_at, closedBy: list(r.closed_by ?? '[]') } : {}),
  };
}
