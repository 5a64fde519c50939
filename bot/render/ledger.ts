import type { APIEmbed } from 'discord.js';
import type { AddResult, ClaimEntry, DocumentSummary, FeedbackEntry, Stats } from '../../app/app.js';
import { badge } from './badges.js';
import { LIMITS } from './limits.js';
import { embedMessage, type BotMessage } from './payload.js';
import { escapeText, escapeTruncate, isHttpUrl, oneLine } from './text.js';

/** Joins lines into a description under the limit, noting how many were left out. */
export function listDescription(lines: readonly string[], empty: string, max = LIMITS.description): string {
  if (lines.length === 0) return empty;
  let out = '';
  let shown = 0;
  for (const line of lines) {
    const next = out ? `${out}\n${line}` : line;
    if (next.length > max - 40) break;
    out = next;
    shown += 1;
  }
  const hidden = lines.length - shown;
  return hidden > 0 ? `${out}\n…and ${hidden} more.` : out;
}

function code(id: string): string {
  return `\`${id.replace(/`/g, "'").slice(0, 80)}\``;
}

/** One ledger line for a claim. */
export function claimEntryLine(c: ClaimEntry): string {
  const who = c.speaker ? ` · **${escapeTruncate(oneLine(c.speaker), 60)}**` : '';
  const stance = c.stance ? ` (${escapeTruncate(oneLine(c.stance), 30)})` : '';
  const reviewed = c.review ? ' · reviewed' : '';
  return `${code(c.id)} ${badge(c.status)}${who}${stance}${reviewed}\n${escapeTruncate(oneLine(c.text), 220)}`;
}

/** `/claims`: the ledger, filtered. */
export function renderClaims(claims: readonly ClaimEntry[], filter: { actor?: string; status?: string }): BotMessage {
  const parts = [filter.actor ? `actor “${oneLine(filter.actor)}”` : '', filter.status ? `status ${filter.status}` : ''].filter(Boolean);
  const embed: APIEmbed = {
    title: `Claims${parts.length ? ` — ${escapeTruncate(parts.join(', '), 200)}` : ''}`,
    description: listDescription(claims.map(claimEntryLine), 'No claims match.'),
    footer: { text: 'Review one with /review claim:<id> status:<status> note:<why>' },
  };
  return embedMessage(embed);
}

/** `/review`: the claim after the review. */
export function renderReview(c: ClaimEntry): BotMessage {
  const r = c.review;
  const lines = [claimEntryLine(c)];
  if (r) {
    lines.push('', `**Review** by ${escapeTruncate(oneLine(r.reviewer), 100)}: ${badge(r.status)}`);
    lines.push(`Note: ${escapeTruncate(r.note, 1500)}`);
    if (isHttpUrl(r.evidence)) lines.push(`Evidence: ${r.evidence}`);
  }
  return embedMessage({ title: 'Claim reviewed', description: lines.join('\n').slice(0, LIMITS.description) });
}

/** `/feedback`: recent reports and down-votes. */
export function renderFeedback(entries: readonly FeedbackEntry[]): BotMessage {
  const lines = entries.map((f) => {
    const icon = f.kind === 'report' ? '🚩' : f.kind === 'down' ? '👎' : '👍';
    const who = f.userId ? ` by <@${f.userId.replace(/\D/g, '')}>` : '';
    const note = f.note ? `\n> ${escapeTruncate(oneLine(f.note), 300)}` : '';
    return `${icon} ${f.createdAt.slice(0, 16).replace('T', ' ')}${who} — ${escapeTruncate(oneLine(f.question), 150)}${note}`;
  });
  return embedMessage({ title: 'Recent reports and down-votes', description: listDescription(lines, 'No reports or down-votes yet.') });
}

/** `/stats`. */
export function renderStats(s: Stats): BotMessage {
  const latency = s.medianLatencyMs === null ? '—' : `${Math.round(s.medianLatencyMs)} ms`;
  return embedMessage({
    title: 'Corpus statistics',
    fields: [
      { name: 'Documents', value: String(s.documents), inline: true },
      { name: 'Passages', value: String(s.chunks), inline: true },
      { name: 'Claims', value: String(s.claims), inline: true },
      { name: 'Index size', value: String(s.indexSize), inline: true },
      { name: 'Questions answered', value: String(s.questionsAnswered), inline: true },
      { name: 'Median latency', value: latency, inline: true },
    ],
  });
}

/** `/corpus list`. */
export function renderDocuments(docs: readonly DocumentSummary[]): BotMessage {
  const lines = docs.map((d) => {
    const meta = [d.publisher, d.published].filter((x): x is string => !!x).map(oneLine).join(', ');
    return `${code(d.id)} ${escapeTruncate(oneLine(d.title), 150)}${meta ? ` — ${escapeTruncate(meta, 80)}` : ''} · ${d.chunks} passages`;
  });
  return embedMessage({ title: `Corpus (${docs.length} documents)`, description: listDescription(lines, 'The corpus is empty.') });
}

function claimsNote(r: AddResult): string {
  if (!r.claims) return '';
  return r.claims.by === 'llm' ? `\n${r.claims.count} claims extracted by the model.`
    : `\n${r.claims.count} claims extracted by the rules: the model's were not used (${escapeText(oneLine(r.claims.fallback ?? '')).slice(0, 200)}).`;
}

/** `/corpus add`: what happened. */
export function renderAdded(r: AddResult): BotMessage {
  const text = r.added
    ? `Added ${code(r.id)} **${escapeText(oneLine(r.title)).slice(0, 300)}** (${r.chunks} passages). It is searchable now.${claimsNote(r)}`
    : `Nothing changed: the same content is already stored as ${code(r.id)}.`;
  return embedMessage({ title: r.added ? 'Document added' : 'Already in the corpus', description: text });
}
