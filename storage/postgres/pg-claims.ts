import type { ClaimStatus } from '../../core/answer.js';
import type { ClaimStore, DeriveInput, MentionStatusRecord } from '../../core/ledger-ports.js';
import type { AuditEntry } from '../../core/ledger.js';
import { pgClaimReads } from './pg-claim-reads.js';
import { statusRecordOf, type StatusRow } from '../claim-rows.js';
import type { Atomic, Queryable } from './queryable.js';

const json = (xs: readonly string[]) => (xs.length ? JSON.stringify(xs) : null);

/**
 * A named statement: each connection plans it once and reuses the plan (the ledger's writes at ingest
 * run thousands of times with the same text).
 */
const named = (name: string, text: string, values: unknown[]) => ({ name, text, values });

/** The columns of a mention as the multi-row insert unnests them, in order, with their array types. */
const MENTION_COLUMNS: [string, string][] = [
  ['id', 'text'], ['claim_id', 'text'], ['about_id', 'text'], ['doc_id', 'text'], ['start', 'integer'], ['"end"', 'integer'],
  ['text', 'text'], ['speaker_id', 'text'], ['speaker_name', 'text'], ['source_text', 'text'], ['co_speakers', 'text'], ['cue', 'text'],
  ['stance', 'text'], ['cameo', 'text'], ['also', 'text'], ['certainty', 'text'], ['hedges', 'text'], ['role', 'text'], ['via', 'text'],
  ['factive', 'boolean'], ['sources', 'text'], ['published', 'text'], ['sig', 'text'], ['speaker_label', 'text'], ['speaker_kind', 'text'],
];
/**
 * A document's mentions and their clustering terms in one statement (atomic alone, no savepoint):
 * $1..$25 the mention columns, $26..$28 the terms (key, day, mention id).
 */
const INSERT_MENTIONS = `WITH m AS (INSERT INTO claim_mentions (${MENTION_COLUMNS.map(([c]) => c).join(', ')})
    SELECT ${MENTION_COLUMNS.map((_, i) => `u.c${i}`).join(', ')}
    FROM unnest(${MENTION_COLUMNS.map(([, t], i) => `$${i + 1}::${t}[]`).join(', ')}) WITH ORDINALITY
      AS u(${MENTION_COLUMNS.map((_, i) => `c${i}`).join(', ')}, n)
    ORDER BY u.n ON CONFLICT (id) DO NOTHING)
  INSERT INTO claim_terms (key, day, mention_id)
  SELECT * FROM unnest($${MENTION_COLUMNS.length + 1}::text[], $${MENTION_COLUMNS.length + 2}::text[], $${MENTION_COLUMNS.length + 3}::text[])
  ON CONFLICT DO NOTHING`;

/** What deriving reads, one row per claim: the claim, its latest review's status, its mentions in order (as JSON). */
const DERIVE_INPUTS = `SELECT c.id, c.kind, c.status, c.derived_status, c.reason,
  (SELECT r.status FROM claim_reviews r WHERE r.claim_id = c.id ORDER BY r.id DESC LIMIT 1) AS review,
  COALESCE((SELECT json_agg(json_build_object('role', m.role, 'certainty', m.certainty, 'speaker_id', m.speaker_id,
    'speaker_name', m.speaker_name, 'source_text', m.source_text, 'sources', m.sources, 'text', m.text, 'factive', m.factive) ORDER BY m.seq)
    FROM claim_mentions m WHERE m.claim_id = c.id), '[]'::json) AS mentions
  FROM claims c WHERE c.id = ANY($1::text[])`;

/**
 * The claim ledger's rows on PostgreSQL (schema-claims.ts). A document's mentions, terms, new claims,
 * derived statuses and audit lines are each one multi-row statement; `atomic` groups the statements of
 * one change.
 */
