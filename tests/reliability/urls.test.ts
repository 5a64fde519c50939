import dns from 'node:dns';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp, type AppInternals } from '../../app/create-app.js';
import { storeFingerprint } from '../../bench/reliability/fingerprint.js';
import { badUrlsInProcess, URL_CASES } from '../../bench/reliability/url-cases.js';
import { startAbuseServer, type AbuseServer } from '../../bench/reliability/url-server.js';
import { testConfig } from '../helpers/app.js';
import { tempDir } from '../helpers/temp.js';

// tests/corpus/loaders/url.test.ts checks loadUrl itself; these go through app.addDocument({kind: 'url'})
// and also check the store, that refused hosts are never contacted, and that a time-out closes the socket.
// Only the server below (127.0.0.1) is ever contacted; `allowed` may reach it, `strict` (production) may not.
const work = tempDir('dd-urls-');
const env = { FETCH_TIMEOUT_MS: '700', MAX_UPLOAD_BYTES: '50000' };
let server: AbuseServer;
let allowed: AppInternals;
let strict: AppInternals;

beforeAll(async () => {
  server = await startAbuseServer();
  allowed = await createApp(testConfig(work.dir, env), { bundled: false, allowHosts: ['127.0.0.1'] });
  strict = await createApp(testConfig(work.dir, env), { bundled: false });
  await allowed.addDocument({ kind: 'text', text: 'Kenya welcomed the ceasefire in Sudan and urged talks.' });
});
afterAll(async () => {
  await server?.close();
  await allowed?.close();
  await strict?.close();
  work.cleanup();
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('bad URLs through app.addDocument', () => {
  it.each(URL_CASES.map((c) => [c.name, c] as const))('GIVEN %s THEN refused or cut off, store unchanged', async (_, c) => {
    const [outcome] = await badUrlsInProcess({ strict, allowed }, server, [c]);
    expect(outcome!.problems).toEqual([]);
  });

  it('GIVEN the allowed page THEN it is added (the hatch works, so the refusals above are real)', async () => {
    const before = (await storeFingerprint(allowed.deps.storage));
    const res = await allowed.addDocument({ kind: 'url', url: `${server.base}/page.html` });
    expect(res.added).toBe(true);
    expect((await storeFingerprint(allowed.deps.storage)).documents).toBe(before.documents + 1);
    await allowed.removeDocument(res.id);
  });

  it.each([
    ['cloud metadata', '169.254.169.254'],
    ['a private address', '10.20.30.40'],
    ['IPv6 unique-local', 'fd12:3456::1'],
    ['carrier-grade NAT', '100.100.100.200'],
  ])('GIVEN a DNS name that resolves to %s THEN URL_FORBIDDEN before any connection', async (_, address) => {
    vi.spyOn(dns.promises, 'lookup').mockResolvedValue([{ address, family: address.includes(':') ? 6 : 4 }] as never);
    const hits = server.hits.length;
    const before = (await storeFingerprint(allowed.deps.storage));
    await expect(allowed.addDocument({ kind: 'url', url: `http://intranet.example.test:${server.port}/page.html` }))
      .rejects.toMatchObject({ code: 'URL_FORBIDDEN', message: expect.stringContaining(address) });
    expect(server.hits.length).toBe(hits);
    expect((await storeFingerprint(allowed.deps.storage))).toEqual(before);
  });
});
