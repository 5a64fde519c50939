import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assertBuilt, compiledWorker, staleSources } from '../../core/paths.js';
import { tempDir } from '../helpers/temp.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

function file(rel: string, when: string): void {
  const p = path.join(dir, rel);
  mkdirSync(path.dirname(p), { recursive: true });
  writeFileSync(p, '');
  utimesSync(p, new Date(when), new Date(when));
}

describe('compiled workers', () => {
  it('GIVEN a source changed after its compiled file THEN starting a worker fails fast, naming the file and the fix', () => {
    file('claims/attribution.ts', '2026-02-01');
    file('dist/claims/attribution.js', '2026-01-01');
    file('core/text.ts', '2026-01-01');
    file('dist/core/text.js', '2026-01-02');
    file('app/new-module.ts', '2026-01-01'); // never built
    const stale = staleSources(dir, path.join(dir, 'dist'));
    expect(stale.sort()).toEqual(['app/new-module.ts', 'claims/attribution.ts']);
    expect(() => assertBuilt('dist/app/analyse-worker.js', stale))
      .toThrow(/dist\/app\/analyse-worker.js is older than the sources \(.+ and 1 more changed after the last build\): run `npm run build`/);
    expect(() => assertBuilt('dist/app/analyse-worker.js', [])).not.toThrow();
  });

  it('GIVEN a build stamp THEN a source touched before the last build is fresh and one changed after it is stale', () => {
    file('claims/attribution.ts', '2026-02-01'); // touched by a checkout, its output left alone by the incremental build
    file('dist/claims/attribution.js', '2026-01-01');
    file('core/text.ts', '2026-01-01');
    file('dist/core/text.js', '2026-01-01');
    file('dist/.built', '2026-02-02');
    expect(staleSources(dir, path.join(dir, 'dist'))).toEqual([]);
    file('core/text.ts', '2026-02-03');
    expect(staleSources(dir, path.join(dir, 'dist'))).toEqual(['core/text.ts']);
  });

  it('GIVEN the tests run the sources after `npm run build` THEN the worker is the build, which is not stale', () => {
    // npm test builds first: the compiled worker exists and every source is older than its output.
    const worker = compiledWorker(new URL('../../app/analyser.ts', import.meta.url).href, 'app/analyse-worker.js');
    expect(worker).toMatch(/dist\/app\/analyse-worker\.js$/);
  });
});
