import { describe, expect, it, vi } from 'vitest';
import { testApp } from '../helpers/app.js';
import { doc } from '../helpers/deps.js';

describe('committing an import batch', () => {
  it('GIVEN 120 documents in one batch THEN they are written in slices with the event loop running between them, each stored whole', async () => {
    const t = await testApp({ bundled: false });
    try {
      const docs = Array.from({ length: 120 }, (_, i) => doc(`d${i}`, `Kenya's foreign ministry said on day ${i} that talks with Chile on water rights would resume.`, { published: '2026-01-05' }));
      let ticks = 0;
      const timer = setInterval(() => { ticks++; }, 0);
      // The ticks seen at each write: a timer must fire between the writes, not only before or after them.
      const seen: number[] = [];
      const insert = t.app.deps.store.insertDocuments.bind(t.app.deps.store);
      vi.spyOn(t.app.deps.store, 'insertDocuments').mockImplementation((items) => { seen.push(ticks); return insert(items); });
      const res = await t.app.importDocuments(docs);
      clearInterval(timer);
      expect(seen.length).toBeGreaterThan(1);
      expect(seen.at(-1)!).toBeGreaterThan(seen[0]!);
      expect(res.filter((r) => r.added)).toHaveLength(120);
      expect(t.app.listDocuments()).toHaveLength(120);
      for (const d of t.app.listDocuments()) expect(d.chunks).toBeGreaterThan(0);
    } finally { await t.cleanup(); }
  });
});
