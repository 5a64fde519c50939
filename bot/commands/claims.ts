import {
  ApplicationCommandOptionType,
  type ChatInputCommandInteraction,
  type RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';
import type { ClaimStatus } from '../../core/answer.js';
import type { BotContext } from '../context.js';
import { renderClaims } from '../render/ledger.js';
import { PRIVATE, privileged, requireAccess } from './guard.js';

const STATUSES = ['unverified', 'disputed', 'reported', 'corroborated', 'verified', 'refuted'] as const;

/** `/claims [actor] [status]` — the claim ledger, for moderators. */
export const data = {
  name: 'claims',
  description: 'Moderators: list claims in the ledger, by actor or status',
  ...privileged('moderator'),
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'actor',
      description: 'Only claims made by or about this actor, e.g. Russia',
      max_length: 100,
    },
    {
      type: ApplicationCommandOptionType.String,
      name: 'status',
      description: 'Only claims with this status',
      choices: STATUSES.map((s) => ({ name: s, value: s })),
    },
  ],
} as const satisfies RESTPostAPIApplicationCommandsJSONBody;

/** Lists up to 25 claims privately. */
export async function execute(i: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  requireAccess(i, ctx, 'moderator', '/claims');
  const actor = i.options.getString('actor') ?? undefined;
  const status = (i.options.getString('status') ?? undefined) as ClaimStatus | undefined;
  const claims = await ctx.app.listClaims({ ...(actor ? { actor } : {}), ...(status ? { status } : {}), limit: 25 });
  await i.reply({ ...renderClaims(claims, { ...(actor ? { actor } : {}), ...(status ? { status } : {}) }), ...PRIVATE });
}
