import { ButtonStyle, type APIEmbed } from 'discord.js';
import type { ClaimStatus } from '../../core/answer.js';
import type { TimelineQuery } from '../../app/timeline.js';
import { statusPath, type Timeline, type TimelineEntry } from '../../claims/timeline.js';
import { badge, colourFor } from './badges.js';
import { LIMITS } from './limits.js';
import { paginate } from './pages.js';
import { button, embedMessage, type BotMessage } from './payload.js';
import { escapeTruncate, inertMentions, oneLine, truncate } from './text.js';

/** The file name of the attached picture, referenced by the embed. */
export const TIMELINE_PNG = 'timeline.png';
const PAGE = 3500;
const QUOTE_MAX = 300;
const KINDS = { about: 'a', claim: 'c', actor: 'p' } as const;

/** A Prev/Next button id: `tl:<page>:<kind>:<value>`, the query itself (so paging survives a restart). */
export function timelineId(q: TimelineQuery, page: number): string {
  const [kind, value] = Object.entries(q)[0] as [keyof typeof KINDS, string];
  return `tl:${page}:${KINDS[kind]}:${value}`.slice(0, LIMITS.customId);
}

/** Decodes a timeline button id; null when it is not one. */
export function parseTimelineId(id: string): { query: TimelineQuery; page: number } | null {
  const m = /^tl:(\d{1,4}):([acp]):(.+)$/s.exec(id);
  if (!m) return null;
  const kind = (Object.keys(KINDS) as (keyof typeof KINDS)[]).find((k) => KINDS[k] === m[2])!;
  return { query: { [kind]: m[3]! } as TimelineQuery, page: Number(m[1]) };
}

/** One entry: date, status after it, who (and for whom), stance, the exact quote and its source. */
export function entryBlock(e: TimelineEntry): string {
  const who = e.speaker === e.actor ? e.actor : `${e.speaker} (${e.actor})`;
  const source = [e.title, e.publisher].filter(Boolean).map((x) => oneLine(x!)).join(' — ');
  return `**${e.date}** · ${badge(e.status)} · **${escapeTruncate(oneLine(who), 80)}** ${escapeTruncate(oneLine(e.stance), 30)}\n` +
    `> ${escapeTruncate(oneLine(e.quote), QUOTE_MAX)}\n-# ${escapeTruncate(source, 200)}`;
}

/**
 * Page `page` (from 0) of a timeline: the status path, then the entries in date order, with Prev/Next
 * buttons and, on every page, the picture (attached once as {@link TIMELINE_PNG}) when there is one.
 */
export function renderTimeline(t: Timeline, q: TimelineQuery, title: string, page: number, picture: boolean): BotMessage {
  const pages = paginate(t.entries.map(entryBlock), PAGE);
  const p = Math.max(0, Math.min(page, pages.length - 1));
  const path = t.claimIds && t.band.length ? `Status: ${statusPath(t).split(' -> ').map((s) => badge(s as ClaimStatus)).join(' → ')}\n\n` : '';
  const reviews = t.reviews.map((r) => `**${r.date}** · review by ${escapeTruncate(oneLine(r.reviewer), 60)} → ${badge(r.status)}: ${escapeTruncate(oneLine(r.note), 200)}`);
  const last = p === pages.length - 1 && reviews.length ? `\n\n${reviews.join('\n')}` : '';
  const embed: APIEmbed = {
    title: truncate(`${inertMentions(oneLine(title))}${pages.length > 1 ? ` (${p + 1}/${pages.length})` : ''}`, LIMITS.title),
    description: truncate(`${path}${pages[p] ?? 'No statements.'}${last}`, LIMITS.description),
    color: colourFor(t.entries.map((e) => e.status).slice(-1)),
    footer: { text: `${t.entries.length} statements, in date order · the status shown is the story's after each one` },
    ...(picture ? { image: { url: `attachment://${TIMELINE_PNG}` } } : {}),
  };
  const nav = [
    ...(p > 0 ? [button(timelineId(q, p - 1), 'Previous', ButtonStyle.Secondary)] : []),
    ...(p + 1 < pages.length ? [button(timelineId(q, p + 1), 'Next', ButtonStyle.Secondary)] : []),
  ];
  return embedMessage(embed, nav);
}
