import type { ClaimStatus } from '../../core/answer.js';
import type { ClaimStore, DeriveInput } from '../../core/ledger-ports.js';
import type { AuditEntry } from '../../core/ledger.js';
import type { Store } from './store.js';
import { entryReads, timelineReads } from './sqlite-claim-reads.js';
import { statusRecordOf, type StatusRow, type Sync } from './sqlite-rows.js';

const json = (xs: readonly string[]) => (xs.length ? JSON.stringify(xs) : null);

/** The claim ledger's rows in the SQLite store (schema: storage/sqlite/migrations.ts), synchronous. */
export function sqliteClaims(store: Store): Sync<ClaimStore> {
  return {
    termMentions(keys, from, to, perTerm) {
      // One bounded lookup per key (an index range each): a common term cannot make it scan thousands.
      const st = store.sql(`SELECT mention_id FROM claim_terms WHERE key = ? AND day BETWEEN ? AND ? ORDER BY day DESC LIMIT ?`).pluck();
      return new Map([...new Set(keys)].map((k) => [k, st.all(k, from, to, perTerm) as string[]]));
    },
    placedMentions(ids) {
      if (ids.length === 0) return [];
      const rows = store.sql(`SELECT id, claim_id, doc_id, sig, speaker_id, role, stance, about_id FROM claim_mentions
        WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as
        { id: string; claim_id: string; doc_id: string; sig: string; speaker_id: string | null; role: 'assertion'; stance: string; about_id: string | null }[];
      return rows.map((r) => ({ id: r.id, claimId: r.claim_id, docId: r.doc_id, sig: r.sig, role: r.role, stance: r.stance,
        ...(r.speaker_id !== null && { speakerId: r.speaker_id }), ...(r.about_id !== null && { aboutId: r.about_id }) }));
    },
    addClaims(claims, at) {
      const st = store.sql(`INSERT OR IGNORE INTO claims (id, kind, status, derived_status, reason, created_at, updated_at)
        VALUES (?, ?, 'unverified', 'unverified', '', ?, ?)`);
      for (const c of claims) st.run(c.id, c.kind, at, at);
    },
    addMentions(mentions) {
      const ins = store.sql(`INSERT OR IGNORE INTO claim_mentions (id, claim_id, about_id, doc_id, start, "end", text, speaker_id, speaker_name,
        source_text, co_speakers, cue, stance, cameo, also, certainty, hedges, role, via, factive, sources, published, sig, speaker_label, speaker_kind)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
      const term = store.sql('INSERT OR IGNORE INTO claim_terms (key, day, mention_id) VALUES (?, ?, ?)');
      for (const m of mentions) {
        ins.run(m.id, m.claimId, m.aboutId ?? null, m.docId, m.start, m.end, m.text, m.speakerId ?? null, m.speakerName ?? null,
          m.sourceText ?? null, json(m.coSpeakers), m.cue ?? null, m.stance, m.cameo, json(m.also), m.certainty, json(m.hedges),
          m.role, m.via, m.factive ? 1 : 0, JSON.stringify(m.sources), m.published ?? null, m.sig, m.speakerLabel ?? null, m.speakerKind ?? null);
        for (const k of m.terms) term.run(k, m.published ?? '', m.id);
      }
    },
    deriveInputs(claimIds) {
      const claim = store.sql('SELECT kind, status, derived_status, reason FROM claims WHERE id = ?');
      const ms = store.sql(`SELECT claim_id, role, certainty, speaker_id, speaker_name, source_text, sources, text, factive
        FROM claim_mentions WHERE claim_id = ?`);
      const review = store.sql('SELECT status FROM claim_reviews WHERE claim_id = ? ORDER BY id DESC LIMIT 1');
      return claimIds.flatMap((id): DeriveInput[] => {
        const c = claim.get(id) as { kind: DeriveInput['kind']; status: ClaimStatus; derived_status: ClaimStatus; reason: string } | undefined;
        if (!c) return [];
        const r = review.get(id) as { status: ClaimStatus } | undefined;
        return [{ id, kind: c.kind, status: c.status, derivedStatus: c.derived_status, reason: c.reason,
          ...(r && { reviewStatus: r.status }), mentions: (ms.all(id) as StatusRow[]).map(statusRecordOf) }];
      });
    },
    saveDerived(updates) {
      const st = store.sql('UPDATE claims SET status = ?, derived_status = ?, reason = ?, stale = 0, updated_at = ? WHERE id = ?');
      for (const u of updates) st.run(u.status, u.derivedStatus, u.reason, u.at, u.id);
    },
    staleClaims: () => store.sql('SELECT id FROM claims WHERE stale = 1').pluck().all() as string[],
    removeClaims(ids) {
      const st = store.sql('DELETE FROM claims WHERE id = ?');
      for (const id of ids) st.run(id);
    },
    setLedgerRebuild(since) {
      if (since === undefined) store.sql("DELETE FROM meta WHERE key = 'ledger_rebuild'").run();
      else store.setMeta('ledger_rebuild', since);
    },
    clearLedger() {
      store.transaction(() => {
        store.sql('DELETE FROM claim_mentions').run();
        store.sql('DELETE FROM claims').run();
      });
    },
    appendAudit(lines) {
      const st = store.sql('INSERT INTO claim_audit (claim_id, at, actor, action, old_status, new_status, detail) VALUES (?, ?, ?, ?, ?, ?, ?)');
      for (const l of lines) st.run(l.claimId, l.at, l.actor, l.action, l.oldStatus ?? null, l.newStatus ?? null, l.detail ?? null);
    },
    auditOf(claimId) {
      const rows = store.sql('SELECT at, actor, action, old_status, new_status, detail FROM claim_audit WHERE claim_id = ? ORDER BY id')
        .all(claimId) as { at: string; actor: string; action: AuditEntry['action']; old_status: string | null; new_status: string | null; detail: string | null }[];
      return rows.map((r) => ({ at: r.at, actor: r.actor, action: r.action, ...(r.old_status !== null && { oldStatus: r.old_status }),
        ...(r.new_status !== null && { newStatus: r.new_status }), ...(r.detail !== null && { detail: r.detail }) }));
    },
    addReview(r) {
      store.transaction(() => {
        store.sql('INSERT INTO claim_reviews (claim_id, mention_id, status, note, evidence, reviewer, at) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run(r.claimId, r.mentionId ?? null, r.status, r.note, r.evidence ?? null, r.reviewer, r.at);
        store.sql('UPDATE claims SET status = ?, updated_at = ? WHERE id = ?').run(r.status, r.at, r.claimId);
      });
    },
    ...entryReads(store),
    ...timelineReads(store),
  };
}
