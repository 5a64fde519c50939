import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { App } from '../../app/app.js';
import { loadConfig, type Config } from '../../app/config.js';
import { startBot, type RunningBot, type StartOptions } from '../../bot/client.js';
import { createLogger } from '../../bot/log.js';
import { FakeDiscord } from './fake-discord/server.js';
import type { Actor } from './fake-discord/events.js';
import { user, type ApiUser } from './fake-discord/payloads.js';

export const IDS = {
  app: '111111111111111111',
  bot: '222222222222222222',
  guild: '333333333333333333',
  general: '444444444444444444',
  quiet: '444444444444444445',
  modRole: '555555555555555555',
  maintainerRole: '555555555555555556',
  botRole: '555555555555555557',
  forum: '444444444444444446',
};
export const TOKEN = 'MTExMTExMTExMTExMTExMTEx.fake.token-for-tests-only';

export const people = {
  alice: user('666666666666666661', 'alice'),
  mod: user('666666666666666662', 'mo'),
  maintainer: user('666666666666666663', 'mae'),
  otherBot: user('666666666666666664', 'otherbot', true),
};
export const botUser: ApiUser = user(IDS.bot, 'Diplomacy Desk', true);

/** A running fake Discord plus the real discord.js bot connected to it. */
export interface Harness {
  fake: FakeDiscord;
  bot: RunningBot;
  config: Config;
  logs: string[];
  dataDir: string;
  /** An actor in #general with no special permission. */
  member(u?: ApiUser, extra?: Partial<Actor>): Actor;
  close(): Promise<void>;
}

/** Starts the fake Discord and the bot; `makeApp` receives the config (with a temp DATA_DIR). */
export async function startHarness(
  makeApp: (config: Config) => Promise<App> | App,
  opts: { env?: Record<string, string>; start?: StartOptions; refuseIntents?: number } = {},
): Promise<Harness & { app: App }> {
  const fake = await FakeDiscord.start({
    token: TOKEN,
    appId: IDS.app,
    bot: botUser,
    refuseIntents: opts.refuseIntents,
    guild: {
      id: IDS.guild,
      name: 'Diplomacy',
      channels: [
        { id: IDS.general, name: 'general' },
        { id: IDS.quiet, name: 'quiet' },
        { id: IDS.forum, name: 'questions', type: 15 },
      ],
      roles: [
        { id: IDS.modRole, name: 'Moderator' },
        { id: IDS.maintainerRole, name: 'Maintainer' },
        { id: IDS.botRole, name: 'Diplomacy Desk', botId: IDS.bot },
      ],
      members: Object.values(people).map((u) => ({ user: u, roles: [] })),
    },
  });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bot-e2e-'));
  const config = loadConfig({
    envFile: null,
    env: {
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: IDS.app,
      DISCORD_GUILD_ID: IDS.guild,
      DISCORD_API_URL: fake.apiUrl,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'debug',
      ...opts.env,
    },
  });
  const logs: string[] = [];
  const log = createLogger({ level: 'debug', secrets: [TOKEN], write: (l) => logs.push(l) });
  const app = await makeApp(config);
  const generous = { user: { capacity: 1000, refillMs: 1 }, channel: { capacity: 1000, refillMs: 1 } };
  const bot = await startBot(app, config, { log, rateLimits: generous, ...opts.start });
  return {
    fake,
    bot,
    app,
    config,
    logs,
    dataDir,
    member: (u = people.alice, extra = {}) => ({ user: u, channelId: IDS.general, guildId: IDS.guild, permissions: '1024', ...extra }),
    close: async () => {
      await bot.stop();
      await app.close();
      await fake.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
