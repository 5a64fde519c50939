import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../core/paths.js';
import { tempDir } from '../helpers/temp.js';

const exec = promisify(execFile);
const ask = path.join(projectRoot(), 'dist', 'cli', 'ask.js');
const BUNDLED = 'pakistan-condemns-alleged-attack-on-putin-residence';

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec('node', [ask, '--data-dir', dir, ...args], { cwd: dir, env: { PATH: process.env.PATH } });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('npm run ask in other languages (bundled corpus)', () => {
  it.each([
    ['ru', 'Что сказал Пакистан?', 'Что говорит Пакистан'],
    ['uk', 'Що сказав Пакистан?', 'Що каже Пакистан'],
    ['ur', 'پاکستان نے کیا کہا؟', 'پاکستان نے کیا کہا، ذرائع'],
    ['ar', 'ماذا قالت باكستان؟', 'ما قاله باكستان'],
    ['zh', '巴基斯坦说了什么？', '巴基斯坦的说法'],
    ['hi', 'पाकिस्तान ने क्या कहा?', 'पाकिस्तान ने क्या कहा, स्रोतों'],
    ['fr', "Qu'a dit le Pakistan ?", 'Ce qu’a dit Pakistan'],
    ['es', '¿Qué dijo Pakistán?', 'Lo que dijo Pakistán'],
    ['de', 'Was hat Pakistan gesagt?', 'Was Pakistan gesagt hat'],
  ])('GIVEN a %s question THEN the answer is framed in it and cites the bundled article verbatim', async (lang, question, lead) => {
    const r = await cli(['--json', question]);
    expect(r.code, r.stderr).toBe(0);
    const a = JSON.parse(r.stdout);
    expect(a.locale).toBe(lang);
    expect(a.answer.startsWith(lead), a.answer).toBe(true);
    expect(a.citations[0].docId).toBe(BUNDLED);
    expect(a.citations[0].quote).toMatch(/^Pakistan has firmly condemned/);
  }, 30_000);

  it('GIVEN --locale THEN it overrides the question\'s language for the fixed texts', async () => {
    const r = await cli(['--locale', 'fr', 'Что сказал Пакистан?']);
    expect(r.stdout).toMatch(/^Ce qu’a dit Pakistan, dans les mots des sources :/);
    expect(r.stdout).toContain('Sources :');
  }, 30_000);

  it('GIVEN an unknown --locale THEN a one-line usage error names the supported ones', async () => {
    const r = await cli(['--locale', 'tlh', 'What did Pakistan say?']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--locale "tlh" is not one of en, ru, uk/);
  });
});
