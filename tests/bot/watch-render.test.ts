import { describe, expect, it } from 'vitest';
import { limitViolations } from '../../bot/render/limits.js';
import { renderNotice } from '../../bot/render/watch.js';

describe('watch notices', () => {
  it('GIVEN a claim removed from the corpus THEN the notice says so, and fits Discord', () => {
    const m = renderNotice({ id: 1, userId: '1', claimId: 'c1', claimText: 'x'.repeat(5000), oldStatus: 'disputed', newStatus: 'removed',
      reason: 'no document in the corpus states it any more', review: false, createdAt: '2026-01-01T00:00:00Z', attempts: 0 });
    expect(m.embeds[0]!.title).toBe('A claim you watch changed: 🔴 disputed → 🗑️ removed from the corpus');
    expect(limitViolations(m)).toEqual([]);
    expect(m.allowedMentions).toEqual({ parse: [], repliedUser: false });
  });
});
