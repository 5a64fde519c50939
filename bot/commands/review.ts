import {
  ApplicationCommandOptionType,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';
import type { ReviewInput } from '../../app/app.js';
import { UserError } from '../../core/errors.js';
import type { BotContext } from '../context.js';
import { renderReview } from '../render/ledger.js';
import { isHttpUrl, oneLine, truncate } from '../render/text.js';
import { allowed, PRIVATE, privileged, requireAccess } from './guard.js';

const STATUSES = ['verified', 'refuted', 'disputed', 'unverified'] as const;

/** `/review claim status note [evidence]` — a moderator's verdict on a claim, kept in an audit log. */
export const data = {
  name: 'review',
  description: 'Moderators: set the status of a claim, with a note and an evidence link',
  ...privileged('moderator'),
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'claim',
      description: 'The claim id (see /claims)',
      required: true,
      autocomplete: true,
      max_length: 100,
    },
    {
      type: ApplicationCommandOptionType.String,
      name: 'status',
      description: 'Your verdict',
      required: true,
      choices: STATUSES.map((s) => ({ name: s, value: s })),
    },
    {
      type: ApplicationCommandOptionType.String,
      name: 'note',
      description: 'Why: what the evidence shows',
      required: true,
      min_length: 3,
      max_length: 1000,
    },
    {
      type: ApplicationCommandOptionType.String,
      name: 'evidence',
      description: 'An http(s) link to the evidence',
      max_length: 500,
    },
  ],
} as const satisfies RESTPostAPIApplicationCommandsJSONBody;

/** Stores the review and shows the claim as it now stands. */
export async function execute(i: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  requireAccess(i, ctx, 'moderator', '/review');
  const evidence = i.options.getString('evidence')?.trim() || undefined;
  if (evidence !== undefined && !isHttpUrl(evidence)) throw new UserError('URL_INVALID', { url: truncate(evidence, 200) });
  const input: ReviewInput = {
    claimId: i.options.getString('claim', true).trim(),
    status: i.options.getString('status', true) as ReviewInput['status'],
    note: i.options.getString('note', true).trim(),
    reviewer: `${i.user.username} (${i.user.id})`,
    ...(evidence ? { evidence } : {}),
  };
  const claim = await ctx.app.reviewClaim(input);
  ctx.log.info('claim reviewed', { claim: claim.id, status: input.status, by: i.user.id });
  await i.reply({ ...renderReview(claim), ...PRIVATE });
}

/** Suggests claim ids matching what the moderator typed (only to moderators). */
export async function autocomplete(i: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  if (!allowed(i, ctx, 'moderator')) return i.respond([]);
  const typed = i.options.getFocused().toLowerCase();
  const hits = (await ctx.app.listClaims({ limit: 200 }))
    .filter((c) => c.id.toLowerCase().includes(typed) || c.text.toLowerCase().includes(typed))
    .slice(0, 25)
    .filter((c) => c.id.length <= 100)
    .map((c) => ({ name: truncate(oneLine(`${c.id} · ${c.status} · ${c.text}`), 100), value: c.id }));
  await i.respond(hits);
}
