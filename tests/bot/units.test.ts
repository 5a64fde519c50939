import { describe, expect, it } from 'vitest';
import { PermissionFlagsBits } from 'discord.js';
import { loadConfig } from '../../app/config.js';
import { Lru } from '../../bot/lru.js';
import { createLogger, redact } from '../../bot/log.js';
import { AnswerMemory } from '../../bot/memory.js';
import { channelAllowed, hasAccess, requirement } from '../../bot/permissions.js';
import { RateLimiter } from '../../bot/rate-limit.js';
import { registerCommands } from '../../bot/register.js';
import { commands } from '../../bot/commands/index.js';
import { answerId, parseAnswerId } from '../../bot/render/custom-id.js';
import { fitsDiscordLimits, limitViolations } from '../../bot/render/limits.js';
import { sampleAnswer } from './fake-app.js';

const roles = { moderatorRoleIds: ['11111'], maintainerRoleIds: ['22222'] };

describe('permissions', () => {
  it('moderators: Manage Messages, Administrator or a moderator role', () => {
    expect(hasAccess('moderator', PermissionFlagsBits.ManageMessages, [], roles)).toBe(true);
    expect(hasAccess('moderator', PermissionFlagsBits.Administrator, [], roles)).toBe(true);
    expect(hasAccess('moderator', 0n, ['11111'], roles)).toBe(true);
    expect(hasAccess('moderator', PermissionFlagsBits.ManageGuild, ['22222'], roles)).toBe(false);
    expect(hasAccess('moderator', null, ['11111'], roles)).toBe(false);
  });

  it('maintainers: Manage Server, Administrator or a maintainer role', () => {
    expect(hasAccess('maintainer', PermissionFlagsBits.ManageGuild, [], roles)).toBe(true);
    expect(hasAccess('maintainer', 0n, ['22222'], roles)).toBe(true);
    expect(hasAccess('maintainer', PermissionFlagsBits.ManageMessages, ['11111'], roles)).toBe(false);
    expect(hasAccess('everyone', null, [], roles)).toBe(true);
  });

  it('says what is needed', () => {
    expect(requirement('moderator', roles)).toBe('the Manage Messages permission or the role <@&11111>');
    expect(requirement('maintainer', { moderatorRoleIds: [], maintainerRoleIds: [] })).toBe('the Manage Server permission');
    expect(requirement('maintainer', { moderatorRoleIds: [], maintainerRoleIds: ['1', '2'] })).toContain('one of the roles <@&1>, <@&2>');
  });

  it('channels: all when none configured, listed ones and their threads, always DMs', () => {
    expect(channelAllowed([], 'a', null, true)).toBe(true);
    expect(channelAllowed(['a'], 'a', null, true)).toBe(true);
    expect(channelAllowed(['a'], 't', 'a', true)).toBe(true);
    expect(channelAllowed(['a'], 'b', null, true)).toBe(false);
    expect(channelAllowed(['a'], 'dm', null, false)).toBe(true);
  });
});

describe('RateLimiter', () => {
  it('allows a burst, then refuses with the time to wait, then refills', () => {
    let now = 0;
    const rl = new RateLimiter({ user: { capacity: 2, refillMs: 10_000 }, channel: { capacity: 100, refillMs: 1 } }, () => now);
    expect(rl.take('u', 'c').ok).toBe(true);
    expect(rl.take('u', 'c').ok).toBe(true);
    expect(rl.take('u', 'c')).toEqual({ ok: false, retryAfterMs: 10_000, scope: 'user' });
    now = 4_000;
    expect(rl.take('u', 'c')).toEqual({ ok: false, retryAfterMs: 6_000, scope: 'user' });
    expect(rl.take('someone else', 'c').ok).toBe(true);
    now = 10_000;
    expect(rl.take('u', 'c').ok).toBe(true);
  });

  it('limits a channel across users, without charging the user when the channel refuses', () => {
    let now = 0;
    const rl = new RateLimiter({ user: { capacity: 1, refillMs: 1000 }, channel: { capacity: 2, refillMs: 5000 } }, () => now);
    expect(rl.take('a', 'c').ok).toBe(true);
    expect(rl.take('b', 'c').ok).toBe(true);
    expect(rl.take('x', 'c')).toMatchObject({ ok: false, scope: 'channel' });
    expect(rl.take('x', 'other').ok).toBe(true); // x was not charged by the refusal
    expect(rl.take('y', null).ok).toBe(true); // DMs: no channel bucket
  });

  it('keeps memory bounded', () => {
    const rl = new RateLimiter({ user: { capacity: 1, refillMs: 1 }, channel: { capacity: 1, refillMs: 1 }, maxKeys: 10 }, () => 0);
    for (let i = 0; i < 100; i += 1) rl.take(`u${i}`, null);
    expect(rl.size).toBe(10);
  });
});

