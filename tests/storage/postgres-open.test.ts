import { afterEach, describe, expect, test, vi } from 'vitest';
import { UserError } from '../../core/errors.js';
import { openPostgresStorage } from '../../storage/postgres/postgres-storage.js';
import { parsePostgresUrl } from '../../storage/postgres/url.js';

async function errorOf(p: Promise<unknown>): Promise<UserError> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(UserError);
  return err as UserError;
}

describe('GIVEN a DATABASE_URL', () => {
  test('WHEN it is not a postgres URL THEN it is CONFIG_INVALID without echoing the URL', () => {
    for (const url of ['mysql://root:hunter2@db/x', 'not a url hunter2', 'postgres://root:hunter2@db']) {
      let err: unknown;
      try { parsePostgresUrl(url); } catch (e) { err = e; }
      expect(err).toBeInstanceOf(UserError);
      expect((err as UserError).code).toBe('CONFIG_INVALID');
      expect((err as UserError).message).not.toContain('hunter2');
    }
    expect(parsePostgresUrl('postgresql://u@host:5433/corpus').pathname).toBe('/corpus');
  });

  test('WHEN its server cannot be reached THEN opening is CONFIG_INVALID and the password is not shown', async () => {
    const err = await errorOf(openPostgresStorage('postgres://u:hunter2@localhost/corpus?host=/nonexistent-dd-socket-dir'));
    expect(err.code).toBe('CONFIG_INVALID');
    expect(err.message).toContain('cannot open the PostgreSQL database');
    expect(err.message).not.toContain('hunter2');
  });
});

describe('GIVEN no PostgreSQL server binaries', () => {
  afterEach(() => { vi.unstubAllEnvs(); vi.resetModules(); });

  test('WHEN the test cluster is started THEN it fails saying how to install them', async () => {
    vi.stubEnv('PG_BIN', '/nonexistent-dd-pg-bin');
    vi.resetModules();
    const { startTempPostgres, postgresBinaries } = await import('../helpers/postgres.js');
    expect(postgresBinaries).toBeUndefined();
    expect(() => startTempPostgres()).toThrow(/apt-get install -y --no-install-recommends postgresql/);
  });

  test('WHEN CI is set THEN the PostgreSQL half of the conformance suite is not skipped (it fails)', async () => {
    vi.stubEnv('PG_BIN', '/nonexistent-dd-pg-bin');
    vi.stubEnv('CI', 'true');
    vi.resetModules();
    const { postgresBackend } = await import('./storage-fixture.js');
    expect(postgresBackend.skipReason).toBeUndefined();
    await expect(postgresBackend.setup()).rejects.toThrow(/not found/);
    vi.stubEnv('CI', '');
    vi.resetModules();
    const local = await import('./storage-fixture.js');
    expect(local.postgresBackend.skipReason).toMatch(/skipped outside CI/);
  });
});
