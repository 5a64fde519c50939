import type { MentionStatusRecord } from '../../core/ledger-ports.js';

/** A port with its methods made synchronous: what the SQLite adapters implement, before the promise wrapping. */
export type Sync<P> = { [K in keyof P]: P[K] extends (...a: infer A) => Promise<infer R> ? (...a: A) => R : never };

/** The status fields of a stored mention, as selected. */
export type StatusRow = {
  claim_id: string; role: MentionStatusRecord['role']; certainty: MentionStatusRecord['certainty']; speaker_id: string | null;
  speaker_name: string | null; source_text: string | null; sources: string; text: string; factive: number;
};

/** A stored mention's status fields. */
export function statusRecordOf(r: Omit<StatusRow, 'claim_id'>): MentionStatusRecord {
  return {
    role: r.role, certainty: r.certainty, sources: JSON.parse(r.sources) as string[], text: r.text, factive: r.factive === 1,
    ...(r.speaker_id !== null && { speakerId: r.speaker_id }), ...(r.speaker_name !== null && { speakerName: r.speaker_name }),
    ...(r.source_text !== null && { sourceText: r.source_text }),
  };
}
