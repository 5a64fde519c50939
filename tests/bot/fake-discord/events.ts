import { snowflake } from './ids.js';
import { member, messageObject, type ApiMessage, type ApiUser } from './payloads.js';

/** Options common to the interaction builders. */
export interface Actor {
  user: ApiUser;
  /** Permission bits as a decimal string (Discord's `member.permissions`). */
  permissions?: string;
  roles?: string[];
  channelId: string;
  guildId?: string;
  /** A direct message instead of a server channel. */
  dm?: boolean;
  /** The member's Discord locale (default en-US) and the server's (default en-US). */
  locale?: string;
  guildLocale?: string;
}

function base(a: Actor, type: number): Record<string, unknown> {
  const common = {
    type,
    version: 1,
    locale: a.locale ?? 'en-US',
    entitlements: [],
    authorizing_integration_owners: a.dm ? { '1': a.user.id } : { '0': a.guildId },
    app_permissions: '2248473465835073',
    attachment_size_limit: 26_214_400,
  };
  if (a.dm) {
    return { ...common, user: a.user, channel: { id: a.channelId, type: 1, recipients: [a.user] }, channel_id: a.channelId, context: 1 };
  }
  return {
    ...common,
    guild_id: a.guildId,
    guild_locale: a.guildLocale ?? 'en-US',
    guild: { id: a.guildId, locale: a.guildLocale ?? 'en-US', features: [] },
    channel: { id: a.channelId, type: 0, guild_id: a.guildId, name: 'general', permissions: a.permissions ?? '0' },
    channel_id: a.channelId,
    member: { ...member(a.user, a.roles ?? []), permissions: a.permissions ?? '0' },
    context: 0,
  };
}

/** A chat-input (slash) command interaction. */
export function slash(a: Actor, name: string, options: any[] = [], resolved?: any): any {
  return { ...base(a, 2), data: { id: snowflake(), name, type: 1, options, ...(resolved ? { resolved } : {}), ...(a.guildId ? { guild_id: a.guildId } : {}) } };
}

/** A button click on a message. */
export function buttonClick(a: Actor, message: ApiMessage, customId: string): any {
  return { ...base(a, 3), message, data: { custom_id: customId, component_type: 2 } };
}

/** A modal submission with text inputs. */
export function modalSubmit(a: Actor, customId: string, values: Record<string, string>, message?: ApiMessage): any {
  return {
    ...base(a, 5),
    ...(message ? { message } : {}),
    data: {
      custom_id: customId,
      components: Object.entries(values).map(([id, value]) => ({ type: 1, components: [{ type: 4, custom_id: id, value }] })),
    },
  };
}

/** A MESSAGE_CREATE payload from a user. */
export function userMessage(p: { author: ApiUser; channelId: string; guildId?: string; content: string; mentions?: ApiUser[]; mentionRoles?: string[]; reference?: ApiMessage | { id: string }; includeReferenced?: boolean }): ApiMessage {
  const ref = p.reference;
  const msg = messageObject({
    channel_id: p.channelId,
    author: p.author,
    content: p.content,
    mentions: (p.mentions ?? []).map((u) => ({ ...u })),
    mention_roles: p.mentionRoles ?? [],
    channel_type: p.guildId ? 0 : 1,
    ...(p.guildId ? { guild_id: p.guildId, member: { roles: [], joined_at: '2024-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0 } } : {}),
    ...(ref ? { message_reference: { message_id: ref.id, channel_id: p.channelId } } : {}),
  } as any);
  if (ref && p.includeReferenced !== false && 'author' in ref) msg.referenced_message = ref;
  return msg;
}
