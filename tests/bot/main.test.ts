import { describe, expect, it, vi } from 'vitest';
import { loadConfig, type Config } from '../../app/config.js';
import type { RunningBot } from '../../bot/client.js';
import { main, missingLine, shardsFlag } from '../../bot/main.js';
import type { RunningShards } from '../../bot/shards.js';
import { FakeApp } from './fake-app.js';

const cfg = (env: Record<string, string>): Config => loadConfig({ env: { LOG_LEVEL: 'silent', ...env }, envFile: null });

describe('bot entry point', () => {
  it('prints one line naming what is missing and pointing to npm run ask, then exits 1', async () => {
    const said: string[] = [];
    const exit = vi.fn();
    const createApp = vi.fn();
    await main({ loadConfig: () => cfg({ DISCORD_APPLICATION_ID: '123456789012' }), say: (l) => said.push(l), exit, createApp, onSignal: () => {}, onUnhandled: () => {} });
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^DISCORD_TOKEN is not set: .*npm run ask/);
    expect(said[0]).not.toContain('\n');
    expect(exit).toHaveBeenCalledWith(1);
    expect(createApp).not.toHaveBeenCalled();
    expect(missingLine(cfg({}))).toMatch(/^DISCORD_TOKEN and DISCORD_APPLICATION_ID are not set/);
  });

  it('starts the app and the bot, and on SIGTERM stops the bot, closes the app and exits 0', async () => {
    const handlers = new Map<string, () => void>();
    const config = cfg({ DISCORD_TOKEN: 'tok', DISCORD_APPLICATION_ID: '123456789012' });
    const app = new FakeApp(config);
    const stop = vi.fn(async () => {});
    const exited = new Promise<number>((resolve) => {
      void main({
        loadConfig: () => config,
        createApp: async () => app,
        startBot: async () => ({ stop, messageContent: true }) as unknown as RunningBot,
        say: () => {},
        exit: (code) => resolve(code),
        onSignal: (s, h) => handlers.set(s, h),
        onUnhandled: () => {},
      }).then(() => handlers.get('SIGTERM')!());
    });
    expect(await exited).toBe(0);
    expect(stop).toHaveBeenCalledOnce();
    expect(app.closed).toBe(1);
    expect([...handlers.keys()].sort()).toEqual(['SIGINT', 'SIGTERM']);
  });

  it('a start-up failure prints one line, closes the app and exits 1', async () => {
    const said: string[] = [];
    const config = cfg({ DISCORD_TOKEN: 'tok', DISCORD_APPLICATION_ID: '123456789012' });
    const app = new FakeApp(config);
    const exit = vi.fn();
    await main({
      loadConfig: () => config,
      createApp: async () => app,
      startBot: async () => {
        throw new Error('An invalid token was provided.');
      },
      say: (l) => said.push(l),
      exit,
      onSignal: () => {},
      onUnhandled: () => {},
    });
    expect(said).toEqual(['Could not start the bot: An invalid token was provided. Check DISCORD_TOKEN (Developer Portal → Bot → Reset Token).']);
    expect(app.closed).toBe(1);
    expect(exit).toHaveBeenCalledWith(1);
  });

  it('GIVEN --shards THEN the manager starts the shards, opens no app itself, and on SIGTERM stops them and exits 0', async () => {
    expect(shardsFlag(['--shards', 'auto'])).toEqual({ SHARDS: 'auto' });
    expect(shardsFlag(['--shards=4'])).toEqual({ SHARDS: '4' });
    expect(shardsFlag([])).toEqual({});
    expect(() => cfg(shardsFlag(['--shards']) as Record<string, string>)).toThrow(/SHARDS must be auto or a number/);
    const handlers = new Map<string, () => void>();
    const config = loadConfig({ env: { LOG_LEVEL: 'silent', DISCORD_TOKEN: 'tok', DISCORD_APPLICATION_ID: '123456789012' }, envFile: null, overrides: shardsFlag(['--shards', '2']) });
    const stop = vi.fn();
    const createApp = vi.fn();
    const startBot = vi.fn();
    const started: Config[] = [];
    const exited = new Promise<number>((resolve) => {
      void main({
        loadConfig: () => config,
        createApp,
        startBot,
        startShards: async (c) => (started.push(c), { stop, count: 2 } as unknown as RunningShards),
        say: () => {},
        exit: (code) => resolve(code),
        onSignal: (s, h) => handlers.set(s, h),
        onUnhandled: () => {},
      }).then(() => handlers.get('SIGTERM')!());
    });
    expect(await exited).toBe(0);
    expect(started.map((c) => c.sharding)).toEqual([{ role: 'manager', shards: 2 }]);
    expect(createApp).not.toHaveBeenCalled();
    expect(startBot).not.toHaveBeenCalled();
    expect(stop).toHaveBeenCalledOnce();
  });
});
