import type { ClaimStatus } from '../../core/answer.js';
import type { WatchStore } from '../../core/ledger-ports.js';
import type { Store } from './store.js';
import type { Sync } from './sqlite-rows.js';

type NoticeRow = {
  id: number; user_id: string; channel_id: string | null; claim_id: string; claim_text: string | null; old_status: ClaimStatus | null;
  new_status: ClaimStatus | 'removed'; reason: string; review: number; evidence: string | null; quote: string | null; doc_id: string | null;
  start: number | null; end: number | null; title: string | null; publisher: string | null; url: string | null; published: string | null;
  created_at: string; attempts: number;
};

/**
 * Watches and their outbox in the SQLite store, synchronous. The notices are written by the triggers of
 * storage/sqlite/migrations.ts, in the transaction that changes a claim's status or removes the claim.
 */
export function sqliteWatches(store: Store): Sync<WatchStore> {
  return {
    isWatching: (userId, claimId) => !!store.sql('SELECT 1 FROM watches WHERE user_id = ? AND claim_id = ?').get(userId, claimId),
    countOf: (userId) => store.sql('SELECT count(*) FROM watches WHERE user_id = ?').pluck().get(userId) as number,
    add(w) {
      store.sql(`INSERT OR IGNORE INTO watches (user_id, claim_id, channel_id, status, created_at) SELECT ?, id, ?, status, ? FROM claims WHERE id = ?`)
        .run(w.userId, w.channelId ?? null, w.at, w.claimId);
    },
    list(userId) {
      return (store.sql(`SELECT w.claim_id, w.created_at, c.status, (SELECT text FROM claim_mentions WHERE claim_id = w.claim_id ORDER BY rowid LIMIT 1) AS text
        FROM watches w JOIN claims c ON c.id = w.claim_id WHERE w.user_id = ? ORDER BY w.id DESC`).all(userId) as
        { claim_id: string; created_at: string; status: ClaimStatus; text: string | null }[])
        .map((r) => ({ claimId: r.claim_id, text: r.text ?? '', status: r.status, watchedAt: r.created_at }));
    },
    remove: (userId, claimId) => store.sql('DELETE FROM watches WHERE user_id = ? AND claim_id = ?').run(userId, claimId).changes > 0,
    pending(limit) {
      const rows = store.sql('SELECT * FROM watch_outbox WHERE sent_at IS NULL ORDER BY attempts, id LIMIT ?').all(limit) as NoticeRow[];
      const opt = <K extends string, V>(k: K, v: V | null) => (v === null ? {} : { [k]: v }) as Partial<Record<K, V>>;
      return rows.map((r) => ({
        id: r.id, userId: r.user_id, claimId: r.claim_id, newStatus: r.new_status, reason: r.reason, review: r.review === 1,
        createdAt: r.created_at, attempts: r.attempts, ...opt('channelId', r.channel_id), ...opt('claimText', r.claim_text),
        ...opt('oldStatus', r.old_status), ...opt('evidence', r.evidence), ...opt('quote', r.quote), ...opt('docId', r.doc_id),
        ...opt('start', r.start), ...opt('end', r.end), ...opt('title', r.title), ...opt('publisher', r.publisher), ...opt('url', r.url),
        ...opt('published', r.published),
      }));
    },
    markSent(id, to, at) {
      store.sql('UPDATE watch_outbox SET sent_at = ?, sent_to = ? WHERE id = ? AND sent_at IS NULL').run(at, to, id);
    },
    markFailed(id, error) {
      store.sql('UPDATE watch_outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?').run(error.slice(0, 300), id);
    },
    outboxCounts() {
      const r = store.sql('SELECT count(*) FILTER (WHERE sent_at IS NULL) AS queued, count(*) FILTER (WHERE sent_at IS NOT NULL) AS sent FROM watch_outbox')
        .get() as { queued: number | null; sent: number | null };
      return { queued: r.queued ?? 0, sent: r.sent ?? 0 };
    },
  };
}
