import {
  ApplicationCommandOptionType, ApplicationIntegrationType, InteractionContextType,
  type ButtonInteraction, type ChatInputCommandInteraction, type RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';
import { UserError } from '../../core/errors.js';
import { timelinePng } from '../../app/timeline-chart.js';
import { timelineTitle, type TimelineQuery } from '../../app/timeline.js';
import type { BotContext } from '../context.js';
import { renderTimeline, TIMELINE_PNG } from '../render/timeline.js';
import { requireAskChannel, requireRate } from './guard.js';

const text = (name: string, description: string) => ({ type: ApplicationCommandOptionType.String, name, description, max_length: 80 }) as const;

/** `/timeline about:<words> | claim:<id> | actor:<name>` — who said what about one story, in date order, with a picture. */
export const data = {
  name: 'timeline',
  description: 'Who said what about a story, in date order, with the claim’s status after each statement',
  dm_permission: true,
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  integration_types: [ApplicationIntegrationType.GuildInstall],
  options: [
    text('about', 'Words of the story, e.g. drone attack residence'),
    text('claim', 'A claim id from an answer or /claims'),
    text('actor', 'Everything one actor said, e.g. Russia'),
  ],
} as const satisfies RESTPostAPIApplicationCommandsJSONBody;

/** The one query the options give, or a usage error. */
export function queryOf(i: ChatInputCommandInteraction): TimelineQuery {
  const given = (['about', 'claim', 'actor'] as const).map((k) => [k, i.options.getString(k)?.trim()] as const).filter(([, v]) => v);
  if (given.length !== 1) throw new UserError('USAGE', { detail: 'Give exactly one of about:, claim: or actor:, for example /timeline about:drone attack residence' });
  const [k, v] = given[0]!;
  return { [k]: v } as TimelineQuery;
}

/** Defers, builds the timeline and its picture, and edits the reply with page 1 and the PNG. */
export async function execute(i: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  requireAskChannel(i, ctx);
  const query = queryOf(i);
  requireRate(ctx, i.user.id, i.channelId);
  const t = await ctx.app.timeline(query); // before deferring: "nothing matches" is a private reply
  await i.deferReply();
  const title = timelineTitle(query);
  let png: Uint8Array | undefined;
  try {
    png = await timelinePng(t, title);
  } catch (err) {
    ctx.log.warn('timeline picture failed; sending the text alone', { detail: (err as Error).message });
  }
  const body = renderTimeline(t, query, title, 0, !!png);
  await i.editReply({ ...body, ...(png ? { files: [{ attachment: Buffer.from(png), name: TIMELINE_PNG }] } : {}) });
}

/** Prev/Next under a timeline: the same query again, another page, in place (the picture stays attached). */
export async function onPage(i: ButtonInteraction, ctx: BotContext, query: TimelineQuery, page: number): Promise<void> {
  const t = await ctx.app.timeline(query);
  const hasPicture = i.message.attachments.size > 0;
  await i.update(renderTimeline(t, query, timelineTitle(query), page, hasPicture));
}
