import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answer, ClaimStatus } from '../../core/answer.js';
import { renderAnswer } from '../../bot/render/answer.js';
import { parseAnswerId } from '../../bot/render/custom-id.js';
import { fitsDiscordLimits, limitViolations } from '../../bot/render/limits.js';
import { renderMore, renderSources } from '../../bot/render/pages.js';
import type { BotMessage } from '../../bot/render/payload.js';
import { sampleAnswer } from './fake-app.js';

const buttons = (m: BotMessage) => m.components.flatMap((r) => r.components) as { custom_id?: string; label?: string }[];

describe('renderAnswer', () => {
  it('keeps the [n] markers, adds a field per source document and a badge per claim', () => {
    const { message, rest } = renderAnswer(sampleAnswer('What did Pakistan say?'), 'k1', new Date('2026-12-01T10:00:00Z'));
    const e = message.embeds[0]!;
    expect(rest).toBeNull();
    expect(e.title).toBe('What did Pakistan say?');
    expect(e.description).toBe('Pakistan condemned the alleged attack on President Putin’s residence [1]. Russia accused Ukraine; Kyiv rejected the allegation as fabricated [2].');
    const claims = e.fields!.find((f) => f.name === 'Claims')!.value;
    expect(claims).toContain('🔴 disputed · **Russia** (alleges): Ukraine attacked Putin’s residence with drones [2]');
    expect(claims).toContain('⚪ reported · **Pakistan** (condemns)');
    const source = e.fields!.find((f) => f.name.startsWith('[1] [2]'))!;
    expect(source.name).toBe('[1] [2] Pakistan condemns alleged attack on Putin residence');
    expect(source.value).toBe('The Neutral · 2025-12-30 (11 months ago)\nhttps://theneutral.pk/pakistan-condemns');
    expect(message.allowedMentions).toEqual({ parse: [], repliedUser: false });
    expect(buttons(message).map((b) => parseAnswerId(b.custom_id!)?.action)).toEqual(['src', 'up', 'down', 'report', 'watch']);
  });

  it('GIVEN an answer without claims THEN there is nothing to watch and no Watch button', () => {
    const { message } = renderAnswer(sampleAnswer('What did Pakistan say?', { claims: [] }), 'k2');
    expect(buttons(message).map((b) => parseAnswerId(b.custom_id!)?.action)).not.toContain('watch');
  });

  it.each<[ClaimStatus, string]>([
    ['verified', '🟢 verified'], ['refuted', '⚫ refuted'], ['unverified', '🟡 unverified'], ['corroborated', '🔵 corroborated'],
  ])('shows the %s badge', (status, text) => {
    const a = sampleAnswer('q');
    a.claims[0]!.status = status;
    expect(JSON.stringify(renderAnswer(a, 'k').message.embeds)).toContain(text);
  });

  it('renders an abstention plainly, without sources or a Sources button', () => {
    const a = sampleAnswer('Who won the 1930 World Cup?', { abstained: true, citations: [], claims: [], answer: '' });
    const { message } = renderAnswer(a, 'k');
    const e = message.embeds[0]!;
    expect(e.description).toMatch(/^The corpus has nothing on this\./);
    expect(e.fields ?? []).toEqual([]);
    expect(buttons(message).some((b) => b.label === 'Sources')).toBe(false);
  });

  it('GIVEN the app\'s specific abstention THEN the embed keeps that text, not a generic one', () => {
    const text = 'The corpus has no statement by Brazil about the strike. I answer only from the documents in the corpus.';
    const a = sampleAnswer('What did Brazil say about the strike?', { abstained: true, citations: [], claims: [], answer: text });
    expect(renderAnswer(a, 'k').message.embeds[0]!.description).toMatch(/^The corpus has no statement by Brazil about the strike\./);
  });

  it('GIVEN an answer of quoted lines THEN each statement shows once, with its badge, and no Claims field repeats it', () => {
    const a = sampleAnswer('Who condemned it?', {
      answer: 'Who condemned it: Pakistan [1].\n• Pakistan condemned: “Pakistan condemned the alleged attack” [1]\n• Russia alleges it: “Russia accused Ukraine” [2]',
    });
    const e = renderAnswer(a, 'k', new Date('2026-01-02T00:00:00Z')).message.embeds[0]!;
    expect(e.description).toContain('• ⚪ reported · Pakistan condemned: “Pakistan condemned the alleged attack” [1]');
    expect(e.description).toContain('• 🔴 disputed · Russia alleges it: “Russia accused Ukraine” [2]');
    expect(e.description!.split('Pakistan condemned the alleged attack').length).toBe(2);
    expect((e.fields ?? []).some((f) => f.name.startsWith('Claims'))).toBe(false);
    expect(e.fields!.find((f) => f.name.startsWith('[1] [2]'))!.value).toMatch(/^The Neutral · 2025-12-30 \(3 days ago\)/);
  });

  it('escapes markdown and masked links in the answer but not the markers', () => {
    const a = sampleAnswer('q', { answer: 'A **bold** [claim](https://evil.example) [1](https://evil.example) and `code` [2].' });
    const d = renderAnswer(a, 'k').message.embeds[0]!.description!;
    expect(d).toBe('A \\*\\*bold\\*\\* \\[claim\\](https://evil.example) [1]\\(https://evil.example) and \\`code\\` [2].');
  });

  it('cuts a long answer at a sentence boundary, never inside a marker, and "More" continues from there', () => {
    const sentences = Array.from({ length: 300 }, (_, i) => `Claim ${i} is reported by one outlet only [${i + 1}].`);
    const a = sampleAnswer('q', { answer: sentences.join(' ') });
    const { message, rest } = renderAnswer(a, 'k');
    const d = message.embeds[0]!.description!;
    expect(rest).not.toBeNull();
    expect(d).toMatch(/\[\d+\]\.$/);
    expect(a.answer.slice(0, rest!).trim()).toBe(d);
    expect(a.answer.slice(rest!)).toMatch(/^Claim \d+ /);
    const more = buttons(message).find((b) => b.label === 'More')!;
    expect(parseAnswerId(more.custom_id!)).toEqual({ action: 'more', key: 'k', n: rest });
    expect(fitsDiscordLimits(message)).toBe(true);
  });
});

