import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app/create-app.js';
import { fitsDiscordLimits } from '../../bot/render/limits.js';
import { slash, userMessage } from './fake-discord/events.js';
import { IDS, botUser, people, startHarness, type Harness } from './harness.js';

const MANAGE_GUILD = (1n << 5n).toString();
const DOC = `---
title: Freedonia recalls its ambassador from Sylvania
publisher: Fredonia Gazette
published: 2026-01-03
---
Freedonia recalled its ambassador from Sylvania on 3 January 2026, the Freedonian foreign ministry said.
@everyone The ministry said the recall of the ambassador followed a dispute over fishing rights in the Gulf of Marx.
Sylvania called the recall of the Freedonian ambassador an overreaction.
`;

let h: Harness;

beforeAll(async () => {
  h = await startHarness((config) => createApp(config));
}, 60_000);
afterAll(async () => {
  await h?.close();
});

describe('/corpus add with the real app', () => {
  it('an attached file is downloaded from the attachment URL, added, and cited by the next answer', async () => {
    const bytes = new TextEncoder().encode(DOC);
    const url = h.fake.serveFile('freedonia.md', bytes, 'text/markdown');
    const att = { id: '121212121212121212', filename: 'freedonia.md', size: bytes.byteLength, url, proxy_url: url, content_type: 'text/markdown; charset=utf-8' };
    const maintainer = h.member(people.maintainer, { permissions: MANAGE_GUILD });
    const { token } = h.fake.interact(
      slash(maintainer, 'corpus', [{ type: 1, name: 'add', options: [{ type: 11, name: 'attachment', value: att.id }] }], { attachments: { [att.id]: att } }),
    );
    const added = await h.fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(token), 20_000);
    expect(added.body.embeds[0].title, JSON.stringify(added.body)).toBe('Document added');
    expect(h.fake.requests.some((r) => r.method === 'GET' && r.path === '/files/freedonia.md')).toBe(true);

    const msg = userMessage({ author: people.alice, channelId: IDS.general, guildId: IDS.guild, content: `<@${IDS.bot}> Why did Freedonia recall its ambassador from Sylvania?`, mentions: [botUser] });
    h.fake.dispatch('MESSAGE_CREATE', msg);
    const sent = await h.fake.waitForRequest((r) => r.body?.message_reference?.message_id === msg.id, 20_000);
    const embed = sent.body.embeds[0];
    expect(embed.description).toMatch(/\[\d+\]/);
    expect(embed.fields.map((f: { name: string }) => f.name).join('\n')).toContain('Freedonia recalls its ambassador from Sylvania');
    expect(fitsDiscordLimits(sent.body)).toBe(true);
    expect(sent.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(JSON.stringify(sent.body)).not.toMatch(/(?<!\u200b)@everyone/);
  });

  it('an attachment over MAX_UPLOAD_BYTES is refused before downloading', async () => {
    const att = { id: '131313131313131313', filename: 'huge.pdf', size: h.config.MAX_UPLOAD_BYTES + 1, url: h.fake.serveFile('huge.pdf', new Uint8Array(1), 'application/pdf'), content_type: 'application/pdf' };
    const maintainer = h.member(people.maintainer, { permissions: MANAGE_GUILD });
    const { id, token } = h.fake.interact(
      slash(maintainer, 'corpus', [{ type: 1, name: 'add', options: [{ type: 11, name: 'attachment', value: att.id }] }], { attachments: { [att.id]: att } }),
    );
    const res = await h.fake.waitForRequest((r) => r.path === `/api/v10/interactions/${id}/${token}/callback`);
    expect(res.body.data.content).toContain('too large');
    expect(res.body.data.flags & 64).toBe(64);
    expect(h.fake.requests.some((r) => r.path === '/files/huge.pdf')).toBe(false);
  });
});
