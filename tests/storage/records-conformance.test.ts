import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Storage } from '../../core/ports.js';
import { checkData } from '../../app/check.js';
import { closeGap, listGaps, recordGap } from '../../app/gaps.js';
import { tempDir } from '../helpers/temp.js';
import { listFeedback, logQuestion, questionStats, recordFeedback } from '../../app/records.js';
import { GRAIN, HARBOUR, ROAD, freshWithRaw, postgresBackend, sqliteBackend } from './storage-fixture.js';

/** SQL that changes a store behind its adapter's back, per adapter (their tables differ). */
const PLANT: Record<string, { editPassage: string; orphan: string }> = {
  sqlite: {
    editPassage: "UPDATE chunks SET text = 'Veloria denied everything.' WHERE id = (SELECT min(id) FROM chunks WHERE doc_id = 'grain')",
    orphan: "DELETE FROM documents WHERE id = 'road'",
  },
  postgres: {
    editPassage: "UPDATE passages SET text = 'Veloria denied everything.' WHERE id = (SELECT min(id) FROM passages WHERE doc_id = 'grain')",
    orphan: "DELETE FROM documents WHERE id = 'road'",
  },
};

const at = (minute: number) => `2026-03-01T10:${String(minute).padStart(2, '0')}:00.000Z`;

