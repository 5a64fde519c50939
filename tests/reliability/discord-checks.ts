import { limitViolations } from '../../bot/render/limits.js';

/**
 * What hostile text could do in a message the bot sends: break a Discord limit, ping (@everyone,
 * @here, a user or a role), or show a masked link. Embed titles render neither mentions nor links (the
 * question is echoed there as asked and read back for follow-ups), so only @everyone/@here count there.
 * `sent` also requires the empty `allowed_mentions` of a message that went out.
 */
export function injectionProblems(body: any, sent = true): string[] {
  const data = body?.data ?? body ?? {};
  const embeds = (data.embeds ?? []).map(({ title, ...rest }: { title?: string }) => rest);
  const text = JSON.stringify({ content: data.content, embeds });
  const titles = JSON.stringify((data.embeds ?? []).map((e: { title?: string }) => e.title));
  const problems = limitViolations(data);
  if (/(?<!\u200b)@(everyone|here)/.test(text + titles)) problems.push('a live @everyone/@here');
  if (/(?<!\\)<@[&!]?\d/.test(text)) problems.push('a live user or role mention');
  if (/(?<!\\)\]\(https?:/.test(text)) problems.push('a masked link');
  const hasMessage = data.content !== undefined || data.embeds !== undefined;
  if (sent && hasMessage && JSON.stringify(data.allowed_mentions) !== JSON.stringify({ parse: [], replied_user: false })) {
    problems.push(`allowed_mentions is ${JSON.stringify(data.allowed_mentions)}`);
  }
  return problems;
}
