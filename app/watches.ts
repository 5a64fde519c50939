import type { WatchEntry, WatchNotice, WatchResult } from '../core/ledger.js';
import type { ClaimStore, WatchStore } from '../core/ledger-ports.js';
import type { Storage } from '../core/ports.js';
import { UserError } from '../core/errors.js';
import { storyClaim } from './timeline.js';

export type { WatchEntry, WatchNotice, WatchResult } from '../core/ledger.js';

/** The claim a member means by an id from an answer: the event a statement is about, else the claim itself. */
export function watchedClaim(claims: ClaimStore, id: string): Promise<string | undefined> {
  return storyClaim(claims, id);
}

/**
 * Adds watches for a member (ids of ledger entries or claims), at most `limit` in all; ids that name no
 * claim are skipped. A change of a watched claim's status from now on is queued for them in the outbox
 * (by the storage, in the transaction that changes it).
 */
export function addWatches(storage: Storage, input: { userId: string; channelId?: string; ids: readonly string[] }, limit: number): Promise<WatchResult> {
  return storage.withTransaction(async ({ claims, watches }) => {
    // One at a time: a transaction is one connection (PostgreSQL runs its queries in turn).
    const found: string[] = [];
    for (const id of input.ids) {
      const claimId = await watchedClaim(claims, id);
      if (claimId) found.push(claimId);
    }
    const claimIds = [...new Set(found)];
    if (claimIds.length === 0) throw new UserError('CLAIM_NOT_FOUND', { id: input.ids.join(', ').slice(0, 80) });
    const now = new Date().toISOString();
    let already = 0;
    const added: string[] = [];
    for (const claimId of claimIds) {
      if (await watches.isWatching(input.userId, claimId)) { already += 1; continue; }
      if (await watches.countOf(input.userId) >= limit) {
        if (added.length === 0 && already === 0) throw new UserError('WATCH_LIMIT', { limit });
        break;
      }
      await watches.add({ userId: input.userId, claimId, channelId: input.channelId, at: now });
      added.push(claimId);
    }
    const mine = await watches.list(input.userId);
    return { added: mine.filter((w) => added.includes(w.claimId)), already, total: mine.length, limit };
  });
}

/** A member's watches, newest first, with each claim's current status. */
export function listWatches(watches: WatchStore, userId: string): Promise<WatchEntry[]> {
  return watches.list(userId);
}

/** Stops a watch (by claim id or an entry's id); false when the member did not watch it. */
export async function removeWatch(storage: Pick<Storage, 'claims' | 'watches'>, userId: string, id: string): Promise<boolean> {
  const claimId = await watchedClaim(storage.claims, id) ?? id.trim();
  return storage.watches.remove(userId, claimId);
}

/** Notices not yet delivered, the fewest failed attempts first, then the oldest. */
export function pendingNotices(watches: WatchStore, limit: number): Promise<WatchNotice[]> {
  return watches.pending(limit);
}

/** Marks a notice delivered ('dm' or 'channel'); it is never sent again. */
export function markNoticeSent(watches: WatchStore, id: number, to: 'dm' | 'channel'): Promise<void> {
  return watches.markSent(id, to, new Date().toISOString());
}

/** Records a failed delivery; the notice stays queued (tried again after the others). */
export function markNoticeFailed(watches: WatchStore, id: number, error: string): Promise<void> {
  return watches.markFailed(id, error);
}