describe('memory', () => {
  it('LRU evicts the least recently used', () => {
    const l = new Lru<string, number>(2);
    l.set('a', 1);
    l.set('b', 2);
    l.get('a');
    l.set('c', 3);
    expect([l.has('a'), l.has('b'), l.has('c')]).toEqual([true, false, true]);
  });

  it('remembers answers by key and questions by message id', () => {
    const m = new AnswerMemory(2);
    const a = sampleAnswer('q1');
    const key = m.store(a);
    m.rememberMessage('m1', 'q1', key);
    expect(m.lookupMessage('m1')).toEqual({ question: 'q1', answer: a });
    expect(m.lookupMessage('nope')).toBeUndefined();
    expect(m.firstVote('u:m1')).toBe(true);
    expect(m.firstVote('u:m1')).toBe(false);
  });

  it('custom ids round-trip and reject foreign ids', () => {
    expect(parseAnswerId(answerId('more', 'abc_-1', 1234))).toEqual({ action: 'more', key: 'abc_-1', n: 1234 });
    expect(parseAnswerId('ans:rm:abc')).toBeNull();
    expect(parseAnswerId('other:thing')).toBeNull();
  });
});

describe('fitsDiscordLimits', () => {
  const ok = { embeds: [{ title: 't', description: 'd' }] };
  it('accepts a small message and names each broken limit', () => {
    expect(fitsDiscordLimits(ok)).toBe(true);
    expect(limitViolations({ content: 'x'.repeat(2001) })).toEqual(['content has 2001 characters (max 2000)']);
    expect(fitsDiscordLimits({ embeds: [{ title: 'x'.repeat(257) }] })).toBe(false);
    expect(fitsDiscordLimits({ embeds: [{ description: 'x'.repeat(4097) }] })).toBe(false);
    expect(fitsDiscordLimits({ embeds: [{ fields: Array.from({ length: 26 }, () => ({ name: 'n', value: 'v' })) }] })).toBe(false);
    expect(fitsDiscordLimits({ embeds: [{ fields: [{ name: 'n', value: 'v'.repeat(1025) }] }] })).toBe(false);
    expect(fitsDiscordLimits({ embeds: [{ fields: [{ name: 'n', value: ' ' }] }] })).toBe(false);
    expect(fitsDiscordLimits({ embeds: [{ footer: { text: 'x'.repeat(2049) } }] })).toBe(false);
    expect(fitsDiscordLimits({ embeds: [{ description: 'x'.repeat(4000) }, { description: 'x'.repeat(2001) }] })).toBe(false);
    expect(fitsDiscordLimits({ embeds: Array.from({ length: 11 }, () => ({ title: 't' })) })).toBe(false);
    expect(fitsDiscordLimits({ components: [{ type: 1, components: Array.from({ length: 6 }, (_, i) => ({ type: 2, custom_id: `b${i}` })) }] })).toBe(false);
    expect(fitsDiscordLimits({ components: [{ type: 1, components: [{ type: 2, custom_id: 'x'.repeat(101) }] }] })).toBe(false);
    expect(fitsDiscordLimits({})).toBe(false);
  });
});

describe('logger', () => {
  it('writes JSON lines and redacts secrets and interaction tokens', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'info', secrets: ['SECRET-TOKEN-123'], write: (l) => lines.push(l), now: () => new Date(0) });
    log.debug('hidden');
    log.error('failed with SECRET-TOKEN-123', { url: '/interactions/123/aW50ZXJhY3Rpb24abcdefghijklmnopqrstuvwxyz/callback' });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toEqual({ time: '1970-01-01T00:00:00.000Z', level: 'error', msg: 'failed with [redacted]', url: '/interactions/123/[redacted]/callback' });
    expect(redact('/webhooks/1/abcdefghijklmnopqrstuvwxyz0123/messages', [])).toBe('/webhooks/1/[redacted]/messages');
  });
});

describe('registerCommands', () => {
  it('uses the guild route when DISCORD_GUILD_ID is set, else the global one', async () => {
    const puts: string[] = [];
    const rest = { put: async (route: string) => void puts.push(route) } as unknown as Parameters<typeof registerCommands>[0];
    const base = { DISCORD_TOKEN: 't', DISCORD_APPLICATION_ID: '123456789012' };
    expect(await registerCommands(rest, loadConfig({ env: base, envFile: null }))).toEqual({ scope: 'global', count: commands.length });
    expect(await registerCommands(rest, loadConfig({ env: { ...base, DISCORD_GUILD_ID: '987654321098' }, envFile: null }))).toEqual({ scope: 'guild', count: commands.length });
    expect(puts).toEqual(['/applications/123456789012/commands', '/applications/123456789012/guilds/987654321098/commands']);
  });
});
