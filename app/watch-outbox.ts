import type { App } from './app.js';
import type { WatchNotice } from './watches.js';

/** Sends one notice; resolves with where it went, or throws (the notice stays queued). */
export type NoticeSender = (n: WatchNotice) => Promise<'dm' | 'channel'>;

/**
 * Delivers up to `limit` queued notices, one at a time: each is sent, then marked sent; a failed send
 * (or a failed mark) leaves it queued and counts an attempt, so it goes out on a later round or after a
 * restart. The sender must make a repeat harmless (the bot uses an enforced nonce).
 */
export async function deliverPending(app: Pick<App, 'pendingNotices' | 'markNoticeSent' | 'markNoticeFailed'>, send: NoticeSender, limit: number,
  onError: (n: WatchNotice, err: unknown) => void = () => undefined): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (const n of await app.pendingNotices(limit)) {
    try {
      await app.markNoticeSent(n.id, await send(n));
      sent += 1;
    } catch (err) {
      failed += 1;
      onError(n, err);
      try { await app.markNoticeFailed(n.id, (err as Error)?.message ?? String(err)); } catch { /* store busy: tried again next round */ }
    }
  }
  return { sent, failed };
}
