import {
  ApplicationCommandOptionType,
  ApplicationIntegrationType,
  InteractionContextType,
  type ChatInputCommandInteraction,
  type RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';
import type { BotContext } from '../context.js';
import { answerQuestion } from '../question.js';
import { PRIVATE, requireAskChannel, requireRate } from './guard.js';

/** `/ask question:<text> [private:<bool>]` — open to everyone, in servers and in DMs with the bot. */
export const data = {
  name: 'ask',
  description: 'Ask about the events in the corpus; the answer quotes its sources and marks unverified claims',
  dm_permission: true,
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  integration_types: [ApplicationIntegrationType.GuildInstall],
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'question',
      description: 'Your question, e.g. "What did Pakistan say?"',
      required: true,
      min_length: 2,
      max_length: 1000,
    },
    {
      type: ApplicationCommandOptionType.Boolean,
      name: 'private',
      description: 'Only you see the answer (default: everyone in the channel)',
    },
  ],
} as const satisfies RESTPostAPIApplicationCommandsJSONBody;

/** Defers at once (Discord allows 3 s), then asks the app and edits the deferred reply with the answer. */
export async function execute(i: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  requireAskChannel(i, ctx);
  const question = i.options.getString('question', true);
  const isPrivate = i.options.getBoolean('private') ?? false;
  requireRate(ctx, i.user.id, i.channelId);
  await i.deferReply(isPrivate ? PRIVATE : {});
  const r = await answerQuestion(ctx, question, undefined, [i.locale, i.guildLocale]);
  const sent = await i.editReply(r.message);
  if (!isPrivate) ctx.memory.rememberMessage(sent.id, question, r.key);
}
