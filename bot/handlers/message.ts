import type { Message } from 'discord.js';
import type { FollowUp } from '../../app/app.js';
import { UserError } from '../../core/errors.js';
import type { BotContext } from '../context.js';
import { handleError } from '../errors.js';
import { Lru } from '../lru.js';
import { channelAllowed } from '../permissions.js';
import { answerQuestion } from '../question.js';
import { withoutZwsp } from '../render/text.js';
import { forumQuestion, isForumPost, recallThread, sendAnswer } from '../thread-answers.js';
import { threadFollowUp } from '../threads.js';

const TYPING_EVERY_MS = 8_000;

/** Removes mentions of the bot (user and managed role) from a message's text. */
export function stripBotMentions(content: string, botId: string, botRoleIds: readonly string[] = []): string {
  let s = content.replace(new RegExp(`<@!?${botId}>`, 'g'), ' ');
  for (const r of botRoleIds) s = s.replace(new RegExp(`<@&${r}>`, 'g'), ' ');
  return s.replace(/\s+/g, ' ').trim();
}

/** The question behind one of the bot's answer messages, read from its embed title. */
export function questionFromMessage(m: Message): string | null {
  const title = m.embeds[0]?.title ? withoutZwsp(m.embeds[0].title).trim() : '';
  return title ? title : null;
}

/** Works out whether a message is addressed to the bot, and the earlier question when it replies to an answer. */
async function addressed(m: Message, botId: string, ctx: BotContext): Promise<{ to: boolean; followUp?: FollowUp; roles: string[] }> {
  await recallThread(m, ctx, botId);
  const direct = await addressedDirectly(m, botId, ctx);
  // In a thread, a follow-up uses the thread's earlier questions (not just the one replied to); in a
  // thread the bot opened, or a forum post it answered, every message is a follow-up.
  const history = m.channel.isThread() ? ctx.threads.history(m.channelId) : undefined;
  if (history?.length && (direct.to || ctx.threads.owns(m.channelId))) {
    return { to: true, followUp: { question: threadFollowUp(history), ...(direct.followUp?.answer ? { answer: direct.followUp.answer } : {}) }, roles: direct.roles };
  }
  return isForumPost(m, ctx) ? { ...direct, to: true } : direct;
}

async function addressedDirectly(m: Message, botId: string, ctx: BotContext): Promise<{ to: boolean; followUp?: FollowUp; roles: string[] }> {
  const roles = m.mentions.roles.filter((r) => r.tags?.botId === botId).map((r) => r.id);
  const mentioned = m.mentions.users.has(botId) || roles.length > 0;
  const ref = m.reference?.messageId;
  if (ref && (m.reference?.channelId ?? m.channelId) === m.channelId) {
    const known = ctx.memory.lookupMessage(ref);
    if (known) return { to: true, followUp: known, roles };
    if (m.mentions.repliedUser?.id === botId || mentioned || !m.inGuild()) {
      const earlier = await m.fetchReference().catch(() => null);
      if (earlier?.author.id === botId) {
        const question = questionFromMessage(earlier);
        return question ? { to: true, followUp: { question }, roles } : { to: true, roles };
      }
    }
  }
  return { to: mentioned || !m.inGuild(), roles };
}

/**
 * Handles a message: answers mentions, direct messages and replies to the bot's answers (as follow-ups);
 * ignores bots (itself included), webhooks, system messages and channels outside ALLOWED_CHANNEL_IDS.
 */
export function createMessageHandler(ctx: BotContext, botId: () => string): (m: Message) => Promise<void> {
  const warned = new Lru<string, number>(2000);
  return async (m) => {
    try {
      if (m.author.bot || m.webhookId || m.system) return;
      const id = botId();
      const parent = m.channel.isThread() ? m.channel.parentId : null;
      if (m.inGuild()) ctx.threads.seen(m.channelId);
      const forum = parent !== null && ctx.config.FORUM_CHANNEL_IDS.includes(parent);
      if (!forum && !channelAllowed(ctx.config.ALLOWED_CHANNEL_IDS, m.channelId, parent, m.inGuild())) return;
      const { to, followUp, roles } = await addressed(m, id, ctx);
      if (!to) return;
      const decision = ctx.limiter.take(m.author.id, m.inGuild() ? m.channelId : null);
      if (!decision.ok) {
        const now = Date.now();
        if ((warned.get(m.author.id) ?? 0) > now) return; // told them already; stay quiet
        warned.set(m.author.id, now + decision.retryAfterMs);
        throw new UserError('RATE_LIMITED', { seconds: Math.max(1, Math.ceil(decision.retryAfterMs / 1000)) });
      }
      const text = stripBotMentions(m.content, id, roles);
      const question = isForumPost(m, ctx) ? forumQuestion(m, text) : text;
      if (question === '') throw new UserError('MESSAGE_NO_TEXT');
      const typing = keepTyping(m);
      try {
        const r = await answerQuestion(ctx, question, followUp, [m.guild?.preferredLocale]);
        await sendAnswer(m, ctx, question, r);
      } finally {
        typing.stop();
      }
    } catch (err) {
      await handleError(err, { message: m, event: 'messageCreate' }, ctx.log);
    }
  };
}

function keepTyping(m: Message): { stop(): void } {
  const channel = m.channel;
  if (!('sendTyping' in channel)) return { stop: () => undefined };
  const send = () => void channel.sendTyping().catch(() => undefined);
  send();
  const timer = setInterval(send, TYPING_EVERY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
