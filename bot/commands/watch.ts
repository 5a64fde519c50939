import {
  ApplicationCommandOptionType, ApplicationIntegrationType, InteractionContextType,
  type ButtonInteraction, type ChatInputCommandInteraction, type RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';
import { UserError } from '../../core/errors.js';
import type { BotContext } from '../context.js';
import { textMessage } from '../render/payload.js';
import { renderWatched, renderWatchList } from '../render/watch.js';
import { PRIVATE, requireRate } from './guard.js';

/** `/watch list | remove claim:<id>` — the claims a member watches. */
export const data = {
  name: 'watch',
  description: 'The claims you watch: you get one message when a watched claim’s status changes',
  dm_permission: true,
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  integration_types: [ApplicationIntegrationType.GuildInstall],
  options: [
    { type: ApplicationCommandOptionType.Subcommand, name: 'list', description: 'The claims you watch and their status now' },
    {
      type: ApplicationCommandOptionType.Subcommand, name: 'remove', description: 'Stop watching a claim',
      options: [{ type: ApplicationCommandOptionType.String, name: 'claim', description: 'The claim id (see /watch list)', required: true, max_length: 80 }],
    },
  ],
} as const satisfies RESTPostAPIApplicationCommandsJSONBody;

/** Lists or removes, privately. */
export async function execute(i: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  if (i.options.getSubcommand() === 'list') {
    await i.reply({ ...renderWatchList(await ctx.app.listWatches(i.user.id), ctx.config.WATCH_MAX_PER_MEMBER), ...PRIVATE });
    return;
  }
  const id = i.options.getString('claim', true).trim();
  const removed = await ctx.app.unwatch(i.user.id, id);
  if (!removed) throw new UserError('USAGE', { detail: `You do not watch \`${id.replace(/`/g, "'").slice(0, 80)}\`. See /watch list.` });
  await i.reply({ ...textMessage(`You no longer watch \`${id.replace(/`/g, "'").slice(0, 80)}\`.`), ...PRIVATE });
}

/** The Watch button under an answer: watches its claims for the member, replies privately. */
export async function onWatch(i: ButtonInteraction, ctx: BotContext, key: string): Promise<void> {
  const answer = ctx.memory.answer(key);
  if (!answer) throw new UserError('ANSWER_EXPIRED');
  if (answer.claims.length === 0) throw new UserError('USAGE', { detail: 'This answer has no claims to watch.' });
  requireRate(ctx, i.user.id, i.channelId);
  const r = await ctx.app.watchClaims({ userId: i.user.id, ...(i.channelId ? { channelId: i.channelId } : {}), ids: answer.claims.map((c) => c.id) });
  await i.reply({ ...renderWatched(r), ...PRIVATE });
}
