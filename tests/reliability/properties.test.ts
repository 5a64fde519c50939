import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInternals } from '../../app/create-app.js';
import { isUserError } from '../../core/errors.js';
import { documentProblems } from '../../bench/reliability/fingerprint.js';
import { answerProblems } from '../../bench/reliability/load.js';
import { loadBytes, normalizeText } from '../../corpus/loaders/index.js';
import { analyzeQuestion, type QuestionAnalysis } from '../../retrieval/question.js';
import { renderAnswer } from '../../bot/render/answer.js';
import { renderMore, renderSources } from '../../bot/render/pages.js';
import { injectionProblems } from './discord-checks.js';
import { testApp } from '../helpers/app.js';
import { gazetteer } from '../helpers/deps.js';

// Complements the properties in tests/corpus/chunker.test.ts (chunk spans), tests/corpus/loaders/normalize.test.ts
// (loadText) and tests/bot/render.test.ts (renderer limits): here the question analyser, answer(), uploads of
// any bytes, and documents stored end to end.
const WORDS = ['What', 'did', 'Who', 'Did', 'Is it true that', 'Pakistan', 'Pakistani', "Putin's", 'Ukraine', 'the ministry',
  'say', 'said', 'about', 'on', 'condemned', 'attack', 'residence', 'in 2023', 'at the UN General Debate', '?', 'and',
  '"', '*', 'NEAR(', 'AND', 'OR', 'NOT', '^', ':', '-', '(', ')', '{', '@everyone', '<@&123>', '[1](https://x.example)',
  '\u0000', '\u200b', '🇵🇰', 'İ', 'ǅ', '\n', 'disputed', 'unverified'];
const question = fc.oneof(
  fc.string({ maxLength: 120 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.array(fc.constantFrom(...WORDS), { maxLength: 14 }).map((ws) => ws.join(' ')),
);
const TERM = /^[\p{L}\p{N}]+$/u;

function wellFormed(a: QuestionAnalysis, input: string): void {
  expect(a.question).toBe(input.trim().replace(/\s+/g, ' '));
  expect(['statements', 'verify', 'who', 'status', 'topic']).toContain(a.intent);
  expect(new Set(a.actors.map((x) => x.id)).size).toBe(a.actors.length);
  for (const x of [...a.actors, ...(a.speaker ? [a.speaker] : [])]) expect(x.id).toMatch(/\S/);
  if (a.speakerPhrase !== undefined) expect(a.speakerPhrase.trim()).not.toBe('');
  for (const list of [a.topicTerms, a.aboutTerms, a.subjectTerms]) {
    for (const t of list) expect(t).toMatch(TERM);
  }
  if (a.year !== undefined) expect(a.year).toMatch(/^(19|20)\d{2}$/);
  if (a.stanceVerb !== undefined) expect(a.stanceVerb).toBe(a.stanceVerb.toLowerCase());
  expect(typeof a.inheritedTopic).toBe('boolean');
}

describe('analyzeQuestion (property)', () => {
  it('GIVEN any string, with or without an earlier question THEN it never throws and every field is well formed', () => {
    fc.assert(fc.property(question, fc.option(question), (q, prev) => {
      const follow = prev === null ? undefined : analyzeQuestion(prev, gazetteer);
      wellFormed(analyzeQuestion(q, gazetteer, follow), q);
    }), { numRuns: 400 });
  });
});

describe('answer() and adding text (property, bundled documents)', () => {
  let app: AppInternals;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ app, cleanup } = await testApp());
    await app.addDocument({ kind: 'text', text: 'Pakistan said @everyone and <@&123> must read [the statement](https://evil.example) **now**.\n' +
      '> The ministry said the attack on the residence was ||alleged|| and `unverified`, @here.' });
  });
  afterAll(async () => cleanup());

  it('GIVEN any question THEN answer() resolves or throws a UserError, and every citation is the document text at its offsets', async () => {
    await fc.assert(fc.asyncProperty(question, async (q) => {
      const result = await app.answer(q).catch((err: unknown) => err);
      if (result instanceof Error || !('citations' in (result as object))) {
        expect(isUserError(result), String(result)).toBe(true);
        return;
      }
      const a = result as Awaited<ReturnType<AppInternals['answer']>>;
      expect(await answerProblems(app, a)).toEqual([]);
      if (!a.abstained) expect(a.citations.length).toBeGreaterThan(0);
      // The Discord rendering of it (tests/bot/render.test.ts checks made-up answers; these are real ones).
      const { message, rest } = renderAnswer(a, 'k');
      const pages = [message, ...(rest === null ? [] : [renderMore(a, rest, 'k')]), renderSources(a, 0, 'k')];
      for (const p of pages) expect(injectionProblems(p, false)).toEqual([]);
    }), { numRuns: 150 });
  });

  it('GIVEN any pasted text THEN it is refused with a UserError or stored whole: every chunk is its text at its offsets', async () => {
    const sentence = fc.array(fc.constantFrom('Kenya', 'welcomed', 'the', 'U.S.', 'Mr.', 'talks', '3.5', '🇰🇪', 'é', 'e\u0301', '\r\n', '\n\n', '.', '!', '?', '"'), { maxLength: 30 })
      .map((ws) => ws.join(' '));
    await fc.assert(fc.asyncProperty(fc.oneof(sentence, fc.string({ maxLength: 600 }), fc.string({ unit: 'grapheme', maxLength: 300 })), async (text) => {
      const res = await app.addDocument({ kind: 'text', text }).catch((err: unknown) => err);
      if (res instanceof Error) {
        expect(isUserError(res), String(res)).toBe(true);
        return;
      }
      const stored = (await app.deps.storage.documents.getDocument((res as { id: string }).id))!;
      expect(normalizeText(stored.text)).toBe(stored.text);
    }), { numRuns: 120 });
    expect((await documentProblems(app.deps.storage))).toEqual([]);
  });
});

describe('uploads of any bytes (property)', () => {
  const names = ['a.txt', 'a.md', 'a.html', 'a.pdf', 'a.jsonl', 'upload', 'a.exe', '../../x.md'];
  const types = [undefined, 'text/plain', 'text/html; charset=windows-1252', 'text/html; charset=utf-16le', 'application/pdf', 'text/plain; charset=bogus', 'image/png'];
  const bytes = fc.oneof(
    fc.uint8Array({ maxLength: 3000 }),
    fc.string({ unit: 'grapheme', maxLength: 500 }).map((s) => new Uint8Array(Buffer.from(s))),
    fc.uint8Array({ maxLength: 1500 }).map((b) => new Uint8Array(Buffer.concat([Buffer.from('%PDF-1.4\n'), b]))),
    fc.string({ maxLength: 400 }).map((s) => new Uint8Array(Buffer.from(`<html><body><p>${s}</p><script>${s}</script></body></html>`))),
  );
  it('GIVEN any bytes, file name and content type THEN loadBytes returns normalised, non-empty text or throws a UserError', async () => {
    await fc.assert(fc.asyncProperty(bytes, fc.constantFrom(...names), fc.constantFrom(...types), async (b, name, type) => {
      const res = await loadBytes(b, name, type, { maxBytes: 2500, fetchTimeoutMs: 1000 }).catch((err: unknown) => err);
      if (res instanceof Error) {
        expect(isUserError(res), String(res)).toBe(true);
        expect(res.message).not.toContain('\n');
        return;
      }
      const doc = res as Awaited<ReturnType<typeof loadBytes>>;
      expect(doc.text.trim()).not.toBe('');
      expect(normalizeText(doc.text)).toBe(doc.text);
    }), { numRuns: 250 });
  });
});