export function pgClaims(q: Queryable, atomic: Atomic): ClaimStore {
  return {
    async termMentions(keys, from, to, perTerm) {
      const unique = [...new Set(keys)];
      const { rows } = await q.query<{ n: string; mention_id: string }>(`SELECT k.n, t.mention_id
        FROM unnest($1::text[]) WITH ORDINALITY AS k(key, n)
        CROSS JOIN LATERAL (SELECT day, mention_id FROM claim_terms WHERE key = k.key AND day BETWEEN $2 AND $3
          ORDER BY day DESC, mention_id DESC LIMIT $4) t
        ORDER BY k.n, t.day DESC, t.mention_id DESC`, [unique, from, to, perTerm]);
      const out = new Map(unique.map((k) => [k, [] as string[]]));
      for (const r of rows) out.get(unique[Number(r.n) - 1]!)!.push(r.mention_id);
      return out;
    },
    async placedMentions(ids) {
      if (ids.length === 0) return [];
      const { rows } = await q.query<{ id: string; claim_id: string; doc_id: string; sig: string; speaker_id: string | null;
        role: 'assertion'; stance: string; about_id: string | null }>(`SELECT id, claim_id, doc_id, sig, speaker_id, role,
        stance, about_id FROM claim_mentions WHERE id = ANY($1::text[])`, [[...ids]]);
      return rows.map((r) => ({ id: r.id, claimId: r.claim_id, docId: r.doc_id, sig: r.sig, role: r.role, stance: r.stance,
        ...(r.speaker_id !== null && { speakerId: r.speaker_id }), ...(r.about_id !== null && { aboutId: r.about_id }) }));
    },
    async addClaims(claims, at) {
      if (claims.length === 0) return;
      await q.query(named('claims_add', `INSERT INTO claims (id, kind, status, derived_status, reason, created_at, updated_at)
        SELECT u.id, u.kind, 'unverified', 'unverified', '', $3, $3 FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS u(id, kind, n)
        ORDER BY u.n ON CONFLICT (id) DO NOTHING`, [claims.map((c) => c.id), claims.map((c) => c.kind), at]));
    },
    async addMentions(mentions) {
      if (mentions.length === 0) return;
      const rows = mentions.map((m) => [m.id, m.claimId, m.aboutId ?? null, m.docId, m.start, m.end, m.text, m.speakerId ?? null,
        m.speakerName ?? null, m.sourceText ?? null, json(m.coSpeakers), m.cue ?? null, m.stance, m.cameo, json(m.also), m.certainty,
        json(m.hedges), m.role, m.via, m.factive, JSON.stringify(m.sources), m.published ?? null, m.sig, m.speakerLabel ?? null,
        m.speakerKind ?? null]);
      const terms = mentions.flatMap((m) => m.terms.map((k) => [k, m.published ?? '', m.id]));
      await q.query(named('claims_add_mentions', INSERT_MENTIONS, [...MENTION_COLUMNS.map((_, i) => rows.map((r) => r[i])),
        terms.map((t) => t[0]), terms.map((t) => t[1]), terms.map((t) => t[2])]));
    },
    async deriveInputs(claimIds) {
      if (claimIds.length === 0) return [];
      const { rows } = await q.query<{ id: string; kind: DeriveInput['kind']; status: ClaimStatus; derived_status: ClaimStatus; reason: string;
        review: ClaimStatus | null; mentions: StatusRow[] }>(DERIVE_INPUTS, [[...claimIds]]);
      const claim = new Map(rows.map((c) => [c.id, c]));
      return claimIds.flatMap((id): DeriveInput[] => {
        const c = claim.get(id);
        if (!c) return [];
        return [{ id, kind: c.kind, status: c.status, derivedStatus: c.derived_status, reason: c.reason,
          ...(c.review !== null && { reviewStatus: c.review }), mentions: c.mentions.map(statusRecordOf) }];
      });
    },
    async saveDerived(updates) {
      if (updates.length === 0) return;
      await q.query(`UPDATE claims c SET status = u.status, derived_status = u.derived, reason = u.reason, stale = false, updated_at = u.at
        FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS u(id, status, derived, reason, at) WHERE c.id = u.id`,
      [updates.map((u) => u.id), updates.map((u) => u.status), updates.map((u) => u.derivedStatus), updates.map((u) => u.reason),
        updates.map((u) => u.at)]);
    },
    async staleClaims() {
      const { rows } = await q.query<{ id: string }>('SELECT id FROM claims WHERE stale ORDER BY created_at, id');
      return rows.map((r) => r.id);
    },
    async removeClaims(ids) {
      if (ids.length) await q.query('DELETE FROM claims WHERE id = ANY($1::text[])', [[...ids]]);
    },
    async setLedgerRebuild(since) {
      if (since === undefined) await q.query("DELETE FROM meta WHERE key = 'ledger_rebuild'");
      else await q.query("INSERT INTO meta(key, value) VALUES ('ledger_rebuild', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value", [since]);
    },
    clearLedger: () => atomic(async (tx) => {
      await tx.query('DELETE FROM claim_mentions');
      await tx.query('DELETE FROM claims');
    }),
    async appendAudit(lines) {
      if (lines.length === 0) return;
      const col = <K extends keyof (typeof lines)[number]>(k: K) => lines.map((l) => l[k] ?? null);
      await q.query(named('claims_append_audit', `INSERT INTO claim_audit (claim_id, at, actor, action, old_status, new_status, detail)
        SELECT a, b, c, d, e, f, g FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
          WITH ORDINALITY AS u(a, b, c, d, e, f, g, n) ORDER BY n`,
      [col('claimId'), col('at'), col('actor'), col('action'), col('oldStatus'), col('newStatus'), col('detail')]));
    },
    async auditOf(claimId) {
      const { rows } = await q.query<{ at: string; actor: string; action: AuditEntry['action']; old_status: string | null;
        new_status: string | null; detail: string | null }>(
        'SELECT at, actor, action, old_status, new_status, detail FROM claim_audit WHERE claim_id = $1 ORDER BY id', [claimId]);
      return rows.map((r) => ({ at: r.at, actor: r.actor, action: r.action, ...(r.old_status !== null && { oldStatus: r.old_status }),
        ...(r.new_status !== null && { newStatus: r.new_status }), ...(r.detail !== null && { detail: r.detail }) }));
    },
    addReview: (r) => atomic(async (tx) => {
      await tx.query('INSERT INTO claim_reviews (claim_id, mention_id, status, note, evidence, reviewer, at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [r.claimId, r.mentionId ?? null, r.status, r.note, r.evidence ?? null, r.reviewer, r.at]);
      await tx.query('UPDATE claims SET status = $1, updated_at = $2 WHERE id = $3', [r.status, r.at, r.claimId]);
    }),
    ...pgClaimReads(q),
  };
}
