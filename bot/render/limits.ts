import type { APIEmbed } from 'discord.js';

/** Discord's message limits (characters are counted as UTF-16 code units, which never undercounts). */
export const LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  embedTotal: 6000,
  rows: 5,
  buttonsPerRow: 5,
  customId: 100,
  buttonLabel: 80,
} as const;

interface ComponentLike {
  type: number;
  custom_id?: string;
  label?: string;
  url?: string;
}

/** The parts of a message body that the limits apply to (accepts both our payloads and wire bodies). */
export interface LimitedPayload {
  content?: string | null;
  embeds?: readonly APIEmbed[] | null;
  components?: readonly { type: number; components?: readonly ComponentLike[] }[] | null;
}

/** Characters of an embed that count towards the 6,000 total. */
export function embedLength(e: APIEmbed): number {
  let n = (e.title?.length ?? 0) + (e.description?.length ?? 0);
  n += (e.footer?.text.length ?? 0) + (e.author?.name.length ?? 0);
  for (const f of e.fields ?? []) n += f.name.length + f.value.length;
  return n;
}

/** Every limit the payload breaks, in words; empty when it fits. */
export function limitViolations(p: LimitedPayload): string[] {
  const out: string[] = [];
  const over = (what: string, len: number, max: number) => {
    if (len > max) out.push(`${what} has ${len} characters (max ${max})`);
  };
  over('content', p.content?.length ?? 0, LIMITS.content);
  const embeds = p.embeds ?? [];
  if (embeds.length > LIMITS.embeds) out.push(`${embeds.length} embeds (max ${LIMITS.embeds})`);
  let total = 0;
  embeds.forEach((e, i) => {
    over(`embed ${i} title`, e.title?.length ?? 0, LIMITS.title);
    over(`embed ${i} description`, e.description?.length ?? 0, LIMITS.description);
    over(`embed ${i} footer`, e.footer?.text.length ?? 0, LIMITS.footer);
    over(`embed ${i} author`, e.author?.name.length ?? 0, LIMITS.author);
    const fields = e.fields ?? [];
    if (fields.length > LIMITS.fields) out.push(`embed ${i} has ${fields.length} fields (max ${LIMITS.fields})`);
    fields.forEach((f, j) => {
      over(`embed ${i} field ${j} name`, f.name.length, LIMITS.fieldName);
      over(`embed ${i} field ${j} value`, f.value.length, LIMITS.fieldValue);
      if (f.name.trim() === '' || f.value.trim() === '') out.push(`embed ${i} field ${j} is empty`);
    });
    if (e.description !== undefined && e.description.trim() === '') out.push(`embed ${i} description is empty`);
    total += embedLength(e);
  });
  over('all embeds together', total, LIMITS.embedTotal);
  const rows = p.components ?? [];
  if (rows.length > LIMITS.rows) out.push(`${rows.length} component rows (max ${LIMITS.rows})`);
  rows.forEach((row, i) => {
    const items = row.components ?? [];
    if (items.length > LIMITS.buttonsPerRow) out.push(`row ${i} has ${items.length} buttons (max ${LIMITS.buttonsPerRow})`);
    items.forEach((c, j) => {
      over(`row ${i} button ${j} custom_id`, c.custom_id?.length ?? 0, LIMITS.customId);
      over(`row ${i} button ${j} label`, c.label?.length ?? 0, LIMITS.buttonLabel);
    });
  });
  const hasBody = (p.content ?? '') !== '' || embeds.length > 0 || rows.length > 0;
  if (!hasBody) out.push('the message is empty');
  return out;
}

/** True when Discord would accept the payload's sizes: content, embeds, fields, buttons. */
export function fitsDiscordLimits(p: LimitedPayload): boolean {
  return limitViolations(p).length === 0;
}
