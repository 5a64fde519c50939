import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BAD_CASES, SEED_TEXT } from '../../bench/reliability/bad-documents.js';
import { cliFile, runCli } from '../../bench/reliability/cli.js';
import { badInputsCli, fingerprintOf } from '../../bench/reliability/inputs.js';
import { cliUrlCases } from '../../bench/reliability/url-cases.js';
import { startAbuseServer, type AbuseServer } from '../../bench/reliability/url-server.js';
import { tempDir } from '../helpers/temp.js';

// `corpus add` with bad files and URLs: exit 1, one stderr line naming the problem, the store unchanged.
// The whole list runs in `npm run reliability`; a representative part runs here.
const QUICK = ['empty file', 'binary named .txt', 'PDF without a text layer', 'invalid UTF-8', '100 MB file (sparse)',
  'HTML that is only scripts', 'duplicate id, other content', 'date in the year 3024'];
const QUICK_URLS = ['loopback 127.0.0.1', 'loopback by DNS name (localhost)', 'loopback IPv6 [::1]', 'unspecified 0.0.0.0', 'file: scheme', 'data: scheme'];

const work = tempDir('dd-bad-cli-');
const dataDir = path.join(work.dir, 'data');
let server: AbuseServer;

beforeAll(async () => {
  if (!existsSync(cliFile('corpus'))) throw new Error('dist/ is missing: run `npm run build` (npm test does it)');
  server = await startAbuseServer();
  writeFileSync(path.join(work.dir, 'seed.md'), SEED_TEXT);
  const seeded = await runCli('corpus', ['add', path.join(work.dir, 'seed.md'), '--data-dir', dataDir], { cwd: work.dir });
  expect(seeded.code, seeded.stderr).toBe(0);
});
afterAll(async () => {
  await server?.close();
  work.cleanup();
});

describe('corpus add on the command line', () => {
  it('GIVEN bad documents THEN each exits 1 with one "error:" line naming its problem, and the store is unchanged', async () => {
    const before = (await fingerprintOf(dataDir));
    const cases = BAD_CASES.filter((c) => QUICK.includes(c.name));
    expect(cases).toHaveLength(QUICK.length);
    const results = await badInputsCli(cases, work.dir, dataDir);
    expect(results.filter((r) => !r.ok).map((r) => `${r.name}: ${r.problems.join('; ')}`)).toEqual([]);
    expect((await fingerprintOf(dataDir))).toEqual(before);
    expect(before.documents).toBeGreaterThan(1); // the bundled documents and the seed
  });

  it('GIVEN loopback URLs (by address and by name) and file:/data: URLs THEN each is refused without any connection', async () => {
    const cases = cliUrlCases(server).filter((c) => QUICK_URLS.some((n) => c.name === `url: ${n}`));
    expect(cases).toHaveLength(QUICK_URLS.length);
    const results = await badInputsCli(cases, work.dir, dataDir);
    expect(results.filter((r) => !r.ok).map((r) => `${r.name}: ${r.problems.join('; ')}`)).toEqual([]);
    expect(results.every((r) => /Refusing to fetch/.test(r.got))).toBe(true);
    expect(server.hits).toEqual([]);
  });
});