const text = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.constantFrom('@everyone', '<@&123456789012345678>', '[x](https://e.x)', '**', '\\', '`', '||', '\n', '# h', '> q', '😀', '[3]', '. '),
);
const longText = fc.oneof(
  fc.array(text, { maxLength: 8 }).map((parts) => parts.join(' ')),
  fc.array(text, { minLength: 20, maxLength: 60, size: 'max' }).map((parts) => parts.join(' ')),
);
const sentences = fc.array(fc.nat(60), { minLength: 50, maxLength: 900, size: 'max' }).map((ns) => ns.map((n) => `Sentence [${n}].`).join(' '));
const status = fc.constantFrom<ClaimStatus>('verified', 'refuted', 'disputed', 'unverified', 'corroborated', 'reported');

const answerArb: fc.Arbitrary<Answer> = fc
  .record({
    question: fc.oneof(fc.string({ maxLength: 300 }), fc.string({ minLength: 200, maxLength: 2000 })),
    answer: fc.oneof(longText, sentences, fc.string({ minLength: 5000, maxLength: 12000 })),
    citations: fc.array(
      fc.record({
        docId: fc.string({ minLength: 1, maxLength: 40 }),
        title: fc.string({ maxLength: 500 }),
        url: fc.option(fc.webUrl(), { nil: undefined }),
        publisher: fc.option(fc.string({ maxLength: 500 }), { nil: undefined }),
        published: fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
        quote: longText,
      }),
      { maxLength: 40, size: 'medium' },
    ),
    claims: fc.array(
      fc.record({ id: fc.string({ maxLength: 20 }), text: longText, note: fc.option(fc.string({ maxLength: 300 }), { nil: undefined }), speaker: fc.option(fc.string({ maxLength: 300 }), { nil: undefined }), stance: fc.option(fc.string({ maxLength: 100 }), { nil: undefined }), status, citations: fc.array(fc.nat(50), { maxLength: 20 }) }),
      { maxLength: 40, size: 'medium' },
    ),
    abstained: fc.boolean(),
  })
  .map((r) => ({
    ...r,
    citations: r.citations.map((c, i) => ({ ...c, n: i + 1, start: 0, end: c.quote.length })),
    mode: 'extractive' as const,
    timings: {},
  }));

describe('limits hold for any answer (property)', () => {
  it('the answer, every "More" page and every "Sources" page fit Discord limits', () => {
    fc.assert(
      fc.property(answerArb, (a) => {
        const { message, rest } = renderAnswer(a, 'key');
        expect(limitViolations(message)).toEqual([]);
        let offset = rest;
        for (let i = 0; offset !== null && i < 50; i += 1) {
          const page = renderMore(a, offset, 'key');
          expect(limitViolations(page)).toEqual([]);
          const next = buttons(page).find((b) => b.label === 'More');
          const n = next ? parseAnswerId(next.custom_id!)!.n! : null;
          if (n !== null) expect(n).toBeGreaterThan(offset);
          offset = n;
        }
        expect(offset).toBeNull();
        for (let p = 0; p < 20; p += 1) {
          const page = renderSources(a, p, 'key');
          expect(limitViolations(page)).toEqual([]);
          if (!buttons(page).some((b) => b.label === 'Next')) break;
        }
      }),
      { numRuns: 300 },
    );
  });
});
