import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInternals } from '../../app/create-app.js';
import { createApp } from '../../app/create-app.js';
import { storeFingerprint } from '../../bench/reliability/fingerprint.js';
import { buttonClick, slash, userMessage } from '../bot/fake-discord/events.js';
import type { ApiMessage } from '../bot/fake-discord/payloads.js';
import { IDS, TOKEN, botUser, people, startHarness, type Harness } from '../bot/harness.js';
import { injectionProblems } from './discord-checks.js';

// Abuse through the real app and the fake Discord (tests/bot/ covers the same with a fake app): hostile
// documents and questions, members without the role, an interaction from another guild, and secrets.
const MANAGE_GUILD = (1n << 5n).toString();
const ADMINISTRATOR = (1n << 3n).toString();
const OTHER_GUILD = '999999999999999999';
const HOSTILE = `---
title: "@everyone [Official notice](https://evil.example/phish) **read**"
publisher: "<@&${IDS.modRole}> News"
published: 2026-01-04
---
The Freedonian ministry said @everyone must read [the real statement](https://evil.example/phish) at once.
The Freedonian ministry said <@&${IDS.modRole}>, <@${people.alice.id}> and @here were informed, and **nothing** is ||hidden||.
> The Freedonian ministry denied that the embassy had been closed, calling the report \`fabricated\`.`;

let h: Harness & { app: AppInternals };
let docId = '';

beforeAll(async () => {
  h = (await startHarness((config) => createApp(config, { bundled: false }), {
    env: { MAINTAINER_ROLE_IDS: IDS.maintainerRole, MODERATOR_ROLE_IDS: IDS.modRole },
  })) as Harness & { app: AppInternals };
  const { token } = h.fake.interact(slash(h.member(people.maintainer, { permissions: MANAGE_GUILD }), 'corpus',
    [{ type: 1, name: 'add', options: [{ type: 3, name: 'text', value: HOSTILE }] }]));
  const added = await h.fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(token), 20_000);
  expect(added.body.embeds?.[0]?.title, JSON.stringify(added.body)).toBe('Document added');
  docId = (await h.app.listDocuments())[0]!.id;
}, 60_000);
afterAll(async () => {
  await h?.close();
});

async function slashReply(actor: ReturnType<Harness['member']>, name: string, options: any[] = []) {
  const { id, token } = h.fake.interact(slash(actor, name, options));
  const res = await h.fake.waitForRequest((r) => r.path === `/api/v10/interactions/${id}/${token}/callback`);
  const edit = res.body.type === 5 ? await h.fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(token), 20_000) : undefined;
  return { res, edit, token };
}

describe('hostile text in documents and questions', () => {
  it('GIVEN a document full of mentions, links and markdown THEN answers to a mention and to /ask ping nobody and link nothing', async () => {
    const msg = userMessage({ author: people.alice, channelId: IDS.general, guildId: IDS.guild, mentions: [botUser],
      content: `<@${IDS.bot}> @everyone <@&${IDS.modRole}> What did the Freedonian ministry say? [x](https://evil.example)` });
    h.fake.dispatch('MESSAGE_CREATE', msg);
    const reply = await h.fake.waitForRequest((r) => r.body?.message_reference?.message_id === msg.id, 20_000);
    expect(reply.body.embeds[0].description).toMatch(/\[\d+\]/);
    expect(injectionProblems(reply.body), JSON.stringify(reply.body)).toEqual([]);
    const { edit } = await slashReply(h.member(), 'ask', [{ type: 3, name: 'question', value: '@here what did the Freedonian ministry say about the embassy?' }]);
    expect(injectionProblems(edit!.body)).toEqual([]);
  });

  it('GIVEN the "Sources" button under such an answer THEN the exact quotes come back escaped', async () => {
    const { token } = await slashReply(h.member(), 'ask', [{ type: 3, name: 'question', value: 'What did the Freedonian ministry say?' }]);
    const m = h.fake.originalMessage(token) as ApiMessage;
    const sources = m.components.flatMap((row: any) => row.components).find((b: any) => b.label === 'Sources');
    const { id, token: t2 } = h.fake.interact(buttonClick(h.member(), m, sources.custom_id));
    const res = await h.fake.waitForRequest((r) => r.path === `/api/v10/interactions/${id}/${t2}/callback`);
    expect(res.body.data.flags & 64).toBe(64);
    expect(res.body.data.embeds[0].description).toContain('Freedonian ministry');
    expect(injectionProblems(res.body)).toEqual([]);
  });

  it('every message the bot sent in this file is free of live mentions and masked links', () => {
    const bodies = h.fake.messageBodies();
    expect(bodies.length).toBeGreaterThan(3);
    for (const r of bodies) expect(injectionProblems(r.body), `${r.method} ${r.path}`).toEqual([]);
  });
});

