import type { ClaimStatus } from '../../core/answer.js';
import type { ClaimEntry } from '../../core/claims.js';
import type { ClaimStore } from '../../core/ledger-ports.js';
import type { LedgerEntry } from '../../core/ledger.js';
import type { Queryable } from './queryable.js';
import { TIMELINE_SELECT, toTimeline, type TimelineRow } from '../claim-rows.js';

type MentionRow = {
  id: string; claim_id: string; about_id: string | null; doc_id: string; start: number; end: number; text: string;
  speaker_id: string | null; speaker_name: string | null; source_text: string | null; speaker_label: string | null; speaker_kind: string | null;
  cue: string | null; stance: string; cameo: string; also: string | null; certainty: string; hedges: string | null; role: LedgerEntry['role'];
  via: string; kind: LedgerEntry['kind']; status: ClaimStatus; derived_status: ClaimStatus; reason: string; about_status: ClaimStatus | null;
  title: string | null; url: string | null; publisher: string | null; published: string | null;
  r_status: ClaimStatus | null; r_note: string | null; r_evidence: string | null; r_reviewer: string | null; r_at: string | null;
};

/** Entries with their claim, the claim they are about, their document and their claim's latest review. */
const COLUMNS = `m.id, m.claim_id, m.about_id, m.doc_id, m.start, m."end", m.text, m.speaker_id, m.speaker_name, m.source_text,
  m.speaker_label, m.speaker_kind, m.cue, m.stance, m.cameo, m.also, m.certainty, m.hedges, m.role, m.via,
  c.kind, c.status, c.derived_status, c.reason, a.status AS about_status, d.title, d.url, d.publisher, d.published,
  r.status AS r_status, r.note AS r_note, r.evidence AS r_evidence, r.reviewer AS r_reviewer, r.at AS r_at`;
const JOINS = `JOIN claims c ON c.id = m.claim_id LEFT JOIN claims a ON a.id = m.about_id JOIN documents d ON d.id = m.doc_id
  LEFT JOIN LATERAL (SELECT status, note, evidence, reviewer, at FROM claim_reviews WHERE claim_id = m.claim_id ORDER BY id DESC LIMIT 1) r ON true`;
const SELECT = `SELECT ${COLUMNS} FROM claim_mentions m ${JOINS}`;
/** The entries of many spans in one statement: each span's number beside its entries. */
const IN_SPANS = `SELECT s.i::integer AS span_i, ${COLUMNS}
  FROM unnest($1::text[], $2::integer[], $3::integer[]) WITH ORDINALITY AS s(doc, a, b, i)
  JOIN claim_mentions m ON m.doc_id = s.doc AND m.start < s.b AND m."end" > s.a ${JOINS}
  ORDER BY s.i, m.start`;

function toEntry(r: MentionRow): LedgerEntry {
  const json = (s: string | null) => (s ? (JSON.parse(s) as string[]) : []);
  const review: ClaimEntry['review'] = r.r_status === null ? undefined
    : { status: r.r_status, note: r.r_note!, evidence: r.r_evidence ?? undefined, reviewer: r.r_reviewer!, at: r.r_at! };
  return {
    id: r.id, claimId: r.claim_id, text: r.text, speaker: r.speaker_label ?? r.speaker_name ?? r.source_text ?? undefined,
    actor: r.speaker_name ?? undefined, speakerKind: r.speaker_kind ?? (r.speaker_id ? undefined : r.source_text ? 'unnamed' : 'outlet'),
    speakerId: r.speaker_id ?? undefined, source: r.source_text ?? undefined, stance: r.stance, cameo: r.cameo, status: r.status,
    derivedStatus: r.derived_status, reason: r.reason, docId: r.doc_id, start: r.start, end: r.end, kind: r.kind, role: r.role,
    cue: r.cue ?? undefined, certainty: r.certainty, hedges: json(r.hedges), also: json(r.also), via: r.via, review,
    about: r.about_id && r.about_status ? { id: r.about_id, status: r.about_status } : undefined,
    title: r.title ?? undefined, url: r.url ?? undefined, publisher: r.publisher ?? undefined, published: r.published ?? undefined,
  };
}

type Reads = Pick<ClaimStore, 'entries' | 'entry' | 'inSpan' | 'inSpans' | 'count' | 'latestReview' | 'storyMentions' | 'claimMentions'
  | 'actorMentions' | 'mentionsInSpans' | 'claimOf' | 'claimKind' | 'reviewsOf'>;

