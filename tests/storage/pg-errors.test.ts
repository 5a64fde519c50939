import { describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.js';
import { busyAsStoreBusy, isUnavailable } from '../../storage/postgres/pg-errors.js';

const withCode = (code: string) => Object.assign(new Error('server said no'), { code });

describe('PostgreSQL errors that mean "not now"', () => {
  it('GIVEN connection, shutdown, lock and serialization failures THEN they are the store being unavailable', () => {
    for (const code of ['08006', '57P01', '40001', '40P01', '55P03', 'ECONNREFUSED']) expect(isUnavailable(withCode(code))).toBe(true);
    expect(isUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
  });
  it('GIVEN a mistake in the statement or the data THEN it is not hidden as busy', async () => {
    for (const code of ['42P01', '23505', '22P02']) expect(isUnavailable(withCode(code))).toBe(false);
    await expect(busyAsStoreBusy(async () => { throw withCode('42P01'); })).rejects.toThrow(/server said no/);
    await expect(busyAsStoreBusy(async () => { throw withCode('57P01'); })).rejects.toSatisfy((e) => e instanceof UserError && e.code === 'STORE_BUSY');
  });
});
