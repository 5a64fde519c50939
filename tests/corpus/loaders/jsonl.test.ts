import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJsonl, type JsonlFormat, type JsonlItem, type LoadOptions } from '../../../corpus/loaders/index.js';

const opts: LoadOptions = { maxBytes: 10_000, fetchTimeoutMs: 2_000 };
const EVAL = '/work/shared/eval';
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'loaders-jsonl-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function jsonl(name: string, lines: (string | object)[], eol = '\n'): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join(eol) + eol);
  return path;
}

async function all(path: string, format?: JsonlFormat, maxBytes = opts.maxBytes): Promise<JsonlItem[]> {
  const out: JsonlItem[] = [];
  for await (const item of readJsonl(path, { ...opts, maxBytes, format })) out.push(item);
  return out;
}

// Records written for these tests, shaped like the three evaluation corpora.
const UN = { id: 'PAK_78_2023', country_iso3: 'PAK', session: 78, year: 2023, text: 'Mr. President, Pakistan calls for dialogue.\nWe reject the use of force.' };
const WIKI = {
  id: '2025-12-29-004', date: '2025-12-29', category: 'International relations',
  topic_path: ['Russo-Ukrainian war', 'Peace negotiations'],
  text: 'Russia says Ukraine attacked a presidential residence with drones; Ukraine denies it.',
  sources: [{ outlet: 'Reuters', url: 'https://www.reuters.com/world/example' }, { outlet: 'BBC News' }],
  wiki_entities: [{ text: 'Russia', wiki: 'Russia' }],
};
const STATE = {
  id: 'https://www.state.gov/?page_id=1', title: 'On the Situation in the Region', url: 'https://www.state.gov/on-the-situation/',
  author: 'Office of the Spokesperson', published: '2022-03-01T12:00:00+00:00', categories: ['Europe'],
  text: 'The United States condemns the attack.',
};

