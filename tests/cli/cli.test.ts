import { execFile } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../core/paths.js';
import { tempDir } from '../helpers/temp.js';

const exec = promisify(execFile);
const root = projectRoot();
const dist = (f: string) => path.join(root, 'dist', 'cli', f);

let dir: string;
let cleanup: () => void;
beforeAll(() => {
  if (!existsSync(dist('ask.js'))) throw new Error('dist/ is missing: run `npm run build` (npm test does it)');
  ({ dir, cleanup } = tempDir());
});
afterAll(() => cleanup());

/** Runs a compiled CLI with a clean environment (no .env from the project folder). */
async function cli(file: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec('node', [dist(file), '--data-dir', dir, ...args], { cwd: dir, env: { PATH: process.env.PATH } });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('command line', () => {
  it('GIVEN a fresh data dir THEN `ask --json` prints only the Answer object, quoting the bundled article', async () => {
    const r = await cli('ask.js', ['--json', 'What did Pakistan say?']);
    expect(r.code).toBe(0);
    const answer = JSON.parse(r.stdout);
    expect(Object.keys(answer).sort()).toEqual(['abstained', 'answer', 'citations', 'claims', 'locale', 'mode', 'question', 'timings']);
    expect(answer.citations[0].quote).toMatch(/Pakistan has firmly condemned/);
  });

  it('GIVEN an unknown option THEN one clear line and exit 1, no stack trace', async () => {
    const r = await cli('ask.js', ['--jsn', 'x']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/error: Unknown option '--jsn'/);
  });

  it('GIVEN a file THEN add, list, ask and remove work, and re-adding is a no-op', async () => {
    const file = path.join(dir, 'statement.md');
    writeFileSync(file, '---\ntitle: Kazakh statement\npublisher: Ministry\npublished: 2026-01-02\n---\nKazakhstan welcomed the grain corridor agreement and urged its swift implementation.\n');
    const add = await cli('corpus.js', ['add', file, '--json']);
    expect(add.code).toBe(0);
    const { id, added } = JSON.parse(add.stdout);
    expect(added).toBe(true);
    expect((await cli('corpus.js', ['add', file])).stdout).toMatch(/already in the corpus/);
    expect((await cli('corpus.js', ['list'])).stdout).toContain(id);
    const ask = JSON.parse((await cli('ask.js', ['--json', 'What did Kazakhstan say about the grain corridor?'])).stdout);
    expect(ask.citations[0].docId).toBe(id);
    // --after makes the question a follow-up, as a reply on Discord does: "And Pakistan?" swaps the actor.
    const kaz = JSON.parse((await cli('ask.js', ['--json', '--after', 'What did Kazakhstan say about the grain corridor?', 'And Pakistan?'])).stdout);
    expect(kaz.citations.some((c: { docId: string }) => c.docId === id)).toBe(false);
    expect(kaz.question).toBe('And Pakistan?');
    expect((await cli('corpus.js', ['remove', id])).code).toBe(0);
    expect((await cli('corpus.js', ['remove', id])).stderr).toMatch(/No document with id/);
    expect((await cli('corpus.js', ['check'])).stdout).toMatch(/ok: store and index agree/);
  });

  it('GIVEN a JSONL file with broken lines THEN good lines are imported and bad ones reported by number', async () => {
    const file = path.join(dir, 'bulk.jsonl');
    writeFileSync(file, [
      JSON.stringify({ id: 'g1', title: 'One', text: 'Norway announced new aid for Sudan.' }),
      '{ not json',
      JSON.stringify({ id: 'g2', title: 'Two' }),
      JSON.stringify({ id: 'g3', title: 'Three', text: 'Chile condemned the coup attempt in Bolivia.', published: '3024-01-01' }),
      JSON.stringify({ id: 'g4', title: 'Four', text: 'Japan and Korea agreed to resume talks.' }),
    ].join('\n'));
    const r = await cli('corpus.js', ['import', file, '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.added).toBe(2);
    expect(report.errors.map((e: { line: number }) => e.line)).toEqual([2, 3, 4]);
  });

  it('GIVEN a question the corpus does not cover THEN `corpus gaps --json` lists it with its count and last time asked', async () => {
    expect(JSON.parse((await cli('ask.js', ['--json', 'Which treaty did the Atlantean navy sign in Lemuria?'])).stdout).abstained).toBe(true);
    await cli('ask.js', ['Which treaty did the Atlantean navy sign in Lemuria']);
    const r = await cli('corpus.js', ['gaps', '--json']);
    expect(r.code).toBe(0);
    const { gaps } = JSON.parse(r.stdout);
    const g = gaps.find((x: { question: string }) => x.question.includes('Atlantean'));
    expect(g).toMatchObject({ question: 'Which treaty did the Atlantean navy sign in Lemuria?', count: 2 });
    expect(Object.keys(g).sort()).toEqual(['count', 'examples', 'lastAsked', 'question']);
    expect(Date.parse(g.lastAsked)).not.toBeNaN();
  });

  it('GIVEN a malformed setting THEN the variable is named in one line', async () => {
    const r = await exec('node', [dist('ask.js'), 'q'], { cwd: dir, env: { PATH: process.env.PATH, RETRIEVAL_K: '0' } }).catch((e) => e);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: Configuration error: RETRIEVAL_K/);
  });
});
