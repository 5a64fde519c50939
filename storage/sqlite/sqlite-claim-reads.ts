import type { ClaimStatus } from '../../core/answer.js';
import type { ClaimEntry } from '../../core/claims.js';
import type { ClaimStore } from '../../core/ledger-ports.js';
import type { LedgerEntry } from '../../core/ledger.js';
import { type Sync } from './sqlite-rows.js';
import { TIMELINE_SELECT, toTimeline, type TimelineRow } from '../claim-rows.js';
import type { Store } from './store.js';

type MentionRow = {
  id: string; claim_id: string; about_id: string | null; doc_id: string; start: number; end: number; text: string;
  speaker_id: string | null; speaker_name: string | null; source_text: string | null; speaker_label: string | null; speaker_kind: string | null; cue: string | null; stance: string;
  cameo: string; also: string | null; certainty: string; hedges: string | null; role: LedgerEntry['role']; via: string;
  kind: LedgerEntry['kind']; status: ClaimStatus; derived_status: ClaimStatus; reason: string; about_status: ClaimStatus | null;
  title: string | null; url: string | null; publisher: string | null; published: string | null;
};

const SELECT = `SELECT m.*, c.kind, c.status, c.derived_status, c.reason, a.status AS about_status,
  d.title, d.url, d.publisher, d.published FROM claim_mentions m JOIN claims c ON c.id = m.claim_id
  LEFT JOIN claims a ON a.id = m.about_id JOIN documents d ON d.id = m.doc_id`;

type EntryReads = Pick<Sync<ClaimStore>, 'entries' | 'entry' | 'inSpan' | 'inSpans' | 'count' | 'latestReview'>;

/** Ledger entries with their claim's latest review. */
export function entryReads(store: Store): EntryReads {
  const latestReview = (claimId: string): ClaimEntry['review'] => {
    const r = store.sql('SELECT status, note, evidence, reviewer, at FROM claim_reviews WHERE claim_id = ? ORDER BY id DESC LIMIT 1')
      .get(claimId) as { status: ClaimStatus; note: string; evidence: string | null; reviewer: string; at: string } | undefined;
    return r && { status: r.status, note: r.note, evidence: r.evidence ?? undefined, reviewer: r.reviewer, at: r.at };
  };
  const withReview = (r: MentionRow) => toEntry(r, latestReview(r.claim_id));
  const inSpan = (docId: string, start: number, end: number): LedgerEntry[] =>
    (store.sql(`${SELECT} WHERE m.doc_id = ? AND m.start < ? AND m."end" > ? ORDER BY m.start`).all(docId, end, start) as MentionRow[]).map(withReview);
  return {
    latestReview,
    entries(f) {
      const where: string[] = [];
      const args: unknown[] = [];
      if (f.actorId || f.actorText) {
        where.push('(m.speaker_id = ? OR m.speaker_name LIKE ? OR m.source_text LIKE ? OR m.co_speakers LIKE ? OR m.speaker_label LIKE ?)');
        args.push(f.actorId ?? '', f.actorText ?? f.actorId ?? '', f.actorText ?? '\u0000', `%"${f.actorId ?? '\u0000'}"%`,
          f.actorText ? `%${f.actorText.replace(/[%_]/g, '')}%` : '\u0000');
      }
      if (f.status) { where.push('c.status = ?'); args.push(f.status); }
      if (f.docId) { where.push('m.doc_id = ?'); args.push(f.docId); }
      if (f.claimId) { where.push('m.claim_id = ?'); args.push(f.claimId); }
      const sql = `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY d.added_at, d.id, m.start LIMIT ?`;
      return (store.sql(sql).all(...args, f.limit ?? -1) as MentionRow[]).map(withReview);
    },
    entry(id) {
      const r = store.sql(`${SELECT} WHERE m.id = ?`).get(id) as MentionRow | undefined
        ?? store.sql(`${SELECT} WHERE m.claim_id = ? ORDER BY m.start LIMIT 1`).get(id) as MentionRow | undefined;
      return r && withReview(r);
    },
    inSpan,
    inSpans: (spans) => spans.map((s) => inSpan(s.docId, s.start, s.end)),
    count: () => store.sql('SELECT count(*) FROM claim_mentions').pluck().get() as number,
  };
}