describe.each([sqliteBackend, postgresBackend])('GIVEN the $name storage adapter', (backend) => {
  if (backend.skipReason) {
    test.skip(backend.skipReason, () => undefined);
    return;
  }
  let storage: Storage;
  let raw: (sql: string) => Promise<void>;
  let dispose: () => Promise<void>;
  beforeAll(() => backend.setup());
  afterAll(() => backend.teardown());
  beforeEach(async () => ({ storage, raw, dispose } = await freshWithRaw(backend)));
  afterEach(() => dispose());

  test('WHEN questions are logged THEN stats count them with the lower middle latency, rounded to 0.1 ms', async () => {
    expect(await questionStats(storage.records)).toEqual({ questionsAnswered: 0, medianLatencyMs: null });
    for (const ms of [40.04, 1, 3.14159, 900]) await logQuestion(storage.records, 'cli', ms > 100, ms);
    expect(await questionStats(storage.records)).toEqual({ questionsAnswered: 4, medianLatencyMs: 3.1 });
    await logQuestion(storage.records, 'discord', false, 2);
    expect(await questionStats(storage.records)).toEqual({ questionsAnswered: 5, medianLatencyMs: 3.1 });
    await logQuestion(storage.records, 'discord', false, 50);
    expect(await questionStats(storage.records)).toEqual({ questionsAnswered: 6, medianLatencyMs: 3.1 });
    await logQuestion(storage.records, 'discord', false, 60);
    expect(await questionStats(storage.records)).toEqual({ questionsAnswered: 7, medianLatencyMs: 40 });
  });

  test('WHEN feedback is recorded THEN it lists newest first, at most the limit, fields as given', async () => {
    await recordFeedback(storage.records, { kind: 'up', question: 'Who met at the harbour?' });
    const down = await recordFeedback(storage.records, { kind: 'down', question: 'Who met?', answerText: 'Veloria.', userId: 'u1', guildId: 'g1' });
    await recordFeedback(storage.records, { kind: 'report', question: 'Who met?', note: 'wrong quote', channelId: 'c1', messageId: 'm1' });
    const listed = await listFeedback(storage.records, 2);
    expect(listed.map((f) => f.kind)).toEqual(['report', 'down']);
    expect(listed[0]).toMatchObject({ note: 'wrong quote', channelId: 'c1', messageId: 'm1', question: 'Who met?' });
    expect(listed[0]!.userId).toBeUndefined();
    expect(listed[1]).toEqual(down);
    expect(listed[1]!.id).toBeLessThan(listed[0]!.id);
    expect(await listFeedback(storage.records, 10)).toHaveLength(3);
  });

  test('WHEN the bot abstains on wordings THEN exact keys count up, near wordings join, others make new gaps', async () => {
    await recordGap(storage, 'Why did the lighthouse keepers of Marx strike?', at(1));
    await recordGap(storage, 'Did the Marx lighthouse keepers strike?', at(2)); // the same content words
    await recordGap(storage, 'Why did the lighthouse keepers of Marx strike in winter?', at(3)); // 4 of 5 words shared
    await recordGap(storage, 'What tariffs did Osterlich put on cheese?', at(4));
    const gaps = await listGaps(storage.gaps);
    expect(gaps.map((g) => [g.question, g.count])).toEqual([
      ['Why did the lighthouse keepers of Marx strike?', 3], ['What tariffs did Osterlich put on cheese?', 1]]);
    expect(gaps[0]).toMatchObject({ firstAsked: at(1), lastAsked: at(3), examples: [
      'Why did the lighthouse keepers of Marx strike?', 'Did the Marx lighthouse keepers strike?',
      'Why did the lighthouse keepers of Marx strike in winter?'] });
    expect(gaps[0]).not.toHaveProperty('closedAt');
  });

  test('WHEN the same new question is recorded by several callers at once THEN it is one gap counted for each', async () => {
    const q = 'Who signed the Kestrand fishing accord?';
    // Several connections open first (on PostgreSQL), so that the recordings really overlap.
    await Promise.all([1, 2, 3, 4].map(() => listGaps(storage.gaps)));
    await Promise.all([1, 2, 3, 4].map((m) => recordGap(storage, q, at(m))));
    expect((await listGaps(storage.gaps)).map((g) => [g.question, g.count])).toEqual([[q, 4]]);
  });

  test('WHEN gaps are listed and closed THEN most asked first then most recent, closed ones only on request, closed once', async () => {
    await recordGap(storage, 'What tariffs did Osterlich put on cheese?', at(1));
    await recordGap(storage, 'Who signed the Kestrand fishing accord?', at(2));
    await recordGap(storage, 'When will the grain corridor reopen?', at(3));
    await recordGap(storage, 'Who signed the Kestrand fishing accord?', at(4));
    expect((await listGaps(storage.gaps)).map((g) => g.question)).toEqual([
      'Who signed the Kestrand fishing accord?', 'When will the grain corridor reopen?', 'What tariffs did Osterlich put on cheese?']);
    expect(await listGaps(storage.gaps, { limit: 2 })).toHaveLength(2);
    const grain = (await listGaps(storage.gaps)).find((g) => g.question.includes('grain'))!;
    expect(await closeGap(storage.gaps, grain.id, ['grain', 'road', 'grain'], at(9))).toBe(true);
    expect(await closeGap(storage.gaps, grain.id, ['other'], at(10))).toBe(false);
    expect((await listGaps(storage.gaps)).map((g) => g.question)).not.toContain('When will the grain corridor reopen?');
    const all = await listGaps(storage.gaps, { closed: true });
    expect(all).toHaveLength(3);
    expect(all.find((g) => g.id === grain.id)).toMatchObject({ closedAt: at(9), closedBy: ['grain', 'road'] });
    // A closed gap is not counted into: the same question asked again opens a new one.
    await recordGap(storage, 'When will the grain corridor reopen?', at(11));
    expect((await listGaps(storage.gaps)).find((g) => g.question.includes('grain'))).toMatchObject({ count: 1, firstAsked: at(11) });
  });

  test('WHEN the store is checked THEN a sound one has no problems, and a passage changed behind its back is reported', async () => {
    await storage.documents.insertDocuments([HARBOUR, GRAIN, ROAD]);
    expect(await storage.integrity.check({ vectorBytes: 16 })).toEqual([]);
    await raw(PLANT[backend.name]!.editPassage);
    const problems = await storage.integrity.check();
    expect(problems.map((p) => p.problem)).toContainEqual(expect.stringMatching(/^chunk \d+ of grain does not match its offsets$/));
    expect(problems.find((p) => p.problem.includes('offsets'))!.fix).toMatch(/remove grain/);
  });

  test('WHEN passages lose their document or vectors have another length THEN the check reports them', async () => {
    await storage.documents.insertDocuments([HARBOUR, GRAIN, ROAD]);
    expect((await storage.integrity.check({ vectorBytes: 12 })).map((p) => p.problem))
      .toContainEqual(expect.stringMatching(/^5 .* vector is not 12 bytes long$/));
    await raw(PLANT[backend.name]!.orphan);
    expect((await storage.integrity.check()).map((p) => p.problem)).toContainEqual(expect.stringMatching(/^1 (chunks|passages) without a document$/));
  });

  test('WHEN `corpus check` runs over the adapter THEN it counts the store and reports the embedder and the index on disk', async () => {
    await storage.documents.insertDocuments([HARBOUR, GRAIN, ROAD]);
    await storage.meta.set('embedder', 'builtin-a');
    const { dir, cleanup } = tempDir('dd-check-');
    try {
      const report = await checkData(storage, dir, 'builtin-b');
      expect(report).toMatchObject({ ok: false, documents: 3, chunks: 5, indexSize: null });
      expect(report.problems.map((p) => p.problem)).toEqual([
        'stored vectors were made by builtin-a, configured embedder is builtin-b', 'no readable vector index on disk']);
    } finally {
      cleanup();
    }
  });
});
