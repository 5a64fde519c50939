import { describe, expect, it } from 'vitest';
import { runWatches } from '../../bench/reliability/watches.js';
import { tempDir } from '../helpers/temp.js';

describe('watch notices under failures and restarts', () => {
  it('GIVEN 1,000 watches, 50 status changes, refused sends and three restarts THEN every owed notice is delivered once, none lost', async () => {
    const t = tempDir();
    try {
      const r = await runWatches(t.dir);
      expect(r.watches).toBe(1000);
      expect(r.expected).toBeGreaterThan(1000);
      expect(r.failedSends).toBeGreaterThan(0);
      expect(r.restarts).toBe(3);
      expect(r).toMatchObject({ lost: 0, extra: 0, sent: r.expected });
    } finally {
      t.cleanup();
    }
  }, 60_000);
});
