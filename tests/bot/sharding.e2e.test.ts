import { once } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../app/config.js';
import { projectRoot } from '../../core/paths.js';
import { createLogger } from '../../bot/log.js';
import { startShards, type RunningShards } from '../../bot/shards.js';
import { slash } from './fake-discord/events.js';
import { user } from './fake-discord/payloads.js';
import { FakeDiscord, shardOfGuild, type RecordedRequest } from './fake-discord/server.js';
import { IDS, TOKEN, botUser, people } from './harness.js';

// Snowflakes whose timestamp bits ((id >> 22) % 2) put one guild on each of two shards.
const GUILD_0 = ((1_000_000n << 22n) + 7n).toString();
const GUILD_1 = ((1_000_001n << 22n) + 7n).toString();
const CHANNEL_0 = '444444444444444471';
const CHANNEL_1 = '444444444444444472';
const MANAGE_GUILD = (1n << 5n).toString();
const DOC = [
  '---',
  'title: Freedonia and Sylvania sign a fisheries accord',
  'publisher: Fredonia Gazette',
  'published: 2026-02-11',
  '---',
  'Freedonia and Sylvania signed a fisheries accord on 11 February 2026, the Freedonian foreign ministry said.',
  'The accord divides the herring quota of the Gulf of Marx equally between the two fleets.',
].join('\n');

const guild = (id: string, channel: string, name: string) => ({
  id, name, channels: [{ id: channel, name: 'general' }], roles: [], members: [{ user: people.maintainer, roles: [] }, { user: people.alice, roles: [] }],
});

let fake: FakeDiscord;
let shards: RunningShards | undefined;
let dataDir: string;

beforeAll(async () => {
  if (!existsSync(path.join(projectRoot(), 'dist', 'bot', 'main.js'))) throw new Error('run `npm run build` first: the shards run dist/bot/main.js');
  fake = await FakeDiscord.start({
    token: TOKEN, appId: IDS.app, bot: botUser, shards: 2,
    guild: guild(GUILD_0, CHANNEL_0, 'Shard zero'), otherGuilds: [guild(GUILD_1, CHANNEL_1, 'Shard one')],
  });
  dataDir = mkdtempSync(path.join(tmpdir(), 'bot-shards-'));
  const env = { DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: IDS.app, DISCORD_API_URL: fake.apiUrl, DATA_DIR: dataDir, LOG_LEVEL: 'warn', EMBEDDINGS: 'builtin', ANSWER_MODE: 'extractive',
    // Dense retrieval only: the answer can cite the new document only if shard 1's own replica caught up with the store.
    RETRIEVAL_MODE: 'dense' };
  const config = loadConfig({ envFile: null, env: { ...env, SHARDS: 'auto' } });
  const log = createLogger({ level: 'warn', secrets: [TOKEN] });
  shards = await startShards(config, { log, childEnv: env, spawnDelayMs: 0 });
}, 180_000);

afterAll(async () => {
  const children = [...(shards?.manager.shards.values() ?? [])].flatMap((s) => (s.process && s.process.exitCode === null ? [s.process] : []));
  const exited = children.map((c) => once(c, 'exit'));
  shards?.stop();
  await Promise.all(exited);
  await fake?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

const edited = (token: string) => (r: RecordedRequest) => r.method === 'PATCH' && r.path.includes(token) && r.body?.embeds?.length > 0;

describe('two shards in two processes over one store', () => {
  it('GIVEN `auto` THEN the manager starts the count /gateway/bot recommends, each session with its own shard and guild', () => {
    expect(shards?.count).toBe(2);
    expect(fake.sessions.map((s) => s.shard).sort()).toEqual([[0, 2], [1, 2]]);
    expect([shardOfGuild(GUILD_0, 2), shardOfGuild(GUILD_1, 2)]).toEqual([0, 1]);
    const pids = new Set([...shards!.manager.shards.values()].map((s) => s.process?.pid));
    expect(pids.size).toBe(2);
    expect(pids.has(process.pid)).toBe(false);
  });

  it('GIVEN a document pasted with /corpus add in the guild of shard 0 THEN /ask in the guild of shard 1 cites it', async () => {
    const maintainer = { user: people.maintainer, channelId: CHANNEL_0, guildId: GUILD_0, permissions: MANAGE_GUILD };
    const add = fake.interact(slash(maintainer, 'corpus', [{ type: 1, name: 'add', options: [{ type: 3, name: 'text', value: DOC }] }]));
    const added = await fake.waitForRequest(edited(add.token), 60_000);
    expect(added.body.embeds[0].title, JSON.stringify(added.body)).toBe('Document added');

    const member = { user: user('666666666666666699', 'bea'), channelId: CHANNEL_1, guildId: GUILD_1, permissions: '1024' };
    const ask = fake.interact(slash(member, 'ask', [{ type: 3, name: 'question', value: 'How does the fisheries accord divide the herring quota of the Gulf of Marx?' }]));
    const answered = await fake.waitForRequest(edited(ask.token), 60_000);
    const shardOf = (id: string) => fake.dispatches.find((x) => x.t === 'INTERACTION_CREATE' && x.id === id)?.shard;
    expect([shardOf(add.id), shardOf(ask.id)]).toEqual([0, 1]);
    const embed = answered.body.embeds[0];
    expect(embed.description, JSON.stringify(embed)).toMatch(/\[\d+\]/);
    expect(JSON.stringify(embed.fields)).toContain('Freedonia and Sylvania sign a fisheries accord');
  });

  it('GIVEN two shards THEN each keeps its vector index replica in a folder of its own under DATA_DIR/replicas', () => {
    expect(readdirSync(path.join(dataDir, 'replicas')).sort()).toEqual(['shard-0', 'shard-1']);
    for (const s of ['shard-0', 'shard-1']) expect(readdirSync(path.join(dataDir, 'replicas', s))).toContain('index.json');
  });
});
