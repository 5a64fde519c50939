import { msg } from '../../answer/messages.js';
import {
  ComponentType,
  TextInputStyle,
  type ButtonInteraction,
  type Message,
  type ModalSubmitInteraction,
} from 'discord.js';
import type { FeedbackInput } from '../../app/app.js';
import { UserError } from '../../core/errors.js';
import type { BotContext } from '../context.js';
import { PRIVATE } from '../commands/guard.js';
import { answerId, parseAnswerId } from '../render/custom-id.js';
import { renderMore, renderSources } from '../render/pages.js';
import { textMessage } from '../render/payload.js';
import { withoutZwsp } from '../render/text.js';
import { parseTimelineId } from '../render/timeline.js';
import { onPage } from '../commands/timeline.js';
import { onWatch } from '../commands/watch.js';

function questionOf(ctx: BotContext, key: string, message: Message | null): string {
  const title = message?.embeds[0]?.title;
  return ctx.memory.answer(key)?.question ?? (title ? withoutZwsp(title) : '(unknown question)');
}

function feedbackBase(ctx: BotContext, i: ButtonInteraction | ModalSubmitInteraction, key: string): Omit<FeedbackInput, 'kind'> {
  const answer = ctx.memory.answer(key);
  return {
    question: questionOf(ctx, key, i.message),
    ...(answer ? { answerText: answer.answer } : {}),
    userId: i.user.id,
    ...(i.guildId ? { guildId: i.guildId } : {}),
    ...(i.channelId ? { channelId: i.channelId } : {}),
    ...(i.message ? { messageId: i.message.id } : {}),
  };
}

/** Handles the buttons under an answer: Sources, More, 👍, 👎 and Report. */
export async function onButton(i: ButtonInteraction, ctx: BotContext): Promise<void> {
  const page = parseTimelineId(i.customId);
  if (page) return onPage(i, ctx, page.query, page.page);
  const id = parseAnswerId(i.customId);
  if (!id) return; // not ours
  if (id.action === 'src' || id.action === 'more') {
    const answer = ctx.memory.answer(id.key);
    if (!answer) throw new UserError('ANSWER_EXPIRED');
    const body = id.action === 'src' ? renderSources(answer, id.n ?? 0, id.key) : renderMore(answer, id.n ?? 0, id.key);
    await i.reply({ ...body, ...PRIVATE });
    return;
  }
  if (id.action === 'watch') return onWatch(i, ctx, id.key);
  if (id.action === 'up' || id.action === 'down') {
    const voteKey = `${i.user.id}:${i.message.id}`;
    if (!ctx.memory.firstVote(voteKey)) {
      await i.reply({ ...textMessage(msg(i.locale, 'bot.rated')), ...PRIVATE });
      return;
    }
    await ctx.app.recordFeedback({ kind: id.action, ...feedbackBase(ctx, i, id.key) });
    const text = msg(i.locale, id.action === 'up' ? 'bot.thanksUp' : 'bot.thanksDown', { report: msg(i.locale, 'bot.button.report') });
    await i.reply({ ...textMessage(text), ...PRIVATE });
    return;
  }
  await i.showModal({
    custom_id: answerId('report', id.key),
    title: msg(i.locale, 'bot.reportTitle'),
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.TextInput,
            custom_id: 'note',
            label: msg(i.locale, 'bot.reportLabel'),
            style: TextInputStyle.Paragraph,
            min_length: 5,
            max_length: 1000,
            required: true,
            placeholder: msg(i.locale, 'bot.reportPlaceholder'),
          },
        ],
      },
    ],
  });
}

/** Stores a report submitted from the Report modal. */
export async function onModal(i: ModalSubmitInteraction, ctx: BotContext): Promise<void> {
  const id = parseAnswerId(i.customId);
  if (!id || id.action !== 'report') return;
  const note = i.fields.getTextInputValue('note').trim();
  if (note === '') throw new UserError('USAGE', { detail: msg(i.locale, 'bot.reportEmpty') });
  await ctx.app.recordFeedback({ kind: 'report', note, ...feedbackBase(ctx, i, id.key) });
  ctx.log.info('answer reported', { user: i.user.id, message: i.message?.id });
  await i.reply({ ...textMessage(msg(i.locale, 'bot.reportThanks')), ...PRIVATE });
}
