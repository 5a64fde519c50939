import {
  ApplicationCommandOptionType,
  type ChatInputCommandInteraction,
  type RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';
import type { BotContext } from '../context.js';
import { renderFeedback } from '../render/ledger.js';
import { PRIVATE, privileged, requireAccess } from './guard.js';

/** `/feedback [count]` — recent reports and down-votes, for moderators. */
export const data = {
  name: 'feedback',
  description: 'Moderators: recent reports and down-votes on answers',
  ...privileged('moderator'),
  options: [
    {
      type: ApplicationCommandOptionType.Integer,
      name: 'count',
      description: 'How many to show (default 15)',
      min_value: 1,
      max_value: 50,
    },
  ],
} as const satisfies RESTPostAPIApplicationCommandsJSONBody;

/** Shows the latest reports and down-votes privately (up-votes are left out). */
export async function execute(i: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  requireAccess(i, ctx, 'moderator', '/feedback');
  const count = i.options.getInteger('count') ?? 15;
  const entries = (await ctx.app.listFeedback(count * 4))
    .filter((f) => f.kind !== 'up')
    .slice(0, count);
  await i.reply({ ...renderFeedback(entries), ...PRIVATE });
}