function toEntry(r: MentionRow, review: ClaimEntry['review']): LedgerEntry {
  const json = (s: string | null) => (s ? (JSON.parse(s) as string[]) : []);
  return {
    id: r.id, claimId: r.claim_id, text: r.text, speaker: r.speaker_label ?? r.speaker_name ?? r.source_text ?? undefined,
    actor: r.speaker_name ?? undefined, speakerKind: r.speaker_kind ?? (r.speaker_id ? undefined : r.source_text ? 'unnamed' : 'outlet'), speakerId: r.speaker_id ?? undefined,
    source: r.source_text ?? undefined, stance: r.stance, cameo: r.cameo, status: r.status, derivedStatus: r.derived_status,
    reason: r.reason, docId: r.doc_id, start: r.start, end: r.end, kind: r.kind, role: r.role, cue: r.cue ?? undefined,
    certainty: r.certainty, hedges: json(r.hedges), also: json(r.also), via: r.via, review,
    about: r.about_id && r.about_status ? { id: r.about_id, status: r.about_status } : undefined,
    title: r.title ?? undefined, url: r.url ?? undefined, publisher: r.publisher ?? undefined, published: r.published ?? undefined,
  };
}

const TL_ORDER = 'ORDER BY date, d.added_at, m.doc_id, m.start';


type TimelineReads = Pick<Sync<ClaimStore>, 'storyMentions' | 'claimMentions' | 'actorMentions' | 'mentionsInSpans' | 'claimOf' | 'claimKind' | 'reviewsOf'>;

/** What timelines, stories and watches read of the ledger. */
export function timelineReads(store: Store): TimelineReads {
  const rows = (sql: string, ...args: unknown[]) => (store.sql(sql).all(...args) as TimelineRow[]).map(toTimeline);
  return {
    storyMentions: (claimId, limit) => rows(`${TIMELINE_SELECT} WHERE m.claim_id = ? OR m.about_id = ? ${TL_ORDER} LIMIT ?`, claimId, claimId, limit),
    claimMentions: (claimId) => rows(`${TIMELINE_SELECT} WHERE m.claim_id = ? ${TL_ORDER}`, claimId),
    actorMentions: (actorId, name, limit) => (actorId
      ? rows(`${TIMELINE_SELECT} WHERE m.speaker_id = ? ${TL_ORDER} LIMIT ?`, actorId, limit)
      : rows(`${TIMELINE_SELECT} WHERE m.speaker_name = ? COLLATE NOCASE OR m.source_text = ? COLLATE NOCASE OR m.speaker_label = ? COLLATE NOCASE ${TL_ORDER} LIMIT ?`,
        name, name, name, limit)),
    mentionsInSpans(spans) {
      const st = store.sql(`SELECT m.id, m.claim_id AS claimId, COALESCE(m.about_id, m.claim_id) AS storyId, m.text FROM claim_mentions m
        WHERE m.doc_id = ? AND m.start < ? AND m."end" > ?`);
      return spans.flatMap((s) => st.all(s.docId, s.end, s.start) as { id: string; claimId: string; storyId: string; text: string }[]);
    },
    claimOf: (id) => (store.sql('SELECT claim_id FROM claim_mentions WHERE id = ?').pluck().get(id) as string | undefined)
      ?? (store.sql('SELECT id FROM claims WHERE id = ?').pluck().get(id) as string | undefined),
    claimKind(claimId) {
      const r = store.sql('SELECT c.kind, (SELECT about_id FROM claim_mentions WHERE claim_id = c.id AND about_id IS NOT NULL LIMIT 1) AS about FROM claims c WHERE c.id = ?')
        .get(claimId) as { kind: 'event' | 'statement'; about: string | null } | undefined;
      return r && { kind: r.kind, ...(r.about ? { aboutId: r.about } : {}) };
    },
    reviewsOf(claimIds) {
      const rs = store.sql(`SELECT claim_id, status, note, evidence, reviewer, at FROM claim_reviews WHERE claim_id IN (SELECT value FROM json_each(?)) ORDER BY id`)
        .all(JSON.stringify(claimIds)) as { claim_id: string; status: ClaimStatus; note: string; evidence: string | null; reviewer: string; at: string }[];
      return rs.map((r) => ({ claimId: r.claim_id, status: r.status, note: r.note, ...(r.evidence ? { evidence: r.evidence } : {}), reviewer: r.reviewer, at: r.at }));
    },
  };
}
