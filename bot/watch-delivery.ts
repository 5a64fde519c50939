import type { Client } from 'discord.js';
import { deliverPending } from '../app/watch-outbox.js';
import type { WatchNotice } from '../app/watches.js';
import type { BotContext } from './context.js';
import { errorFields } from './log.js';
import { renderNotice } from './render/watch.js';

/** The loop that delivers watch notices from the store's outbox. */
export interface WatchDelivery {
  /** Delivers up to one batch now (also what the timer does); resolves with what happened. */
  tick(): Promise<{ sent: number; failed: number }>;
  stop(): void;
}

/**
 * Sends each queued notice once: a direct message, or, when the member's DMs are closed, a message in
 * the channel where they pressed Watch; then marks it sent. The outbox is in the store, so what a
 * crash left undelivered goes out on the next start. A crash between the send and the mark would send
 * again: the message carries a nonce that Discord enforces, so the repeat is not shown twice.
 * At most WATCH_SEND_PER_POLL notices per WATCH_POLL_MS (Discord's rate limits are handled by discord.js).
 */
export function startWatchDelivery(client: Client<true>, ctx: BotContext): WatchDelivery {
  let running: Promise<{ sent: number; failed: number }> | null = null;
  const once = () => deliverPending(ctx.app, (n) => deliver(client, n), ctx.config.WATCH_SEND_PER_POLL, (n, err) =>
    ctx.log.warn('could not deliver a watch notice; it stays queued', { notice: n.id, user: n.userId, ...errorFields(err) }));
  const tick = () => {
    running ??= once().finally(() => { running = null; });
    return running;
  };
  const timer = setInterval(() => void tick().catch((err) => ctx.log.error('watch delivery failed', errorFields(err))), ctx.config.WATCH_POLL_MS);
  timer.unref();
  void tick().catch((err) => ctx.log.error('watch delivery failed', errorFields(err)));
  return { tick, stop: () => clearInterval(timer) };
}

async function deliver(client: Client<true>, n: WatchNotice): Promise<'dm' | 'channel'> {
  // Discord keeps a nonce for a few minutes: a repeat after a crash between send and mark is not shown twice.
  const once = { nonce: `watch-${n.id}`.slice(0, 25), enforceNonce: true };
  try {
    const dm = await client.users.createDM(n.userId);
    await dm.send({ ...renderNotice(n), ...once });
    return 'dm';
  } catch (err) {
    if (!n.channelId) throw err;
  }
  const channel = await client.channels.fetch(n.channelId);
  if (!channel?.isSendable()) throw new Error(`channel ${n.channelId} is gone or not writable`);
  await channel.send({ ...renderNotice(n, `<@${n.userId}>`), ...once });
  return 'channel';
}
