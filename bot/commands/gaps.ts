import { type ChatInputCommandInteraction, type RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import type { BotContext } from '../context.js';
import { renderGaps } from '../render/gaps.js';
import { PRIVATE, privileged, requireAccess } from './guard.js';

/** `/gaps` — questions the bot could not answer, for maintainers. */
export const data = {
  name: 'gaps',
  description: 'Maintainers: questions the bot could not answer from the corpus, most asked first',
  ...privileged('maintainer'),
} as const satisfies RESTPostAPIApplicationCommandsJSONBody;

/** Replies privately with the open coverage gaps. */
export async function execute(i: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  requireAccess(i, ctx, 'maintainer', '/gaps');
  await i.reply({ ...renderGaps(await ctx.app.listGaps({ limit: 50 })), ...PRIVATE });
}