describe('commands beyond a member\'s role', () => {
  const privileged: [string, any[]][] = [
    ['corpus', [{ type: 1, name: 'add', options: [{ type: 3, name: 'text', value: 'Sylvania closed its border.' }] }]],
    ['corpus', [{ type: 1, name: 'remove', options: [{ type: 3, name: 'id', value: 'placeholder' }] }]],
    ['corpus', [{ type: 1, name: 'reindex' }]],
    ['corpus', [{ type: 1, name: 'list' }]],
    ['stats', []],
    ['claims', []],
    ['feedback', []],
    ['review', [{ type: 3, name: 'claim', value: 'c1' }, { type: 3, name: 'status', value: 'verified' }, { type: 3, name: 'note', value: 'trust me' }]],
  ];

  it.each(privileged.map(([n, o]) => [`/${n} ${o[0]?.name ?? ''}`.trim(), n, o] as const))(
    'GIVEN a member without the permission or role THEN %s is refused privately and the store is unchanged', async (_, name, options) => {
      const before = (await storeFingerprint(h.app.deps.storage));
      const opts = JSON.parse(JSON.stringify(options).replace('placeholder', docId));
      const { res } = await slashReply(h.member(people.alice, { roles: [IDS.botRole] }), name, opts);
      expect(res.body.type).toBe(4);
      expect(res.body.data.flags & 64).toBe(64);
      expect(res.body.data.content).toMatch(/^You need the (Manage Server|Manage Messages) permission or the role/);
      expect((await storeFingerprint(h.app.deps.storage))).toEqual(before);
    },
  );

  it('GIVEN an interaction from another guild, Administrator there and the maintainer role id THEN it cannot remove a document', async () => {
    const before = (await storeFingerprint(h.app.deps.storage));
    const forged = h.member(people.alice, { guildId: OTHER_GUILD, permissions: ADMINISTRATOR, roles: [IDS.maintainerRole] });
    const { res } = await slashReply(forged, 'corpus', [{ type: 1, name: 'remove', options: [{ type: 3, name: 'id', value: docId }] }]);
    // Found by this test, fixed in f3abfd1: with DISCORD_GUILD_ID set the bot obeyed privileged commands
    // from any other guild, where anyone can be Administrator.
    expect((await h.app.deps.storage.documents.getDocument(docId))).toBeDefined();
    expect((await storeFingerprint(h.app.deps.storage))).toEqual(before);
    expect(res.body.type).toBe(4);
    expect(res.body.data.flags & 64).toBe(64);
  });
});

describe('secrets', () => {
  it('GIVEN everything above THEN the token is in no log line and in no body sent to Discord', () => {
    expect(h.logs.filter((l) => l.includes(TOKEN))).toEqual([]);
    expect(h.fake.requests.filter((r) => JSON.stringify(r.body ?? '').includes(TOKEN)).map((r) => r.path)).toEqual([]);
    expect(h.logs.length).toBeGreaterThan(0);
  });
});
