import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInternals } from '../../../app/create-app.js';
import { createApp } from '../../../app/create-app.js';
import { loadConfig } from '../../../app/config.js';
import { tempDir } from '../../helpers/temp.js';

const FIXTURES = path.join(import.meta.dirname, '..', '..', 'fixtures', 'languages');
const FIXTURE = path.join(FIXTURES, 'ru-mfa-statement.md');

let app: AppInternals;
let cleanup: () => void;
beforeAll(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  app = await createApp(loadConfig({ overrides: { DATA_DIR: t.dir } }));
  await app.addDocument({ kind: 'path', path: FIXTURE });
  await app.addDocument({ kind: 'path', path: path.join(FIXTURES, 'zh-mfa-remarks.md') });
  await app.addDocument({ kind: 'path', path: path.join(FIXTURES, 'uk-mfa-statement.md') });
  await app.addDocument({ kind: 'path', path: path.join(FIXTURES, 'ur-fo-statement.md') });
}, 60_000);
afterAll(async () => {
  await app?.close();
  cleanup?.();
});

describe('a Russian document added to the bundled corpus', () => {
  it('GIVEN its front matter THEN its language is stored and its speaker resolves to Russia', async () => {
    const doc = (await app.listDocuments()).find((d) => d.id === 'ru-mfa-statement-test')!;
    expect(doc.language).toBe('ru');
    expect(await app.deps.storage.vectors.speakerCount('RUS')).toBeGreaterThan(0);
  });

  it.each([['What did Russia say?', 'en'], ['Что заявил МИД России?', 'ru'], ['What did Russia say about the drones?', 'en']])(
    'GIVEN "%s" THEN the statement is cited, quoted in Russian exactly as stored', async (q, locale) => {
      const a = await app.answer(q);
      expect(a.locale).toBe(locale);
      const c = a.citations.find((x) => x.docId === 'ru-mfa-statement-test');
      expect(c, a.answer).toBeDefined();
      const body = (await app.deps.storage.documents.getDocument('ru-mfa-statement-test'))!.text;
      expect(body.slice(c!.start, c!.end)).toBe(c!.quote);
      expect(c!.quote).toMatch(/[А-Яа-я]/);
    });

  it('GIVEN a Russian question on the domain words only THEN the statement is found by them ("атака беспилотников")', async () => {
    const a = await app.answer('Что говорили об атаке беспилотников на резиденцию?');
    expect(a.citations.map((c) => c.docId)).toContain('ru-mfa-statement-test');
  });

  it('GIVEN no document in a language THEN a question in it about an absent actor abstains in that language', async () => {
    const a = await app.answer('Что заявила Исландия?');
    expect(a.abstained).toBe(true);
    expect(a.answer).toMatch(/^В корпусе нет/);
  });
});

describe('a Chinese document (words not separated by spaces)', () => {
  it.each([['中国就袭击官邸说了什么？'], ['What did China say about the attack on the residence?']])(
    'GIVEN "%s" THEN the remarks are found through the segmented index and quoted verbatim', async (q) => {
      const a = await app.answer(q);
      const c = a.citations.find((x) => x.docId === 'zh-mfa-remarks-test');
      expect(c, a.answer).toBeDefined();
      expect((await app.deps.storage.documents.getDocument('zh-mfa-remarks-test'))!.text.slice(c!.start, c!.end)).toBe(c!.quote);
    });

  it('GIVEN the document is removed THEN the segmented index no longer finds it', async () => {
    expect(await app.deps.storage.lexical.search({ terms: ['官邸'], segmented: true }, { limit: 5 })).toHaveLength(1);
    await app.removeDocument('zh-mfa-remarks-test');
    expect(await app.deps.storage.lexical.search({ terms: ['官邸'], segmented: true }, { limit: 5 })).toHaveLength(0);
  });
});

describe('Ukrainian and Urdu documents', () => {
  it.each([
    ['What did Ukraine say about the drones?', 'uk-mfa-statement-test', 'UKR'],
    ['Що заявила Україна?', 'uk-mfa-statement-test', 'UKR'],
    ['What did Pakistan say about the drone attack?', 'ur-fo-statement-test', 'PAK'],
    ['پاکستان نے ڈرون حملے کے بارے میں کیا کہا؟', 'ur-fo-statement-test', 'PAK'],
  ])('GIVEN "%s" THEN %s is cited, its speaker resolved from its own script', async (q, id, actor) => {
    const a = await app.answer(q);
    expect(a.citations.map((c) => c.docId), a.answer).toContain(id);
    const own = (await app.deps.storage.vectors.ofSpeaker(actor)).map((c) => c.text);
    const body = (await app.deps.storage.documents.getDocument(id))!.text;
    expect(own.some((t) => body.includes(t))).toBe(true);
  });
});
