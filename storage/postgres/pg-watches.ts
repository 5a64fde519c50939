import type { ClaimStatus } from '../../core/answer.js';
import type { WatchStore } from '../../core/ledger-ports.js';
import type { WatchNotice } from '../../core/ledger.js';
import { nullsToUndefined, type Queryable } from './queryable.js';

/** Outbox columns under the names of a WatchNotice (nulls dropped afterwards). */
const NOTICE = `id::float8 AS id, user_id AS "userId", channel_id AS "channelId", claim_id AS "claimId", claim_text AS "claimText",
  old_status AS "oldStatus", new_status AS "newStatus", reason, review, evidence, quote, doc_id AS "docId", start, "end", title,
  publisher, url, published, created_at AS "createdAt", attempts`;

/**
 * Watches and their outbox on PostgreSQL. The notices are written by the triggers of schema-claims.ts,
 * in the transaction that changes a claim's status or removes the claim.
 */
export function pgWatches(q: Queryable): WatchStore {
  return {
    async isWatching(userId, claimId) {
      return ((await q.query('SELECT 1 FROM watches WHERE user_id = $1 AND claim_id = $2', [userId, claimId])).rowCount ?? 0) > 0;
    },
    async countOf(userId) {
      return (await q.query<{ n: number }>('SELECT count(*)::integer AS n FROM watches WHERE user_id = $1', [userId])).rows[0]!.n;
    },
    async add(w) {
      await q.query(`INSERT INTO watches (user_id, claim_id, channel_id, status, created_at) SELECT $1, id, $2, status, $3 FROM claims WHERE id = $4
        ON CONFLICT (user_id, claim_id) DO NOTHING`, [w.userId, w.channelId ?? null, w.at, w.claimId]);
    },
    async list(userId) {
      const { rows } = await q.query<{ claim_id: string; created_at: string; status: ClaimStatus; text: string | null }>(`SELECT w.claim_id,
          w.created_at, c.status, (SELECT text FROM claim_mentions WHERE claim_id = w.claim_id ORDER BY seq LIMIT 1) AS text
        FROM watches w JOIN claims c ON c.id = w.claim_id WHERE w.user_id = $1 ORDER BY w.id DESC`, [userId]);
      return rows.map((r) => ({ claimId: r.claim_id, text: r.text ?? '', status: r.status, watchedAt: r.created_at }));
    },
    async remove(userId, claimId) {
      return ((await q.query('DELETE FROM watches WHERE user_id = $1 AND claim_id = $2', [userId, claimId])).rowCount ?? 0) > 0;
    },
    async pending(limit) {
      const { rows } = await q.query<WatchNotice>(`SELECT ${NOTICE} FROM watch_outbox WHERE sent_at IS NULL ORDER BY attempts, id LIMIT $1`, [limit]);
      return rows.map((r) => nullsToUndefined(r));
    },
    async markSent(id, to, at) {
      await q.query('UPDATE watch_outbox SET sent_at = $1, sent_to = $2 WHERE id = $3 AND sent_at IS NULL', [at, to, id]);
    },
    async markFailed(id, error) {
      await q.query('UPDATE watch_outbox SET attempts = attempts + 1, last_error = $1 WHERE id = $2', [error.slice(0, 300), id]);
    },
    async outboxCounts() {
      const { rows } = await q.query<{ queued: number; sent: number }>(`SELECT count(*) FILTER (WHERE sent_at IS NULL)::integer AS queued,
        count(*) FILTER (WHERE sent_at IS NOT NULL)::integer AS sent FROM watch_outbox`);
      return rows[0]!;
    },
  };
}
