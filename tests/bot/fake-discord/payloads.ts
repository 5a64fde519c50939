import { snowflake } from './ids.js';

/** A user as the API sends it. */
export interface ApiUser {
  id: string;
  username: string;
  discriminator?: string;
  global_name?: string | null;
  avatar?: string | null;
  bot?: boolean;
}

/** A message as the API sends it (the fields discord.js reads). */
export interface ApiMessage {
  id: string;
  channel_id: string;
  guild_id?: string;
  author: ApiUser;
  content: string;
  embeds: any[];
  components: any[];
  attachments: any[];
  mentions: any[];
  mention_roles: string[];
  mention_everyone: boolean;
  timestamp: string;
  edited_timestamp: string | null;
  tts: boolean;
  pinned: boolean;
  type: number;
  flags: number;
  webhook_id?: string;
  message_reference?: { type?: number; message_id: string; channel_id: string; guild_id?: string };
  referenced_message?: ApiMessage | null;
  member?: any;
}

/** The server the fake bot is in. */
export interface GuildSetup {
  id: string;
  name: string;
  /** Text channels (type 0) unless a type is given (15 for a forum). */
  channels: { id: string; name: string; type?: number }[];
  roles: { id: string; name: string; permissions?: string; botId?: string }[];
  members: { user: ApiUser; roles: string[] }[];
}

/** A user with the raw form and a short name. */
export function user(id: string, username: string, bot = false): ApiUser {
  return { id, username, discriminator: '0', global_name: null, avatar: null, ...(bot ? { bot: true } : {}) };
}

/** Fills a message object with defaults. */
export function messageObject(p: Partial<ApiMessage> & { channel_id: string; author: ApiUser }): ApiMessage {
  const { message_reference: ref, ...rest } = p as any;
  const msg: ApiMessage = {
    id: snowflake(),
    content: '',
    embeds: [],
    components: [],
    attachments: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    pinned: false,
    type: ref ? 19 : 0,
    flags: 0,
    ...rest,
  };
  for (const k of ['content', 'embeds', 'components'] as const) if ((msg as any)[k] == null) (msg as any)[k] = k === 'content' ? '' : [];
  if (ref) msg.message_reference = { type: 0, message_id: ref.message_id, channel_id: ref.channel_id ?? p.channel_id, ...(p.guild_id ? { guild_id: p.guild_id } : {}) };
  delete (msg as any).allowed_mentions;
  delete (msg as any).nonce;
  delete (msg as any).enforce_nonce;
  return msg;
}

/** The READY dispatch. */
export function readyPayload(o: { bot: ApiUser; appId: string; guilds: GuildSetup[] }, sessionId: string, resumeUrl: string, shard: [number, number] = [0, 1]): unknown {
  return {
    v: 10,
    user: { ...o.bot, bot: true, verified: true, flags: 0, mfa_enabled: false },
    guilds: o.guilds.map((g) => ({ id: g.id, unavailable: true })),
    session_id: sessionId,
    session_type: 'normal',
    resume_gateway_url: resumeUrl,
    shard,
    application: { id: o.appId, flags: 0 },
    private_channels: [],
    relationships: [],
    presences: [],
    geo_ordered_rtc_regions: [],
    guild_join_requests: [],
    user_settings: {},
  };
}

/** A thread channel object (type 11, public) under `parentId`. */
export function threadChannel(p: { id: string; guildId: string; parentId: string; name: string; ownerId: string }): any {
  return {
    id: p.id, type: 11, guild_id: p.guildId, parent_id: p.parentId, name: p.name, owner_id: p.ownerId, last_message_id: null,
    rate_limit_per_user: 0, message_count: 0, member_count: 1, flags: 0, total_message_sent: 0,
    thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: new Date().toISOString(), locked: false },
  };
}

/** A guild member object. */
export const member = (u: ApiUser, roles: string[]) => ({
  user: u,
  roles,
  joined_at: '2024-01-01T00:00:00.000Z',
  deaf: false,
  mute: false,
  flags: 0,
  pending: false,
  nick: null,
  avatar: null,
  premium_since: null,
  communication_disabled_until: null,
});

/** The GUILD_CREATE dispatch: channels, roles (with @everyone) and members. */
export function guildCreate(o: { bot: ApiUser; guild: GuildSetup }, activeThreads: unknown[] = []): unknown {
  const g = o.guild;
  return {
    id: g.id,
    name: g.name,
    icon: null,
    owner_id: g.members[0]?.user.id ?? o.bot.id,
    unavailable: false,
    large: false,
    member_count: g.members.length + 1,
    joined_at: '2024-01-01T00:00:00.000Z',
    features: [],
    emojis: [],
    stickers: [],
    voice_states: [],
    presences: [],
    threads: activeThreads,
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    premium_tier: 0,
    preferred_locale: 'en-US',
    system_channel_flags: 0,
    verification_level: 0,
    explicit_content_filter: 0,
    default_message_notifications: 0,
    mfa_level: 0,
    nsfw_level: 0,
    channels: g.channels.map((c, i) => ({ id: c.id, type: c.type ?? 0, name: c.name, guild_id: g.id, position: i, permission_overwrites: [], nsfw: false, parent_id: null, topic: null, last_message_id: null, rate_limit_per_user: 0 })),
    roles: [
      { id: g.id, name: '@everyone', permissions: '1024', position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 },
      ...g.roles.map((r, i) => ({
        id: r.id,
        name: r.name,
        permissions: r.permissions ?? '0',
        position: i + 1,
        color: 0,
        hoist: false,
        managed: r.botId !== undefined,
        mentionable: true,
        flags: 0,
        ...(r.botId ? { tags: { bot_id: r.botId } } : {}),
      })),
    ],
    members: [member(o.bot, []), ...g.members.map((m) => member(m.user, m.roles))],
  };
}
