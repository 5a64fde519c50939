import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeApp } from './fake-app.js';
import { slash } from './fake-discord/events.js';
import { IDS, people, startHarness, type Harness } from './harness.js';

let h: Harness & { app: FakeApp };
const MANAGE_MESSAGES = (1n << 13n).toString();
const MANAGE_GUILD = (1n << 5n).toString();

beforeAll(async () => {
  h = (await startHarness((config) => new FakeApp(config), {
    env: { MODERATOR_ROLE_IDS: IDS.modRole, MAINTAINER_ROLE_IDS: IDS.maintainerRole },
  })) as Harness & { app: FakeApp };
});
afterAll(async () => {
  await h?.close();
});

async function run(payload: unknown) {
  const { id, token } = h.fake.interact(payload);
  return h.fake.waitForRequest((r) => r.path === `/api/v10/interactions/${id}/${token}/callback`);
}

const review = (extra: { type: number; name: string; value: string }[] = []) => [
  { type: 3, name: 'claim', value: 'c-attack' },
  { type: 3, name: 'status', value: 'disputed' },
  { type: 3, name: 'note', value: 'Kyiv denies it; no independent evidence.' },
  ...extra,
];

describe('privileged commands check permissions again at run time', () => {
  it('refuses /review privately to a member without Manage Messages or the moderator role', async () => {
    const res = await run(slash(h.member(people.alice), 'review', review()));
    expect(res.body.type).toBe(4);
    expect(res.body.data.flags & 64).toBe(64);
    expect(res.body.data.content).toContain('Manage Messages');
    expect(res.body.data.content).toContain(`<@&${IDS.modRole}>`);
    expect(res.body.data.allowed_mentions.parse).toEqual([]);
    expect(h.app.calls.some((c) => c.method === 'reviewClaim')).toBe(false);
  });

  it('refuses /corpus add privately to a member without Manage Server or the maintainer role', async () => {
    const res = await run(slash(h.member(people.alice, { permissions: MANAGE_MESSAGES }), 'corpus', [
      { type: 1, name: 'add', options: [{ type: 3, name: 'text', value: 'Some text' }] },
    ]));
    expect(res.body.data.flags & 64).toBe(64);
    expect(res.body.data.content).toContain('Manage Server');
    expect(h.app.added).toHaveLength(0);
  });

  it('lets a moderator (by role) review a claim, and rejects a non-http evidence link', async () => {
    const mod = h.member(people.mod, { roles: [IDS.modRole] });
    const bad = await run(slash(mod, 'review', review([{ type: 3, name: 'evidence', value: 'javascript:alert(1)' }])));
    expect(bad.body.data.content).toMatch(/Not a valid http\(s\) URL/);
    const ok = await run(slash(mod, 'review', review([{ type: 3, name: 'evidence', value: 'https://example.org/evidence' }])));
    expect(ok.body.data.flags & 64).toBe(64);
    expect(ok.body.data.embeds[0].description).toContain('🔴 disputed');
    const call = h.app.calls.find((c) => c.method === 'reviewClaim')!;
    expect(call.args[0]).toMatchObject({ claimId: 'c-attack', status: 'disputed', evidence: 'https://example.org/evidence', reviewer: `mo (${people.mod.id})` });
  });

  it('lets a member with Manage Messages list claims and feedback', async () => {
    const mod = h.member(people.mod, { permissions: MANAGE_MESSAGES });
    const claims = await run(slash(mod, 'claims', [{ type: 3, name: 'status', value: 'disputed' }]));
    expect(claims.body.data.embeds[0].description).toContain('c-attack');
    expect(h.app.calls.find((c) => c.method === 'listClaims')!.args[0]).toMatchObject({ status: 'disputed' });
    const fb = await run(slash(mod, 'feedback'));
    expect(fb.body.data.embeds[0].title).toMatch(/reports and down-votes/);
  });

  it('lets a maintainer (Manage Server) add pasted text with metadata and see /stats', async () => {
    const m = h.member(people.maintainer, { permissions: MANAGE_GUILD });
    const { token } = h.fake.interact(slash(m, 'corpus', [
      { type: 1, name: 'add', options: [
        { type: 3, name: 'text', value: 'Pakistan urged restraint.' },
        { type: 3, name: 'title', value: 'A note' },
        { type: 3, name: 'publisher', value: 'Desk' },
        { type: 3, name: 'published', value: '2026-01-02' },
      ] },
    ]));
    const edit = await h.fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(token));
    expect(edit.body.embeds[0].title).toBe('Document added');
    expect(h.app.added.at(-1)).toEqual({ source: { kind: 'text', text: 'Pakistan urged restraint.' }, meta: { title: 'A note', publisher: 'Desk', published: '2026-01-02' } });
    const stats = await run(slash(m, 'stats'));
    expect(stats.body.data.embeds[0].fields[0]).toMatchObject({ name: 'Documents', value: '1' });
  });

  it('requires exactly one of attachment, url and text', async () => {
    const m = h.member(people.maintainer, { roles: [IDS.maintainerRole] });
    const res = await run(slash(m, 'corpus', [{ type: 1, name: 'add', options: [
      { type: 3, name: 'text', value: 'x' }, { type: 3, name: 'url', value: 'https://example.org' },
    ] }]));
    expect(res.body.data.content).toContain('exactly one of attachment, url or text');
  });

  it('refuses privileged commands in DMs', async () => {
    const res = await run(slash({ user: people.mod, channelId: '999999999999999999', dm: true }, 'claims'));
    expect(res.body.data.content).toContain('only works in a server');
  });
});

describe('maintainer commands and autocomplete', () => {
  const maintainer = () => h.member(people.maintainer, { roles: [IDS.maintainerRole] });

  it('/corpus list, remove and reindex', async () => {
    const list = await run(slash(maintainer(), 'corpus', [{ type: 1, name: 'list' }]));
    expect(list.body.data.embeds[0].title).toBe('Corpus (0 documents)');
    const { token } = h.fake.interact(slash(maintainer(), 'corpus', [{ type: 1, name: 'remove', options: [{ type: 3, name: 'id', value: 'doc-1' }] }]));
    const removed = await h.fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(token));
    expect(removed.body.content).toBe('Removed `doc-1` and its passages.');
    expect(h.app.calls.find((c) => c.method === 'removeDocument')!.args).toEqual(['doc-1']);
    const re = h.fake.interact(slash(maintainer(), 'corpus', [{ type: 1, name: 'reindex' }]));
    const done = await h.fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(re.token));
    expect(done.body.content).toMatch(/^Reindexed 10 passages in 0\.0 s\.$/);
  });

  it('suggests claim ids to moderators and nothing to others', async () => {
    const focused = [{ type: 3, name: 'claim', value: 'attack', focused: true }];
    const mk = (actor: ReturnType<typeof h.member>) => ({ ...slash(actor, 'review', focused), type: 4 });
    const mod = await run(mk(h.member(people.mod, { roles: [IDS.modRole] })));
    expect(mod.body).toEqual({ type: 8, data: { choices: [{ name: 'c-attack · disputed · Ukraine attacked Putin’s residence', value: 'c-attack' }] } });
    const other = await run(mk(h.member(people.alice)));
    expect(other.body).toEqual({ type: 8, data: { choices: [] } });
  });
});
