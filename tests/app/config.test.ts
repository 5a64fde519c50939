import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../app/config.js';
import { tempDir } from '../helpers/temp.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

describe('loadConfig', () => {
  it('GIVEN nothing THEN defaults: ./data, builtin embeddings, extractive answers', () => {
    const c = loadConfig({ env: {}, envFile: null });
    expect(c.dataDir).toBe(path.resolve('./data'));
    expect(c).toMatchObject({ EMBEDDINGS: 'builtin', ANSWER_MODE: 'extractive', ALLOWED_CHANNEL_IDS: [] });
  });

  it('GIVEN a malformed value THEN one line naming the variable', () => {
    expect(() => loadConfig({ env: { RETRIEVAL_K: 'lots' }, envFile: null })).toThrow(/^Configuration error: RETRIEVAL_K /);
    expect(() => loadConfig({ env: { MODERATOR_ROLE_IDS: '123456,abc' }, envFile: null })).toThrow(/MODERATOR_ROLE_IDS/);
  });

  it('GIVEN a .env file THEN its values apply, the environment wins, and --data-dir wins over both', () => {
    const file = path.join(dir, '.env');
    writeFileSync(file, '# comment\nDATA_DIR=/from-file\nRETRIEVAL_K=5\nALLOWED_CHANNEL_IDS=111111, 222222\n');
    const c = loadConfig({ env: { RETRIEVAL_K: '9' }, envFile: file });
    expect(c).toMatchObject({ DATA_DIR: '/from-file', RETRIEVAL_K: 9, ALLOWED_CHANNEL_IDS: ['111111', '222222'] });
    expect(loadConfig({ env: {}, envFile: file, overrides: { DATA_DIR: '/cli' } }).dataDir).toBe('/cli');
  });

  it('GIVEN a malformed .env line THEN the error names the file and line, not its content', () => {
    const file = path.join(dir, '.env');
    writeFileSync(file, 'DATA_DIR=./x\nDISCORD_TOKEN secret-token-value\n');
    expect(() => loadConfig({ env: {}, envFile: file })).toThrow(/line 2 is not NAME=value/);
    try { loadConfig({ env: {}, envFile: file }); } catch (e) { expect(String(e)).not.toContain('secret-token-value'); }
  });
});
