import type { ClaimStatus } from '../core/answer.js';
import type { Store } from '../storage/sqlite/store.js';
import { statusMentionOf, type StatusMention, type StatusRow } from './status.js';

/** One mention as a timeline reads it: where and when it was said, and what status resolution needs. */
export interface TimelineMention extends StatusMention {
  id: string;
  claimId: string;
  aboutId?: string;
  kind: 'event' | 'statement';
  /** YYYY-MM-DD: the mention's date, else its document's publication date, else the day it was added. */
  date: string;
  docId: string;
  start: number;
  end: number;
  quote: string;
  stance: string;
  speakerName?: string;
  /** The speaker as named ("Sergey Lavrov"), beside the actor's name in `speakerName`. */
  speakerLabel?: string;
  sourceText?: string;
  title: string;
  publisher?: string;
  url?: string;
}

/** A moderator's review, as the timeline's status replay applies it. */
export interface TimelineReview { claimId: string; status: ClaimStatus; note: string; evidence?: string; reviewer: string; at: string }

type Row = StatusRow & {
  id: string; claim_id: string; about_id: string | null; kind: 'event' | 'statement'; date: string; doc_id: string; start: number; end: number;
  stance: string; speaker_label: string | null; title: string; publisher: string | null; url: string | null;
};

const SELECT = `SELECT m.id, m.claim_id, m.about_id, c.kind, COALESCE(m.published, substr(d.published, 1, 10), substr(d.added_at, 1, 10)) AS date,
  m.doc_id, m.start, m."end", m.text, m.stance, m.role, m.certainty, m.speaker_id, m.speaker_name, m.source_text, m.sources, m.factive,
  m.speaker_label, d.title, d.publisher, d.url FROM claim_mentions m JOIN claims c ON c.id = m.claim_id JOIN documents d ON d.id = m.doc_id`;
const ORDER = 'ORDER BY date, d.added_at, m.doc_id, m.start';

function toMention(r: Row): TimelineMention {
  return {
    id: r.id, claimId: r.claim_id, ...(r.about_id ? { aboutId: r.about_id } : {}), kind: r.kind, date: r.date, docId: r.doc_id,
    start: r.start, end: r.end, quote: r.text, stance: r.stance, title: r.title, ...(r.publisher ? { publisher: r.publisher } : {}),
    ...(r.url ? { url: r.url } : {}), ...(r.source_text ? { sourceText: r.source_text } : {}),
    ...(r.speaker_label ? { speakerLabel: r.speaker_label } : {}), ...statusMentionOf(r),
  };
}

/** The mentions of a story claim: its own, and the reactions about it, in date order. */
export function storyMentions(store: Store, claimId: string, limit = 500): TimelineMention[] {
  return (store.sql(`${SELECT} WHERE m.claim_id = ? OR m.about_id = ? ${ORDER} LIMIT ?`).all(claimId, claimId, limit) as Row[]).map(toMention);
}

/** The mentions of one claim only (what its status is derived from), in date order. */
export function claimMentions(store: Store, claimId: string): TimelineMention[] {
  return (store.sql(`${SELECT} WHERE m.claim_id = ? ${ORDER}`).all(claimId) as Row[]).map(toMention);
}

/**
 * Mentions whose speaker is the actor (by id, through the speaker index), else, for a name the gazetteer
 * does not know, whose speaker or unnamed source is named so; in date order.
 */
export function actorMentions(store: Store, actorId: string | undefined, name: string, limit = 500): TimelineMention[] {
  const rows = actorId
    ? store.sql(`${SELECT} WHERE m.speaker_id = ? ${ORDER} LIMIT ?`).all(actorId, limit) as Row[]
    : store.sql(`${SELECT} WHERE m.speaker_name = ? COLLATE NOCASE OR m.source_text = ? COLLATE NOCASE OR m.speaker_label = ? COLLATE NOCASE ${ORDER} LIMIT ?`)
      .all(name, name, name, limit) as Row[];
  return rows.map(toMention);
}

/** The mentions inside the given passages (document spans), with the claim each bears on and its text. */
export function mentionsInSpans(store: Store, spans: readonly { docId: string; start: number; end: number }[]):
{ id: string; claimId: string; storyId: string; text: string }[] {
  const st = store.sql(`SELECT m.id, m.claim_id AS claimId, COALESCE(m.about_id, m.claim_id) AS storyId, m.text FROM claim_mentions m
    WHERE m.doc_id = ? AND m.start < ? AND m."end" > ?`);
  return spans.flatMap((s) => st.all(s.docId, s.end, s.start) as { id: string; claimId: string; storyId: string; text: string }[]);
}

/** The claim a ledger id (a mention's or a claim's) belongs to, or undefined. */
export function claimOf(store: Store, id: string): string | undefined {
  return (store.sql('SELECT claim_id FROM claim_mentions WHERE id = ?').pluck().get(id) as string | undefined)
    ?? (store.sql('SELECT id FROM claims WHERE id = ?').pluck().get(id) as string | undefined);
}

/** The kind of a claim and the claim it is about (for a statement claim), or undefined. */
export function claimKind(store: Store, claimId: string): { kind: 'event' | 'statement'; aboutId?: string } | undefined {
  const r = store.sql('SELECT c.kind, (SELECT about_id FROM claim_mentions WHERE claim_id = c.id AND about_id IS NOT NULL LIMIT 1) AS about FROM claims c WHERE c.id = ?')
    .get(claimId) as { kind: 'event' | 'statement'; about: string | null } | undefined;
  return r && { kind: r.kind, ...(r.about ? { aboutId: r.about } : {}) };
}

/** Every review of the claims, oldest first. */
export function reviewsOf(store: Store, claimIds: readonly string[]): TimelineReview[] {
  const rows = store.sql(`SELECT claim_id, status, note, evidence, reviewer, at FROM claim_reviews WHERE claim_id IN (SELECT value FROM json_each(?)) ORDER BY id`)
    .all(JSON.stringify(claimIds)) as { claim_id: string; status: ClaimStatus; note: string; evidence: string | null; reviewer: string; at: string }[];
  return rows.map((r) => ({ claimId: r.claim_id, status: r.status, note: r.note, ...(r.evidence ? { evidence: r.evidence } : {}), reviewer: r.reviewer, at: r.at }));
}
