import { ThreadAutoArchiveDuration, type Message } from 'discord.js';
import type { BotContext } from './context.js';
import { errorFields } from './log.js';
import type { AnsweredQuestion } from './question.js';
import { truncate, withoutZwsp } from './render/text.js';

/** True for the first message of a new post in a forum listed in FORUM_CHANNEL_IDS (its id is the thread's). */
export function isForumPost(m: Message, ctx: BotContext): boolean {
  return m.channel.isThread() && m.id === m.channelId && ctx.config.FORUM_CHANNEL_IDS.includes(m.channel.parentId ?? '');
}

/** A forum post as a question: its title, and its text (`body`, mentions removed) when Discord lets the bot read it. */
export function forumQuestion(m: Message, body: string): string {
  const title = m.channel.isThread() ? m.channel.name.trim() : '';
  return (body && body !== title ? `${title}. ${body}` : title).slice(0, 1000);
}

/**
 * After a restart the thread memory is empty: for a thread the bot opened, or a forum post, the earlier
 * questions are read back from the titles of the bot's answers among the thread's last 30 messages.
 */
export async function recallThread(m: Message, ctx: BotContext, botId: string): Promise<void> {
  const ch = m.channel;
  if (!ch.isThread() || m.id === ch.id || ctx.threads.history(ch.id)) return;
  if (ch.ownerId !== botId && !ctx.config.FORUM_CHANNEL_IDS.includes(ch.parentId ?? '')) return;
  const earlier = await ch.messages.fetch({ limit: 30, before: m.id }).catch(() => null);
  if (!earlier) return;
  const mine = [...earlier.values()].filter((x) => x.author.id === botId).sort((a, b) => a.createdTimestamp - b.createdTimestamp);
  for (const x of mine) {
    const title = x.embeds[0]?.title ? withoutZwsp(x.embeds[0].title).trim() : '';
    if (title) ctx.threads.remember(ch.id, title, true);
  }
}

/** Whether an answer to this message opens a thread: THREAD_ANSWERS=always, or busy in a busy channel. */
function opensThread(m: Message, ctx: BotContext): boolean {
  if (!m.inGuild() || m.channel.isThread() || !('threads' in m.channel)) return false;
  const mode = ctx.config.THREAD_ANSWERS;
  return mode === 'always' || (mode === 'busy' && ctx.threads.busy(m.channelId, ctx.config.THREAD_BUSY_MESSAGES));
}

/**
 * Sends an answer: in a new thread on the question when the channel is busy (THREAD_ANSWERS), else as a
 * reply. The thread's questions are remembered, so that later messages there are follow-ups. If the thread
 * cannot be opened (a missing permission), the answer is a reply instead.
 */
export async function sendAnswer(m: Message, ctx: BotContext, question: string, r: AnsweredQuestion): Promise<void> {
  if (opensThread(m, ctx)) {
    try {
      const thread = await m.startThread({ name: truncate(question, 90) || 'Question', autoArchiveDuration: ThreadAutoArchiveDuration.OneDay });
      const sent = await thread.send(r.message);
      ctx.memory.rememberMessage(sent.id, question, r.key);
      ctx.threads.remember(thread.id, question, true);
      return;
    } catch (err) {
      ctx.log.warn('could not open a thread for the answer; replying in the channel', { channel: m.channelId, ...errorFields(err) });
    }
  }
  const sent = await m.reply(r.message);
  ctx.memory.rememberMessage(sent.id, question, r.key);
  if (m.channel.isThread()) ctx.threads.remember(m.channelId, question, isForumPost(m, ctx));
}