describe('readJsonl', () => {
  it('GIVEN a UN General Debate record THEN the country, session and year make the metadata', async () => {
    const [item] = await all(await jsonl('un.jsonl', [UN]));
    expect(item).toMatchObject({ line: 1 });
    expect(item!.doc!.meta).toEqual({
      id: 'PAK_78_2023', title: 'Pakistan at the UN General Debate, session 78 (2023)',
      publisher: 'United Nations General Assembly', kind: 'transcript', published: '2023', speaker: 'Pakistan',
      language: 'en', licence: 'UN General Debate Corpus (Baturo, Dasandi, Mikhaylov/Jankin), CC0',
    });
    expect(item!.doc!.text).toBe(UN.text);
  });

  it('GIVEN a Current events record THEN the topic path and date make the title and the outlets the sources', async () => {
    const [item] = await all(await jsonl('wiki.jsonl', [WIKI]));
    expect(item!.doc!.meta).toEqual({
      id: '2025-12-29-004', title: 'Russo-Ukrainian war – Peace negotiations (2025-12-29)',
      publisher: 'Wikipedia, Portal:Current events', kind: 'encyclopedia item', published: '2025-12-29',
      url: 'https://www.reuters.com/world/example',
      sources: [{ outlet: 'Reuters', url: 'https://www.reuters.com/world/example' }, { outlet: 'BBC News' }],
      language: 'en', licence: 'CC BY-SA 4.0, Wikipedia contributors, Portal:Current events',
    });
  });

  it('GIVEN a Current events record without a topic path THEN the category is the title', async () => {
    const [item] = await all(await jsonl('wiki-cat.jsonl', [{ ...WIKI, topic_path: [] }]), 'current-events');
    expect(item!.doc!.meta.title).toBe('International relations (2025-12-29)');
  });

  it('GIVEN a State Department record THEN it is an official statement by the United States', async () => {
    const [item] = await all(await jsonl('state.jsonl', [STATE]));
    expect(item!.doc!.meta).toEqual({
      id: STATE.id, title: STATE.title, url: STATE.url, published: STATE.published,
      publisher: 'U.S. Department of State', kind: 'official statement', speaker: 'United States',
      language: 'en', licence: 'US federal government work: public domain',
    });
  });

  it('GIVEN a generic record THEN text is required and the meta keys are read', async () => {
    const items = await all(await jsonl('generic.jsonl', [
      { text: 'Body one.', title: 'One', kind: 'news report', published: '2025-06', sources: [{ outlet: 'AP' }], extra: 1 },
      { title: 'No text' },
    ]), 'generic');
    expect(items[0]!.doc!.meta).toEqual({ title: 'One', kind: 'news report', published: '2025-06', sources: [{ outlet: 'AP' }] });
    expect(items[1]).toEqual({ line: 2, error: '"text" is missing' });
  });

  it('GIVEN the EU at the General Debate THEN the speaker is the European Union', async () => {
    const [item] = await all(await jsonl('eu.jsonl', [{ ...UN, id: 'EU_78_2023', country_iso3: 'EU' }]));
    expect(item!.doc!.meta.speaker).toBe('European Union');
  });

  it('GIVEN broken lines among good ones THEN good lines load and bad ones are reported by their line number', async () => {
    const path = await jsonl('mixed.jsonl', [
      UN,                                  // 1
      '{"id": "broken", "text": ',         // 2: invalid JSON
      '',                                  // 3: blank, skipped
      { id: 'x', text: '   ' },            // 4: empty text
      '[1, 2, 3]',                         // 5: not an object
      { ...WIKI, date: '2027-12-05' },     // 6: more than a year ahead
      { ...STATE, text: 42 },              // 7: text is not a string
      { ...UN, session: 'seventy' },       // 8: session not a number
      { ...WIKI, id: 'ok-2' },             // 9
      { text: 'zero\u0000byte' },          // 10: binary
    ], '\r\n');
    const items = await all(path);
    expect(items.map((i) => [i.line, i.doc ? 'doc' : 'error'])).toEqual([
      [1, 'doc'], [2, 'error'], [4, 'error'], [5, 'error'], [6, 'error'], [7, 'error'], [8, 'error'], [9, 'doc'], [10, 'error'],
    ]);
    expect(items.find((i) => i.line === 2)!.error).toMatch(/^invalid JSON/);
    expect(items.find((i) => i.line === 4)!.error).toMatch(/no text/);
    expect(items.find((i) => i.line === 6)!.error).toMatch(/2027-12-05/);
    expect(items.find((i) => i.line === 10)!.error).toMatch(/does not look like text/);
  });

  it('GIVEN a line longer than maxBytes THEN only that line fails and the next still loads', async () => {
    const path = await jsonl('long.jsonl', [{ text: 'x'.repeat(5_000) }, { text: 'short' }, '{"text": "tail without newline"}']);
    const items = await all(path, 'auto', 1_000);
    expect(items[0]).toMatchObject({ line: 1, error: expect.stringMatching(/too large/) });
    expect(items[1]!.doc!.text).toBe('short');
    expect(items[2]!.doc!.text).toBe('tail without newline');
  });

  it('GIVEN a line of invalid UTF-8 THEN that line is reported', async () => {
    const path = join(dir, 'latin1.jsonl');
    await writeFile(path, Buffer.concat([Buffer.from('{"text":"ok"}\n{"text":"caf'), Buffer.from([0xe9]), Buffer.from('"}\n')]));
    const items = await all(path);
    expect(items[0]!.doc!.text).toBe('ok');
    expect(items[1]).toMatchObject({ line: 2, error: expect.stringMatching(/does not look like text/) });
  });

  it('GIVEN a forced format that the record does not fit THEN the line names the missing field', async () => {
    const [item] = await all(await jsonl('forced.jsonl', [STATE]), 'un-debate');
    expect(item).toEqual({ line: 1, error: '"country_iso3" is missing' });
  });

  it('GIVEN a missing file, an empty file or an unknown format THEN a UserError', async () => {
    await expect(all(join(dir, 'none.jsonl'))).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
    await expect(all(await jsonl('empty.jsonl', ['', '  ']))).rejects.toMatchObject({ code: 'EMPTY_DOCUMENT' });
    await expect(all(await jsonl('fmt.jsonl', [UN]), 'csv' as JsonlFormat)).rejects.toMatchObject({ code: 'USAGE' });
  });

  it('GIVEN 20,000 lines THEN it streams them all with the right numbers', async () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => ({ id: `n${i + 1}`, text: `Item ${i + 1}.` }));
    const items = await all(await jsonl('many.jsonl', lines));
    expect(items).toHaveLength(20_000);
    expect(items[19_999]).toMatchObject({ line: 20_000, doc: { meta: { id: 'n20000' }, text: 'Item 20000.' } });
  });

  for (const folder of ['un_general_debate', 'wikipedia_current_events', 'state_dept_press']) {
    const path = join(EVAL, folder);
    it.skipIf(!existsSync(path))(`GIVEN the real ${folder} corpus THEN auto recognises its first record`, async () => {
      const file = join(path, readdirSync(path).filter((f) => f.endsWith('.jsonl')).sort()[0]!);
      const iterator = readJsonl(file, { ...opts, maxBytes: 4_000_000 });
      const first = (await iterator.next()).value as JsonlItem;
      await iterator.return(undefined);
      expect(first.error).toBeUndefined();
      const kind = { un_general_debate: 'transcript', wikipedia_current_events: 'encyclopedia item', state_dept_press: 'official statement' }[folder];
      expect(first.doc!.meta.kind).toBe(kind);
      expect(first.doc!.meta.id).toBeTruthy();
      expect(first.doc!.text.length).toBeGreaterThan(20);
    });
  }
});
