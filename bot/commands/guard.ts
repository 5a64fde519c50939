import {
  ApplicationIntegrationType, InteractionContextType, MessageFlags, type APIInteractionGuildMember, type BaseInteraction, type GuildMember,
} from 'discord.js';
import { UserError } from '../../core/errors.js';
import type { BotContext } from '../context.js';
import { channelAllowed, defaultPermission, hasAccess, requirement, type Access } from '../permissions.js';

/**
 * The definition fields every moderator or maintainer command shares: usable in servers only, and
 * hidden by default from members without the permission (checked again at run time by `requireAccess`).
 */
export function privileged(access: Exclude<Access, 'everyone'>): {
  default_member_permissions: string; dm_permission: false;
  contexts: InteractionContextType[]; integration_types: ApplicationIntegrationType[];
} {
  return {
    default_member_permissions: defaultPermission(access),
    dm_permission: false,
    contexts: [InteractionContextType.Guild],
    integration_types: [ApplicationIntegrationType.GuildInstall],
  };
}

/** Reply flags for a private (ephemeral) response. */
export const PRIVATE = { flags: MessageFlags.Ephemeral } as const;

/** The role ids of the member behind an interaction (cached member or raw payload). */
export function memberRoleIds(member: GuildMember | APIInteractionGuildMember | null): string[] {
  if (!member) return [];
  if (Array.isArray(member.roles)) return [...member.roles];
  return [...(member as GuildMember).roles.cache.keys()];
}

/** True when the interaction's member passes the run-time check for `access`. */
export function allowed(i: BaseInteraction, ctx: BotContext, access: Access): boolean {
  if (access === 'everyone') return true;
  if (!i.inGuild()) return false;
  return hasAccess(access, i.memberPermissions?.bitfield ?? null, memberRoleIds(i.member), ctx.roles);
}

/**
 * Checks again at run time (Discord's `default_member_permissions` can be changed by server admins)
 * that the member may run the command; throws a user-safe refusal naming what is needed.
 */
export function requireAccess(i: BaseInteraction, ctx: BotContext, access: Exclude<Access, 'everyone'>, command: string): void {
  if (!i.inGuild()) throw new UserError('GUILD_ONLY', { command });
  // With a home guild configured, moderation and corpus changes come from it alone: anyone can be
  // Administrator of some other server the bot was added to.
  const home = ctx.config.DISCORD_GUILD_ID;
  if (home && i.guildId !== home) throw new UserError('WRONG_GUILD', { command });
  if (!allowed(i, ctx, access)) {
    throw new UserError('PERMISSION_DENIED', { need: requirement(access, ctx.roles), command });
  }
}

/** Throws when questions are not allowed in the interaction's channel. */
export function requireAskChannel(i: BaseInteraction, ctx: BotContext): void {
  const ch = i.channel;
  const parent = ch && 'parentId' in ch && ch.isThread() ? ch.parentId : null;
  if (!channelAllowed(ctx.config.ALLOWED_CHANNEL_IDS, i.channelId, parent, i.inGuild())) {
    throw new UserError('CHANNEL_NOT_ALLOWED');
  }
}

/** Spends a question token for the user and channel, or throws "try again in N s". */
export function requireRate(ctx: BotContext, userId: string, channelId: string | null): void {
  const d = ctx.limiter.take(userId, channelId);
  if (!d.ok) throw new UserError('RATE_LIMITED', { seconds: Math.max(1, Math.ceil(d.retryAfterMs / 1000)) });
}
