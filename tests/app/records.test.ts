import { describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.js';
import { bestEffort } from '../../app/records.js';

describe('best-effort records', () => {
  it('GIVEN a busy store THEN the write is skipped without failing the caller', async () => {
    let tried = 0;
    await expect(bestEffort(async () => { tried += 1; throw new UserError('STORE_BUSY'); })).resolves.toBeUndefined();
    expect(tried).toBe(1);
  });
  it('GIVEN any other failure THEN it still reaches the caller', async () => {
    await expect(bestEffort(async () => { throw new Error('no such table: questions'); })).rejects.toThrow(/no such table/);
  });
});
