import { writeFileSync } from 'node:fs';
import type { App } from '../app/app.js';
import { UserError } from '../core/errors.js';
import { timelinePng, timelineSvg } from '../app/timeline-chart.js';
import { timelineTitle, type TimelineQuery } from '../app/timeline.js';
import { statusPath, type Timeline } from '../claims/timeline.js';
import { printJson } from './common.js';

const USAGE = 'timeline needs exactly one of --about WORDS, --claim ID, --actor NAME';

/** `claims timeline`: the story in date order, as text or JSON, and optionally its picture as PNG or SVG. */
export async function timelineCommand(app: App, v: { about?: string; claim?: string; actor?: string; json?: boolean; png?: string; svg?: string }): Promise<number> {
  const given = (['about', 'claim', 'actor'] as const).filter((k) => v[k] !== undefined);
  if (given.length !== 1) throw new UserError('USAGE', { detail: USAGE });
  const key = given[0]!;
  const query = { [key]: v[key]! } as TimelineQuery;
  const t = await app.timeline(query);
  const title = timelineTitle(query);
  if (v.svg) writeFileSync(v.svg, await timelineSvg(t, title));
  if (v.png) writeFileSync(v.png, await timelinePng(t, title));
  if (v.json) {
    printJson({ entries: t.entries.map(jsonEntry), ...(t.claimIds ? { claimIds: t.claimIds } : {}), reviews: t.reviews });
    return 0;
  }
  process.stdout.write(`${title}\n${t.claimIds ? `status: ${statusPath(t)}\n` : ''}\n`);
  for (const e of t.entries) {
    const who = e.speaker === e.actor ? e.actor : `${e.speaker} (${e.actor})`;
    process.stdout.write(`${e.date}  ${who} · ${e.stance} → ${e.status}\n  “${e.quote}”\n  ${e.title}${e.publisher ? `, ${e.publisher}` : ''} [${e.docId}@${e.start}-${e.end}]\n`);
  }
  for (const r of t.reviews) process.stdout.write(`${r.date}  review by ${r.reviewer} → ${r.status}: ${r.note}\n`);
  for (const f of [v.png, v.svg]) if (f) process.stdout.write(`wrote ${f}\n`);
  return 0;
}

/** The JSON contract of one entry. */
function jsonEntry(e: Timeline['entries'][number]) {
  return { date: e.date, speaker: e.speaker, actor: e.actor, stance: e.stance, status: e.status, quote: e.quote, docId: e.docId,
    start: e.start, end: e.end, title: e.title, publisher: e.publisher ?? null, id: e.id, claimId: e.claimId };
}
