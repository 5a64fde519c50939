import type { ClaimStatus } from '../core/answer.js';
import { claimKind, claimOf } from '../claims/timeline-store.js';
import type { Store } from '../storage/sqlite/store.js';
import { UserError } from '../core/errors.js';

/** A claim a member watches. */
export interface WatchEntry {
  claimId: string;
  /** The claim's first statement. */
  text: string;
  status: ClaimStatus;
  watchedAt: string;
}

/** What pressing Watch did. */
export interface WatchResult {
  added: WatchEntry[];
  /** Claims already watched. */
  already: number;
  /** The member's watches after it, and the limit. */
  total: number;
  limit: number;
}

/** A status change to tell one member about, from the outbox. */
export interface WatchNotice {
  id: number;
  userId: string;
  /** Where they pressed Watch: the fallback when direct messages fail. */
  channelId?: string;
  claimId: string;
  claimText?: string;
  oldStatus?: ClaimStatus;
  /** 'removed' when the documents stating it were removed (the watch ends with this notice). */
  newStatus: ClaimStatus | 'removed';
  /** Why: the derivation's reason, or the moderator's note. */
  reason: string;
  review: boolean;
  evidence?: string;
  /** The newest statement of the claim (exact text) and its source. */
  quote?: string;
  docId?: string;
  start?: number;
  end?: number;
  title?: string;
  publisher?: string;
  url?: string;
  published?: string;
  createdAt: string;
  attempts: number;
}

type NoticeRow = {
  id: number; user_id: string; channel_id: string | null; claim_id: string; claim_text: string | null; old_status: ClaimStatus | null;
  new_status: ClaimStatus | 'removed'; reason: string; review: number; evidence: string | null; quote: string | null; doc_id: string | null;
  start: number | null; end: number | null; title: string | null; publisher: string | null; url: string | null; published: string | null;
  created_at: string; attempts: number;
};

/** The claim a member means by an id from an answer: the event a statement is about, else the claim itself. */
export function watchedClaim(store: Store, id: string): string | undefined {
  const claimId = claimOf(store, id.trim());
  if (!claimId) return undefined;
  const k = claimKind(store, claimId);
  return k?.kind === 'statement' && k.aboutId ? k.aboutId : claimId;
}

/**
 * Adds watches for a member (ids of ledger entries or claims), at most `limit` in all; ids that name no
 * claim are skipped. A change of a watched claim's status from now on is queued for them in the outbox
 * (by the trigger on `claims.status`, in the transaction that changes it).
 */
export function addWatches(store: Store, input: { userId: string; channelId?: string; ids: readonly string[] }, limit: number): WatchResult {
  return store.transaction(() => {
    const claimIds = [...new Set(input.ids.map((id) => watchedClaim(store, id)).filter((x): x is string => !!x))];
    if (claimIds.length === 0) throw new UserError('CLAIM_NOT_FOUND', { id: input.ids.join(', ').slice(0, 80) });
    const count = () => store.sql('SELECT count(*) FROM watches WHERE user_id = ?').pluck().get(input.userId) as number;
    const now = new Date().toISOString();
    let already = 0;
    const added: string[] = [];
    for (const claimId of claimIds) {
      if (store.sql('SELECT 1 FROM watches WHERE user_id = ? AND claim_id = ?').get(input.userId, claimId)) { already += 1; continue; }
      if (count() >= limit) {
        if (added.length === 0 && already === 0) throw new UserError('WATCH_LIMIT', { limit });
        break;
      }
      store.sql(`INSERT INTO watches (user_id, claim_id, channel_id, status, created_at) SELECT ?, id, ?, status, ? FROM claims WHERE id = ?`)
        .run(input.userId, input.channelId ?? null, now, claimId);
      added.push(claimId);
    }
    const mine = listWatches(store, input.userId);
    return { added: mine.filter((w) => added.includes(w.claimId)), already, total: mine.length, limit };
  });
}

/** A member's watches, newest first, with each claim's current status. */
export function listWatches(store: Store, userId: string): WatchEntry[] {
  return (store.sql(`SELECT w.claim_id, w.created_at, c.status, (SELECT text FROM claim_mentions WHERE claim_id = w.claim_id ORDER BY rowid LIMIT 1) AS text
    FROM watches w JOIN claims c ON c.id = w.claim_id WHERE w.user_id = ? ORDER BY w.id DESC`).all(userId) as
    { claim_id: string; created_at: string; status: ClaimStatus; text: string | null }[])
    .map((r) => ({ claimId: r.claim_id, text: r.text ?? '', status: r.status, watchedAt: r.created_at }));
}

/** Stops a watch (by claim id or an entry's id); false when the member did not watch it. */
export function removeWatch(store: Store, userId: string, id: string): boolean {
  const claimId = watchedClaim(store, id) ?? id.trim();
  return store.sql('DELETE FROM watches WHERE user_id = ? AND claim_id = ?').run(userId, claimId).changes > 0;
}

/** Notices not yet delivered, the fewest failed attempts first, then the oldest. */
export function pendingNotices(store: Store, limit: number): WatchNotice[] {
  const rows = store.sql('SELECT * FROM watch_outbox WHERE sent_at IS NULL ORDER BY attempts, id LIMIT ?').all(limit) as NoticeRow[];
  const opt = <K extends string, V>(k: K, v: V | null) => (v === null ? {} : { [k]: v }) as Partial<Record<K, V>>;
  return rows.map((r) => ({
    id: r.id, userId: r.user_id, claimId: r.claim_id, newStatus: r.new_status, reason: r.reason, review: r.review === 1,
    createdAt: r.created_at, attempts: r.attempts, ...opt('channelId', r.channel_id), ...opt('claimText', r.claim_text),
    ...opt('oldStatus', r.old_status), ...opt('evidence', r.evidence), ...opt('quote', r.quote), ...opt('docId', r.doc_id),
    ...opt('start', r.start), ...opt('end', r.end), ...opt('title', r.title), ...opt('publisher', r.publisher), ...opt('url', r.url),
    ...opt('published', r.published),
  }));
}

/** Marks a notice delivered ('dm' or 'channel'); it is never sent again. */
export function markNoticeSent(store: Store, id: number, to: 'dm' | 'channel'): void {
  store.sql('UPDATE watch_outbox SET sent_at = ?, sent_to = ? WHERE id = ? AND sent_at IS NULL').run(new Date().toISOString(), to, id);
}

/** Records a failed delivery; the notice stays queued (tried again after the others). */
export function markNoticeFailed(store: Store, id: number, error: string): void {
  store.sql('UPDATE watch_outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?').run(error.slice(0, 300), id);
}

/** Figures of the outbox, for the reliability bench and /stats. */
export function outboxCounts(store: Store): { queued: number; sent: number } {
  const r = store.sql('SELECT count(*) FILTER (WHERE sent_at IS NULL) AS queued, count(*) FILTER (WHERE sent_at IS NOT NULL) AS sent FROM watch_outbox').get() as { queued: number; sent: number };
  return { queued: r.queued, sent: r.sent };
}
