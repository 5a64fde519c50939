import { PermissionFlagsBits } from 'discord.js';

/** Who may run a command. */
export type Access = 'everyone' | 'moderator' | 'maintainer';

/** The configured role ids (MODERATOR_ROLE_IDS, MAINTAINER_ROLE_IDS). */
export interface RoleConfig {
  moderatorRoleIds: readonly string[];
  maintainerRoleIds: readonly string[];
}

const PERMISSION: Record<Exclude<Access, 'everyone'>, { bit: bigint; name: string }> = {
  moderator: { bit: PermissionFlagsBits.ManageMessages, name: 'Manage Messages' },
  maintainer: { bit: PermissionFlagsBits.ManageGuild, name: 'Manage Server' },
};

/** The permission bit a level needs by default (for `default_member_permissions`). */
export function defaultPermission(access: Exclude<Access, 'everyone'>): string {
  return PERMISSION[access].bit.toString();
}

function rolesFor(access: Exclude<Access, 'everyone'>, cfg: RoleConfig): readonly string[] {
  return access === 'moderator' ? cfg.moderatorRoleIds : cfg.maintainerRoleIds;
}

/**
 * Whether a member may use a command of the given level: the level's permission (Manage Messages for
 * moderators, Manage Server for maintainers), Administrator, or one of the configured roles.
 * `permissions` is the member's permission bitfield in the channel (null outside a server: refused).
 */
export function hasAccess(access: Access, permissions: bigint | null, roleIds: readonly string[], cfg: RoleConfig): boolean {
  if (access === 'everyone') return true;
  if (permissions === null) return false;
  const { bit } = PERMISSION[access];
  if ((permissions & PermissionFlagsBits.Administrator) !== 0n) return true;
  if ((permissions & bit) === bit) return true;
  const allowed = rolesFor(access, cfg);
  return roleIds.some((r) => allowed.includes(r));
}

/** Words for what is needed, e.g. "the Manage Messages permission or the role <@&123>". */
export function requirement(access: Exclude<Access, 'everyone'>, cfg: RoleConfig): string {
  const roles = rolesFor(access, cfg);
  const perm = `the ${PERMISSION[access].name} permission`;
  if (roles.length === 0) return perm;
  const list = roles.map((r) => `<@&${r}>`);
  const tail = list.length === 1 ? `the role ${list[0]}` : `one of the roles ${list.join(', ')}`;
  return `${perm} or ${tail}`;
}

/**
 * Whether the bot may answer questions in a channel: every channel when ALLOWED_CHANNEL_IDS is empty;
 * otherwise the listed channels and threads under them. Direct messages are always allowed.
 */
export function channelAllowed(allowed: readonly string[], channelId: string | null, parentId: string | null, inGuild: boolean): boolean {
  if (!inGuild || allowed.length === 0) return true;
  return (channelId !== null && allowed.includes(channelId)) || (parentId !== null && allowed.includes(parentId));
}