/** What the ledger, timelines and watches read, on PostgreSQL. */
export function pgClaimReads(q: Queryable): Reads {
  const entries = async (sql: string, args: unknown[], name?: string) =>
    (await q.query<MentionRow>({ text: sql, values: args, ...(name ? { name } : {}) })).rows.map(toEntry);
  return {
    entries(f) {
      const where: string[] = [];
      const args: unknown[] = [];
      const arg = (v: unknown) => `$${args.push(v)}`;
      if (f.actorId || f.actorText) {
        // The same alternatives as SQLite's (case-insensitive like its LIKE), each only when its value is given.
        const any = [`m.speaker_name ILIKE ${arg(f.actorText ?? f.actorId)}`];
        if (f.actorId) any.push(`m.speaker_id = ${arg(f.actorId)}`, `m.co_speakers LIKE ${arg(`%"${f.actorId}"%`)}`);
        if (f.actorText) any.push(`m.source_text ILIKE ${arg(f.actorText)}`, `m.speaker_label ILIKE ${arg(`%${f.actorText.replace(/[%_]/g, '')}%`)}`);
        where.push(`(${any.join(' OR ')})`);
      }
      if (f.status) where.push(`c.status = ${arg(f.status)}`);
      if (f.docId) where.push(`m.doc_id = ${arg(f.docId)}`);
      if (f.claimId) where.push(`m.claim_id = ${arg(f.claimId)}`);
      const limit = arg(f.limit ?? null);
      return entries(`${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY d.added_at, d.id COLLATE "C", m.start LIMIT ${limit}::integer`, args);
    },
    async entry(id) {
      return (await entries(`${SELECT} WHERE m.id = $1`, [id]))[0]
        ?? (await entries(`${SELECT} WHERE m.claim_id = $1 ORDER BY m.start LIMIT 1`, [id]))[0];
    },
    // Planned once per connection (an answer reads several spans): the (doc_id, start) index serves every span.
    inSpan: (docId, start, end) => entries(`${SELECT} WHERE m.doc_id = $1 AND m.start < $2 AND m."end" > $3 ORDER BY m.start`, [docId, end, start],
      'dd_claims_in_span'),
    async inSpans(spans) {
      if (spans.length === 0) return [];
      const { rows } = await q.query<MentionRow & { span_i: number }>({ name: 'dd_claims_in_spans', text: IN_SPANS,
        values: [spans.map((s) => s.docId), spans.map((s) => s.start), spans.map((s) => s.end)] });
      const out = spans.map((): LedgerEntry[] => []);
      for (const r of rows) out[r.span_i - 1]!.push(toEntry(r));
      return out;
    },
    async count() {
      return (await q.query<{ n: number }>('SELECT count(*)::integer AS n FROM claim_mentions')).rows[0]!.n;
    },
    async latestReview(claimId) {
      const { rows } = await q.query<{ status: ClaimStatus; note: string; evidence: string | null; reviewer: string; at: string }>(
        'SELECT status, note, evidence, reviewer, at FROM claim_reviews WHERE claim_id = $1 ORDER BY id DESC LIMIT 1', [claimId]);
      const r = rows[0];
      return r && { status: r.status, note: r.note, evidence: r.evidence ?? undefined, reviewer: r.reviewer, at: r.at };
    },
    ...timelineReads(q),
  };
}

const TL_ORDER = 'ORDER BY date, d.added_at, m.doc_id COLLATE "C", m.start';


function timelineReads(q: Queryable): Pick<Reads, 'storyMentions' | 'claimMentions' | 'actorMentions' | 'mentionsInSpans' | 'claimOf'
  | 'claimKind' | 'reviewsOf'> {
  const rows = async (sql: string, args: unknown[]) => (await q.query<TimelineRow>(sql, args)).rows.map(toTimeline);
  return {
    storyMentions: (claimId, limit) => rows(`${TIMELINE_SELECT} WHERE m.claim_id = $1 OR m.about_id = $1 ${TL_ORDER} LIMIT $2`, [claimId, limit]),
    claimMentions: (claimId) => rows(`${TIMELINE_SELECT} WHERE m.claim_id = $1 ${TL_ORDER}`, [claimId]),
    actorMentions: (actorId, name, limit) => (actorId
      ? rows(`${TIMELINE_SELECT} WHERE m.speaker_id = $1 ${TL_ORDER} LIMIT $2`, [actorId, limit])
      : rows(`${TIMELINE_SELECT} WHERE lower(m.speaker_name) = lower($1) OR lower(m.source_text) = lower($1) OR lower(m.speaker_label) = lower($1)
        ${TL_ORDER} LIMIT $2`, [name, limit])),
    async mentionsInSpans(spans) {
      if (spans.length === 0) return [];
      const { rows: found } = await q.query<{ id: string; claimId: string; storyId: string; text: string }>(`SELECT m.id, m.claim_id AS "claimId",
          COALESCE(m.about_id, m.claim_id) AS "storyId", m.text
        FROM unnest($1::text[], $2::integer[], $3::integer[]) WITH ORDINALITY AS s(doc_id, start, e, n)
        JOIN claim_mentions m ON m.doc_id = s.doc_id AND m.start < s.e AND m."end" > s.start ORDER BY s.n, m.start`,
      [spans.map((s) => s.docId), spans.map((s) => s.start), spans.map((s) => s.end)]);
      return found;
    },
    async claimOf(id) {
      const { rows: r } = await q.query<{ id: string | null }>(`SELECT COALESCE((SELECT claim_id FROM claim_mentions WHERE id = $1),
        (SELECT id FROM claims WHERE id = $1)) AS id`, [id]);
      return r[0]?.id ?? undefined;
    },
    async claimKind(claimId) {
      const { rows: r } = await q.query<{ kind: 'event' | 'statement'; about: string | null }>(`SELECT c.kind,
        (SELECT about_id FROM claim_mentions WHERE claim_id = c.id AND about_id IS NOT NULL ORDER BY seq LIMIT 1) AS about
        FROM claims c WHERE c.id = $1`, [claimId]);
      return r[0] && { kind: r[0].kind, ...(r[0].about ? { aboutId: r[0].about } : {}) };
    },
    async reviewsOf(claimIds) {
      const { rows: r } = await q.query<{ claim_id: string; status: ClaimStatus; note: string; evidence: string | null; reviewer: string; at: string }>(
        'SELECT claim_id, status, note, evidence, reviewer, at FROM claim_reviews WHERE claim_id = ANY($1::text[]) ORDER BY id', [[...claimIds]]);
      return r.map((x) => ({ claimId: x.claim_id, status: x.status, note: x.note, ...(x.evidence ? { evidence: x.evidence } : {}),
        reviewer: x.reviewer, at: x.at }));
    },
  };
}
