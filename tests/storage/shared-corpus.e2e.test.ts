import { execFile } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../app/config.js';
import { createApp, type AppInternals } from '../../app/create-app.js';
import { projectRoot } from '../../core/paths.js';
import { POSTGRES_MISSING, postgresBinaries, startTempPostgres, type TempPostgres } from '../helpers/postgres.js';
import { tempDir } from '../helpers/temp.js';

const exec = promisify(execFile);
const dist = (f: string) => path.join(projectRoot(), 'dist', 'cli', f);
const inCi = !!process.env.CI && process.env.CI !== 'false';

// Invented documents: nothing in the bundled corpus speaks of Veloria's lighthouse or its salt tax.
const LIGHTHOUSE = `---\ntitle: Veloria reopens the Kestrel lighthouse\npublished: 2026-11-20\n---\n` +
  'The foreign ministry of Veloria said on Friday that the Kestrel lighthouse would reopen to shipping after the storm.\n';
const SALT = `---\ntitle: Veloria drops the salt tax\npublished: 2026-11-21\n---\n` +
  'The finance ministry of Veloria announced that the salt tax on fishing crews would end in December.\n';

describe.skipIf(!postgresBinaries && !inCi)('GIVEN three processes with their own data folders and one PostgreSQL corpus', () => {
  let pg: TempPostgres;
  let dirs: { dir: string; cleanup: () => void }[];
  let running: AppInternals;

  /** Runs a compiled CLI as its own process on data folder `i`, with only DATABASE_URL shared. */
  async function cli(i: number, file: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    const env = { PATH: process.env.PATH, DATABASE_URL: pg.url, DATA_DIR: dirs[i]!.dir };
    try {
      const { stdout, stderr } = await exec('node', [dist(file), ...args], { cwd: dirs[i]!.dir, env });
      return { code: 0, stdout, stderr };
    } catch (e) {
      const err = e as { code: number; stdout: string; stderr: string };
      return { code: err.code, stdout: err.stdout, stderr: err.stderr };
    }
  }

  beforeAll(async () => {
    if (!postgresBinaries) throw new Error(POSTGRES_MISSING);
    if (!existsSync(dist('ask.js'))) throw new Error('dist/ is missing: run `npm run build` (npm test does it)');
    pg = startTempPostgres();
    dirs = [tempDir(), tempDir(), tempDir()];
    writeFileSync(path.join(dirs[0]!.dir, 'lighthouse.md'), LIGHTHOUSE);
    writeFileSync(path.join(dirs[0]!.dir, 'salt.md'), SALT);
  }, 120_000);
  afterAll(async () => {
    await running?.close();
    pg?.stop();
    for (const d of dirs ?? []) d.cleanup();
  });

  it('WHEN process A adds a document THEN process B, started afterwards, cites it', async () => {
    const added = await cli(0, 'corpus.js', ['add', 'lighthouse.md']);
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    const r = await cli(1, 'ask.js', ['--json', 'What did Veloria say about the Kestrel lighthouse?']);
    expect(r.code).toBe(0);
    const answer = JSON.parse(r.stdout) as { abstained: boolean; citations: { quote: string; title: string }[] };
    expect(answer.abstained).toBe(false);
    expect(answer.citations[0]).toMatchObject({ title: 'Veloria reopens the Kestrel lighthouse' });
    // B built its own index replica in its own folder; A's folder holds A's.
    expect(readdirSync(dirs[1]!.dir)).toContain('index.hnsw');
  }, 120_000);

  it('WHEN A adds another document while C is running THEN C answers from it on its next question, without a restart', async () => {
    const config = loadConfig({ env: { DATABASE_URL: pg.url, DATA_DIR: dirs[2]!.dir }, envFile: null });
    running = await createApp(config);
    const before = await running.answer('Will the salt tax on fishing crews end?');
    expect(before.citations.some((c) => c.title === 'Veloria drops the salt tax')).toBe(false);
    expect((await cli(0, 'corpus.js', ['add', 'salt.md'])).code).toBe(0);
    const after = await running.answer('Will the salt tax on fishing crews end?');
    expect(after.citations[0]).toMatchObject({ title: 'Veloria drops the salt tax' });
    expect(after.citations[0]!.quote).toMatch(/salt tax on fishing crews would end in December/);
    // The claim ledger is shared too: the new statement is listed, spoken by Veloria's finance ministry.
    const claims = await running.listClaims({ actor: 'Veloria' });
    expect(claims.some((c) => /salt tax/.test(c.text))).toBe(true);
  }, 120_000);

  it('WHEN B removes the document THEN C no longer cites it', async () => {
    const list = JSON.parse((await cli(1, 'corpus.js', ['list', '--json'])).stdout) as { id: string; title: string }[];
    const salt = list.find((d) => d.title === 'Veloria drops the salt tax')!;
    expect((await cli(1, 'corpus.js', ['remove', salt.id])).code).toBe(0);
    const again = await running.answer('Will the salt tax on fishing crews end?');
    expect(again.citations.some((c) => c.title === 'Veloria drops the salt tax')).toBe(false);
  }, 120_000);
});
