import {
  type ChatInputCommandInteraction,
  type RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';
import type { BotContext } from '../context.js';
import { renderStats } from '../render/ledger.js';
import { PRIVATE, privileged, requireAccess } from './guard.js';

/** `/stats` — corpus and usage figures, for maintainers. */
export const data = {
  name: 'stats',
  description: 'Maintainers: corpus size, index size, questions answered and latency',
  ...privileged('maintainer'),
} as const satisfies RESTPostAPIApplicationCommandsJSONBody;

/** Replies privately with `app.stats()`. */
export async function execute(i: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  requireAccess(i, ctx, 'maintainer', '/stats');
  await i.reply({ ...renderStats(await ctx.app.stats()), ...PRIVATE });
}
