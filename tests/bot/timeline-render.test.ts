import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Timeline, TimelineEntry } from '../../claims/timeline.js';
import { limitViolations } from '../../bot/render/limits.js';
import { parseTimelineId, renderTimeline, timelineId } from '../../bot/render/timeline.js';

const entryArb: fc.Arbitrary<TimelineEntry> = fc.record({
  date: fc.constantFrom('2026-01-01', '2026-01-02', '2026-02-10'),
  speaker: fc.string({ maxLength: 300 }), actor: fc.string({ maxLength: 300 }), stance: fc.string({ maxLength: 60 }),
  status: fc.constantFrom('verified', 'refuted', 'disputed', 'unverified', 'corroborated', 'reported' as const),
  quote: fc.string({ minLength: 1, maxLength: 3000 }), docId: fc.string({ maxLength: 40 }), start: fc.nat(), end: fc.nat(),
  title: fc.string({ maxLength: 400 }), publisher: fc.option(fc.string({ maxLength: 200 }), { nil: undefined }),
  id: fc.string({ maxLength: 20 }), claimId: fc.string({ maxLength: 20 }), role: fc.constantFrom('assertion', 'denial', 'reaction' as const),
}) as fc.Arbitrary<TimelineEntry>;

describe('timeline pages', () => {
  it('GIVEN any entries THEN every page fits Discord, pages follow each other, and every entry is on one of them', () => {
    fc.assert(fc.property(fc.array(entryArb, { maxLength: 60 }), fc.string({ minLength: 1, maxLength: 80 }), (entries, words) => {
      const t: Timeline = { entries, reviews: [], band: entries.map((e) => ({ date: e.date, status: e.status, by: 'statement' as const })), claimIds: ['c'] };
      const q = { about: words };
      let page = 0;
      let shown = '';
      for (let guard = 0; guard < 200; guard++) {
        const m = renderTimeline(t, q, `Timeline: ${words}`, page, true);
        expect(limitViolations(m)).toEqual([]);
        shown += m.embeds[0]!.description;
        const next = m.components.flatMap((r) => r.components).find((b) => 'label' in b && b.label === 'Next') as { custom_id: string } | undefined;
        if (!next) break;
        const id = parseTimelineId(next.custom_id)!;
        expect(id.page).toBe(page + 1);
        page = id.page;
      }
      expect((shown.match(/^\*\*\d{4}-\d{2}-\d{2}\*\*/gm) ?? []).length).toBe(entries.length);
    }), { numRuns: 60 });
  });

  it('GIVEN a query THEN its button id carries it back, within Discord’s 100 characters', () => {
    expect(parseTimelineId(timelineId({ actor: 'Russia' }, 3))).toEqual({ query: { actor: 'Russia' }, page: 3 });
    expect(timelineId({ about: 'x'.repeat(200) }, 1).length).toBeLessThanOrEqual(100);
  });
});
