import type { APIEmbed } from 'discord.js';
import type { WatchEntry, WatchNotice, WatchResult } from '../../app/watches.js';
import { badge, colourFor } from './badges.js';
import { listDescription } from './ledger.js';
import { LIMITS } from './limits.js';
import { embedMessage, textMessage, type BotMessage } from './payload.js';
import { escapeTruncate, isHttpUrl, oneLine, truncate } from './text.js';

function claimLine(w: Pick<WatchEntry, 'claimId' | 'text' | 'status'>): string {
  return `\`${w.claimId}\` ${badge(w.status)} ${escapeTruncate(oneLine(w.text), 200)}`;
}

/** The private reply to Watch. */
export function renderWatched(r: WatchResult): BotMessage {
  const lines = r.added.map(claimLine);
  const head = r.added.length
    ? `Watching ${r.added.length} claim${r.added.length === 1 ? '' : 's'}. When a status changes you get one direct message (or a message here if your DMs are closed).`
    : 'You already watch these claims.';
  return textMessage(`${head}\n${lines.join('\n')}\n-# ${r.total}/${r.limit} watches · /watch list · /watch remove`.slice(0, LIMITS.content));
}

/** `/watch list`. */
export function renderWatchList(ws: readonly WatchEntry[], limit: number): BotMessage {
  return embedMessage({
    title: `Claims you watch (${ws.length}/${limit})`,
    description: listDescription(ws.map(claimLine), 'You watch no claims. Press **Watch** under an answer with claims.'),
    footer: { text: 'Stop one with /watch remove claim:<id>' },
  });
}

/** The one message a member gets when a watched claim's status changes: old and new status, why, the new source. */
export function renderNotice(n: WatchNotice, mention?: string): BotMessage {
  const change = `${n.oldStatus ? badge(n.oldStatus) : '(new)'} → ${n.newStatus === 'removed' ? '🗑️ removed from the corpus' : badge(n.newStatus)}`;
  const fields: APIEmbed['fields'] = [{ name: n.review ? 'Why (moderator review)' : 'Why', value: escapeTruncate(oneLine(n.reason), 1000) || '—' }];
  if (n.review && isHttpUrl(n.evidence)) fields.push({ name: 'Evidence', value: n.evidence.slice(0, 1000) });
  if (!n.review && n.quote) {
    const meta = [n.title, n.publisher, n.published?.slice(0, 10)].filter(Boolean).map((x) => oneLine(x!)).join(' · ');
    const link = isHttpUrl(n.url) && n.url.length <= 500 ? `\n${n.url}` : '';
    fields.push({ name: 'New source', value: truncate(`> ${escapeTruncate(oneLine(n.quote), 700)}\n${escapeTruncate(meta, 200)}${link}`, LIMITS.fieldValue) });
  }
  const embed: APIEmbed = {
    title: truncate(`A claim you watch changed: ${change}`, LIMITS.title),
    description: `\`${n.claimId}\` ${escapeTruncate(oneLine(n.claimText ?? ''), 1500)}`,
    color: colourFor(n.newStatus === 'removed' ? [] : [n.newStatus]),
    fields,
    footer: { text: 'You get one message per change · /watch remove to stop' },
  };
  const msg = embedMessage(embed);
  return mention ? { ...msg, content: `${mention}: a claim you watch changed (your direct messages are closed).` } : msg;
}
