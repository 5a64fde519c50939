import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../app/config.js';
import { projectRoot } from '../../core/paths.js';
import { runBench } from '../../bench/run-bench.js';

const root = projectRoot();
const evalDir = path.resolve(root, '..', 'shared', 'eval');
const REQUIRED = ['chunks', 'ingestChunksPerS', 'ingestDocsPerS', 'indexBuildMs', 'startupMs', 'askCliMs', 'answerP50Ms',
  'answerP99Ms', 'retrievalP50Ms', 'retrievalP99Ms', 'floorP50Ms', 'memoryStoreP50Ms', 'recallAt10Strict', 'rssMB', 'diskBytesPerChunk'];

/** Every leaf of `x` (number, string, boolean or null), with the path that leads to it. */
function leaves(x: unknown, at = '$'): [string, unknown][] {
  if (Array.isArray(x)) return x.flatMap((v, i) => leaves(v, `${at}[${i}]`));
  if (x && typeof x === 'object') return Object.entries(x).flatMap(([k, v]) => leaves(v, `${at}.${k}`));
  return [[at, x]];
}

// Shape and sanity only: times depend on the machine and are never asserted.
describe.skipIf(!existsSync(evalDir))('npm run bench -- --quick', () => {
  it('measures a 10,000-chunk store and reports every field as a finite number', async () => {
    if (!existsSync(path.join(root, 'dist', 'bench', 'startup.js'))) throw new Error('dist/ is missing: run `npm run build` (npm test does it)');
    const result = await runBench({ config: loadConfig({ env: {}, envFile: null }), quick: true, evalDir });
    expect(result.machine.cores).toBeGreaterThan(0);
    expect(typeof result.machine.cpu).toBe('string');
    expect(result.machine.node).toMatch(/^v\d+/);
    expect(result.sizes).toHaveLength(1);
    const size = result.sizes[0]!;
    for (const key of REQUIRED) expect(typeof size[key], key).toBe('number');
    expect(size.chunks).toBeGreaterThanOrEqual(10_000);
    expect(size.recallAt10Strict).toBeGreaterThanOrEqual(0);
    expect(size.recallAt10Strict).toBeLessThanOrEqual(1);
    expect(result.bundledAsk).not.toBeNull();
    expect(result.run.commit).toMatch(/^([0-9a-f]{7,}(\+dirty)?|unknown)$/);
    expect(result.run.loadAverageEnd).toHaveLength(3);
    // JSON turns NaN and Infinity into null: every leaf must still be a finite number or a string.
    const all = leaves(JSON.parse(JSON.stringify(result)));
    const bad = all.filter(([, v]) => !(typeof v === 'string' || Number.isFinite(v)));
    expect(bad).toEqual([]);
    expect(all.filter(([, v]) => typeof v === 'number').length).toBeGreaterThan(40);
  }, 240_000);
});
