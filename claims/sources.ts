import type { ExtractedMention } from './extract.js';
import type { LedgerDoc } from './ledger-store.js';
import { outletKey } from './sources-names.js';

/**
 * Independent-source keys of a mention: a party's own claim is that party however many outlets repeat
 * it; a statement in the speaker's own document is the speaker's; otherwise the outlets that report it
 * (for an encyclopedia item, the outlets it cites rather than the encyclopedia).
 */
export function sourceKeys(m: ExtractedMention, doc: LedgerDoc): string[] {
  if (m.role !== 'reaction' && m.speaker && !m.factive) return [`actor:${m.speaker.id}`];
  if (m.role !== 'reaction' && m.sourceText && !m.factive) return [`source:${outlet(m.sourceText)}`];
  if (m.speaker && doc.speakerId === m.speaker.id) return [`own:${m.speaker.id}`];
  const outlets = (doc.sources ?? []).map((s) => `outlet:${outlet(s.outlet)}`);
  if (outlets.length) return [...new Set(outlets)];
  const host = doc.url ? hostOf(doc.url) : undefined;
  const name = doc.kind === 'encyclopedia item' && host ? host : doc.publisher ? outlet(doc.publisher) : host ?? doc.id;
  return [`outlet:${name}`];
}

function outlet(s: string): string {
  return outletKey(s);
}

function hostOf(url: string): string | undefined {
  try { return new URL(url).hostname.replace(/^www\./, ''); } catch { return undefined; }
}

/** The day `days` after (or before) `day`. */
export function shiftDay(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** YYYY-MM-DD of a full date, else undefined (a year alone does not date a claim). */
export function fullDate(s: string | undefined): string | undefined {
  return s && /^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : undefined;
}
