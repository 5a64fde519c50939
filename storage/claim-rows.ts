import type { MentionStatusRecord, TimelineMentionRecord } from '../core/ledger-ports.js';

/**
 * Rows of the claim tables as both adapters select them (the same columns; a boolean is 0/1 on SQLite),
 * and their conversion to the port's records.
 */

/** The status fields of a stored mention, as selected. */
export type StatusRow = {
  claim_id: string; role: MentionStatusRecord['role']; certainty: MentionStatusRecord['certainty']; speaker_id: string | null;
  speaker_name: string | null; source_text: string | null; sources: string; text: string; factive: number | boolean;
};

/** A stored mention's status fields. */
export function statusRecordOf(r: Omit<StatusRow, 'claim_id'>): MentionStatusRecord {
  return {
    role: r.role, certainty: r.certainty, sources: JSON.parse(r.sources) as string[], text: r.text, factive: r.factive === true || r.factive === 1,
    ...(r.speaker_id !== null && { speakerId: r.speaker_id }), ...(r.speaker_name !== null && { speakerName: r.speaker_name }),
    ...(r.source_text !== null && { sourceText: r.source_text }),
  };
}

/** A mention as a timeline selects it. */
export type TimelineRow = Omit<StatusRow, 'claim_id'> & {
  id: string; claim_id: string; about_id: string | null; kind: 'event' | 'statement'; date: string; doc_id: string; start: number; end: number;
  stance: string; speaker_label: string | null; title: string; publisher: string | null; url: string | null;
};

/** The columns and joins of a timeline read (the adapters add their WHERE and ORDER BY). */
export const TIMELINE_SELECT = `SELECT m.id, m.claim_id, m.about_id, c.kind, COALESCE(m.published, substr(d.published, 1, 10), substr(d.added_at, 1, 10)) AS date,
  m.doc_id, m.start, m."end", m.text, m.stance, m.role, m.certainty, m.speaker_id, m.speaker_name, m.source_text, m.sources, m.factive,
  m.speaker_label, d.title, d.publisher, d.url FROM claim_mentions m JOIN claims c ON c.id = m.claim_id JOIN documents d ON d.id = m.doc_id`;

/** A timeline row as the port's record. */
export function toTimeline(r: TimelineRow): TimelineMentionRecord {
  return {
    id: r.id, claimId: r.claim_id, ...(r.about_id ? { aboutId: r.about_id } : {}), kind: r.kind, date: r.date, docId: r.doc_id,
    start: r.start, end: r.end, quote: r.text, stance: r.stance, title: r.title, ...(r.publisher ? { publisher: r.publisher } : {}),
    ...(r.url ? { url: r.url } : {}), ...(r.speaker_label ? { speakerLabel: r.speaker_label } : {}), ...statusRecordOf(r),
  };
}
