import type { Answer, ClaimStatus } from '../core/answer.js';
import { msg } from './messages.js';

const DAY = 86_400_000;
/** Statuses of a claim that may still move: later reports can settle it. */
const DEVELOPING: readonly ClaimStatus[] = ['disputed', 'unverified'];

/** The day a source was published ("2025-12-30", or a full timestamp), or undefined when it has no usable date. */
function dayOf(published: string | undefined): number | undefined {
  if (!published || !/^\d{4}-\d{2}-\d{2}/.test(published)) return undefined;
  const t = Date.parse(`${published.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(t) ? undefined : t;
}

/** How old a source is, in words: "today", "3 days ago", "11 months ago", "2 years ago"; undefined without a date. */
export function sourceAge(published: string | undefined, now: Date, locale = 'en'): string | undefined {
  const t = dayOf(published);
  if (t === undefined) return undefined;
  const days = Math.floor((Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - t) / DAY);
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (days < 0) return undefined;
  if (days < 31) return rtf.format(-days, 'day');
  if (days < 365) return rtf.format(-Math.max(1, Math.round(days / 30.44)), 'month');
  return rtf.format(-Math.floor(days / 365.25), 'year');
}

/**
 * A note when the answer touches a developing claim (disputed or unverified) and its newest source is
 * older than `maxAgeDays`: "The newest source here is from 30 Dec 2025; later reports may exist."
 */
export function staleNote(a: Pick<Answer, 'citations' | 'claims'>, now: Date, maxAgeDays: number, locale = 'en'): string | undefined {
  if (!a.claims.some((c) => DEVELOPING.includes(c.status))) return undefined;
  const days = a.citations.map((c) => dayOf(c.published)).filter((t): t is number => t !== undefined);
  if (days.length === 0) return undefined;
  const newest = Math.max(...days);
  if (now.getTime() - newest <= maxAgeDays * DAY) return undefined;
  const date = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(newest);
  return msg(locale, 'note.stale', { date });
}
