import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { indexDirOf, loadConfig } from '../../app/config.js';
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

  it('GIVEN DATABASE_URL THEN a postgres URL is taken, anything else is refused without repeating the value', () => {
    const url = 'postgres://desk:s3cret@db.example.org:5432/desk';
    expect(loadConfig({ env: { DATABASE_URL: url }, envFile: null })).toMatchObject({ DATABASE_URL: url, DATABASE_POOL: 4 });
    let message = '';
    try { loadConfig({ env: { DATABASE_URL: 'mysql://desk:s3cret@db/desk' }, envFile: null }); } catch (err) { message = (err as Error).message; }
    expect(message).toMatch(/DATABASE_URL must be a postgres/);
    expect(message).not.toContain('s3cret');
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

  it('GIVEN SHARDS THEN this process manages that many shards (or auto); without it, no sharding and the index in DATA_DIR', () => {
    const plain = loadConfig({ env: { DATA_DIR: '/d' }, envFile: null });
    expect(plain.sharding).toEqual({ role: 'none' });
    expect(indexDirOf(plain)).toBe(path.resolve('/d'));
    expect(loadConfig({ env: { SHARDS: '3' }, envFile: null }).sharding).toEqual({ role: 'manager', shards: 3 });
    expect(loadConfig({ env: {}, envFile: null, overrides: { SHARDS: 'auto' } }).sharding).toEqual({ role: 'manager', shards: 'auto' });
    expect(() => loadConfig({ env: { SHARDS: 'many' }, envFile: null })).toThrow(/^Configuration error: SHARDS must be auto or a number/);
    expect(() => loadConfig({ env: { SHARDS: '0' }, envFile: null })).toThrow(/SHARDS must be auto or at least 1/);
  });

  it('GIVEN the variables discord.js gives a shard child THEN it is that shard, with a replica folder of its own', () => {
    const child = loadConfig({ env: { DATA_DIR: '/d', SHARDING_MANAGER: 'true', SHARDS: '1', SHARD_COUNT: '2' }, envFile: null });
    expect(child.sharding).toEqual({ role: 'shard', id: 1, count: 2 });
    expect(indexDirOf(child)).toBe(path.join(path.resolve('/d'), 'replicas', 'shard-1'));
    expect(indexDirOf({ ...child, INDEX_DIR: '/i' })).toBe(path.resolve('/i'));
    expect(indexDirOf({ ...child, dataDir: '/other' })).toBe(path.join('/other', 'replicas', 'shard-1'));
  });
});
