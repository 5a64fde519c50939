import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliFile } from '../../bench/reliability/cli.js';
import { runKills } from '../../bench/reliability/kill.js';
import { testConfig } from '../helpers/app.js';
import { tempDir } from '../helpers/temp.js';

// The quick variant of `npm run reliability`'s crash part (30 kills there): SIGKILL a `corpus import`
// at random moments, then check the folder as `corpus check` would and reopen it.
const work = tempDir('dd-kill-');

beforeAll(() => {
  if (!existsSync(cliFile('corpus'))) throw new Error('dist/ is missing: run `npm run build` (npm test does it)');
});
afterAll(() => work.cleanup());

describe('crash consistency', () => {
  it('GIVEN an import killed with SIGKILL 5 times THEN after each the store is sound, has no half-added document and the index catches up on open', async () => {
    const config = testConfig(path.join(work.dir, 'data'));
    const report = await runKills({ config, workDir: work.dir, runs: 5, docsPerRun: 80, batch: 6, minDelayMs: 150, seed: 11 });
    expect(report.failures).toEqual([]);
    expect(report.survived).toBe(report.tried);
    expect(report.tried + report.finishedFirst).toBe(5);
    expect(report.tried).toBeGreaterThanOrEqual(3);
    expect(report.documents).toBeGreaterThan(0);
  });
});
