import { randomBytes } from 'node:crypto';
import { MessageFlags, type Interaction, type Message } from 'discord.js';
import { msg } from '../answer/messages.js';
import { isUserError, UserError } from '../core/errors.js';
import { errorFields, type Logger } from './log.js';
import { NO_MENTIONS } from './render/payload.js';

/** Where an error happened: the interaction or message to answer, and a name for the log. */
export interface ErrorTarget {
  interaction?: Interaction;
  message?: Message;
  event: string;
}

/** The text a user sees for an error (in `locale` where the catalogue has it), and whether it is a bug. */
export function userText(err: unknown, incident: string, locale?: string): { text: string; bug: boolean } {
  if (isUserError(err)) return { text: localised(err.code, err.params, locale) ?? err.message.slice(0, 1900), bug: false };
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 50013 || code === 50001) {
    const e = new UserError('BOT_MISSING_PERMISSION', { detail: code === 50013 ? 'Missing Permissions' : 'Missing Access' });
    return { text: localised(e.code, e.params, locale) ?? e.message, bug: false };
  }
  return { text: msg(locale, 'error.bug', { incident }), bug: true };
}

/** The catalogue's text for an error code (`error.<CODE>`), or undefined when it has none. */
function localised(code: string, params: Record<string, string | number>, locale?: string): string | undefined {
  try { return msg(locale, `error.${code}`, params).slice(0, 1900); } catch { return undefined; }
}

/**
 * The one error handler: user-safe errors are shown to the user privately (an edit of a private deferred
 * reply; for a public one, the placeholder is deleted and an ephemeral follow-up sent; else an ephemeral
 * reply); anything else is logged as structured JSON and answered with a generic apology. Never throws.
 */
export async function handleError(err: unknown, target: ErrorTarget, log: Logger): Promise<void> {
  const incident = randomBytes(4).toString('hex');
  // The member's language (Discord's locale), else the server's; a mention has only the server's.
  const i0 = target.interaction;
  const locale = i0 && 'locale' in i0 ? i0.locale ?? i0.guildLocale ?? undefined : target.message?.guild?.preferredLocale;
  const { text, bug } = userText(err, incident, locale);
  const ids = {
    event: target.event,
    incident,
    user: target.interaction?.user.id ?? target.message?.author.id,
    guild: target.interaction?.guildId ?? target.message?.guildId ?? undefined,
    channel: target.interaction?.channelId ?? target.message?.channelId,
  };
  if (bug) log.error('handler failed', { ...ids, ...errorFields(err) });
  else log.info('user error', { ...ids, code: (err as { code?: string }).code });
  try {
    const i = target.interaction;
    if (i?.isAutocomplete()) {
      if (!i.responded) await i.respond([]);
    } else if (i?.isRepliable()) {
      const body = { content: text, embeds: [], components: [], allowedMentions: NO_MENTIONS };
      const priv = { ...body, flags: MessageFlags.Ephemeral } as const;
      if (i.deferred && !i.replied && i.ephemeral) await i.editReply(body);
      else if (i.deferred && !i.replied) {
        // the "thinking…" placeholder is public: remove it and tell the user privately
        const removed = await i.deleteReply().then(() => true, () => false);
        await (removed ? i.followUp(priv) : i.editReply(body));
      } else if (i.replied) await i.followUp(priv);
      else await i.reply(priv);
    } else if (target.message) {
      const m = target.message;
      // Where the bot cannot post (a missing permission, an archived thread), the member is told privately.
      await m.reply({ content: text, allowedMentions: NO_MENTIONS }).catch(async (replyErr: unknown) => {
        log.warn('could not reply in the channel; telling the member by direct message', { ...ids, ...errorFields(replyErr) });
        await m.author.send({ content: `I could not answer your message in <#${m.channelId}>: ${text}`.slice(0, 2000), allowedMentions: NO_MENTIONS });
      });
    }
  } catch (sendErr) {
    log.warn('could not tell the user about an error', { ...ids, ...errorFields(sendErr) });
  }
}
