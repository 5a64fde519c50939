import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../../core/errors.js';
import { loadPath, loadText, type LoadOptions } from '../../../corpus/loaders/index.js';

const opts: LoadOptions = { maxBytes: 10_000, fetchTimeoutMs: 2_000 };
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'loaders-text-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

// The code of the UserError a call throws (fails the test when it throws anything else).
async function codeOf(run: () => unknown): Promise<string> {
  try {
    await run();
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    return (err as UserError).code;
  }
  throw new Error('expected a UserError, but nothing was thrown');
}

const ARTICLE = `---
id: pk-statement
title: "Pakistan condemns the alleged attack"
publisher: Dawn
url: https://www.dawn.com/news/1
published: 2025-12-30
kind: news report
language: en
speaker: 'Pakistan''s Foreign Office'
licence: CC BY 4.0
---

# Heading in the body

Pakistan "strongly condemned" the **alleged** attack.
`;

describe('Markdown and text files', () => {
  it('GIVEN Markdown with front matter THEN the meta is read and the body is kept as is', async () => {
    const doc = await loadPath(await file('article.md', ARTICLE), opts);
    expect(doc.meta).toEqual({
      id: 'pk-statement', title: 'Pakistan condemns the alleged attack', publisher: 'Dawn',
      url: 'https://www.dawn.com/news/1', published: '2025-12-30', kind: 'news report', language: 'en',
      speaker: "Pakistan's Foreign Office", licence: 'CC BY 4.0',
    });
    expect(doc.text).toBe('# Heading in the body\n\nPakistan "strongly condemned" the **alleged** attack.');
    expect(doc.origin).toMatch(/article\.md$/);
  });

  it('GIVEN no front matter and a first-line heading THEN the heading is the title', async () => {
    const doc = await loadPath(await file('notes.markdown', '## Talks in Geneva ##\n\nDelegates met.'), opts);
    expect(doc.meta.title).toBe('Talks in Geneva');
    expect(doc.text).toBe('## Talks in Geneva ##\n\nDelegates met.');
  });

  it('GIVEN no front matter and no heading THEN the title comes from the file name', async () => {
    const doc = await loadPath(await file('un-security_council-briefing.txt', 'The Council met on Monday.\r\n'), opts);
    expect(doc.meta.title).toBe('un security council briefing');
    expect(doc.text).toBe('The Council met on Monday.');
  });

  it('GIVEN a front matter key that is not known THEN BAD_FRONT_MATTER names the key', async () => {
    const path = await file('bad-key.md', '---\ntitle: A\nauthor: Someone\n---\nBody.');
    await expect(loadPath(path, opts)).rejects.toThrow(/unknown key "author"/);
    expect(await codeOf(() => loadPath(path, opts))).toBe('BAD_FRONT_MATTER');
  });

  it('GIVEN front matter that is never closed or has a line without a colon THEN BAD_FRONT_MATTER', async () => {
    expect(await codeOf(() => loadText('---\ntitle: A\nBody without end'))).toBe('BAD_FRONT_MATTER');
    expect(await codeOf(() => loadText('---\njust words\n---\nBody'))).toBe('BAD_FRONT_MATTER');
  });

  it('GIVEN a kind that is not one of the document kinds THEN BAD_METADATA', async () => {
    expect(await codeOf(() => loadText('---\nkind: rumour\n---\nBody'))).toBe('BAD_METADATA');
  });

  it.each(['1066-10-14', '3024-01-01', '2025-02-30', '2025-13', 'yesterday', '12/30/2025', '2025-12-30T25:00:00Z'])(
    'GIVEN the absurd published date %s THEN BAD_METADATA names the value',
    async (date) => {
      const err = await loadPath(await file(`date-${date.replace(/\W/g, '')}.md`, `---\npublished: ${date}\n---\nBody.`), opts).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UserError);
      expect((err as UserError).code).toBe('BAD_METADATA');
      expect((err as UserError).message).toContain(date);
    },
  );

  it.each(['1850', '2024-02', '2024-02-29', '2021-05-20T22:14:56+00:00', '2025-01-01T10:00:00.123Z'])(
    'GIVEN the real published date %s THEN it is kept',
    (date) => {
      expect(loadText(`---\npublished: "${date}"\n---\nBody.`).meta.published).toBe(date);
    },
  );

  it('GIVEN an empty file or one with only white space THEN EMPTY_DOCUMENT', async () => {
    expect(await codeOf(async () => loadPath(await file('empty.txt', ''), opts))).toBe('EMPTY_DOCUMENT');
    expect(await codeOf(async () => loadPath(await file('blank.md', ' \n\t\r\n  \n'), opts))).toBe('EMPTY_DOCUMENT');
    expect(await codeOf(async () => loadPath(await file('only-front.md', '---\ntitle: X\n---\n\n'), opts))).toBe('EMPTY_DOCUMENT');
  });

  it('GIVEN binary data named .txt THEN BINARY_CONTENT', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    expect(await codeOf(async () => loadPath(await file('image.txt', png), opts))).toBe('BINARY_CONTENT');
  });

  it('GIVEN invalid UTF-8 THEN BINARY_CONTENT', async () => {
    const latin1 = Buffer.from('Caf\xe9 au lait, d\xe9j\xe0 vu', 'latin1');
    expect(await codeOf(async () => loadPath(await file('latin1.txt', latin1), opts))).toBe('BINARY_CONTENT');
  });

  it('GIVEN text full of control characters but no NUL THEN BINARY_CONTENT', async () => {
    const junk = 'ab\u0001\u0002\u0003\u0004cd\u0005\u0006\u0007\u0008'.repeat(20);
    expect(await codeOf(async () => loadPath(await file('junk.md', junk), opts))).toBe('BINARY_CONTENT');
    expect(await codeOf(() => loadText(`fine text\u0000`))).toBe('BINARY_CONTENT');
  });

  it('GIVEN a file over maxBytes THEN FILE_TOO_LARGE before it is parsed', async () => {
    const path = await file('big.txt', 'x'.repeat(opts.maxBytes + 1));
    const err = (await loadPath(path, opts).catch((e: unknown) => e)) as UserError;
    expect(err.code).toBe('FILE_TOO_LARGE');
    expect(err.params).toMatchObject({ size: opts.maxBytes + 1, limit: opts.maxBytes });
  });

  it('GIVEN a file of exactly maxBytes THEN it loads', async () => {
    const doc = await loadPath(await file('exact.txt', 'y'.repeat(opts.maxBytes)), opts);
    expect(doc.text.length).toBe(opts.maxBytes);
  });

  it('GIVEN a missing file, a folder, a .jsonl or an unknown extension THEN a clear error code', async () => {
    expect(await codeOf(() => loadPath(join(dir, 'nope.md'), opts))).toBe('FILE_NOT_FOUND');
    expect(await codeOf(() => loadPath(join(dir, 'nope', 'deeper.md'), opts))).toBe('FILE_NOT_FOUND');
    expect(await codeOf(() => loadPath(dir + '.md', opts))).toBe('FILE_NOT_FOUND');
    expect(await codeOf(async () => loadPath(await file('items.jsonl', '{"text":"a"}\n'), opts))).toBe('JSONL_IS_COLLECTION');
    expect(await codeOf(async () => loadPath(await file('sheet.docx', 'text'), opts))).toBe('UNSUPPORTED_TYPE');
  });
});

describe('loadText (pasted text)', () => {
  it('GIVEN plain pasted text THEN the first line is the title and the text is normalised', () => {
    const doc = loadText('Russia said the drones were shot down.  \r\n\r\n\r\n\r\nKyiv denied it.');
    expect(doc.text).toBe('Russia said the drones were shot down.\n\nKyiv denied it.');
    expect(doc.meta.title).toBe('Russia said the drones were shot down.');
    expect(doc.origin).toBe('Pasted text');
  });

  it('GIVEN explicit meta and front matter THEN the explicit meta wins and is checked', () => {
    const doc = loadText('---\ntitle: From front matter\npublisher: A\n---\nBody', { title: 'Given', published: '2025-12-31' }, 'msg');
    expect(doc.meta).toMatchObject({ title: 'Given', publisher: 'A', published: '2025-12-31' });
    expect(doc.origin).toBe('msg');
    expect(() => loadText('Body', { published: '1700' })).toThrow(UserError);
    expect(() => loadText('Body', { url: 'javascript:alert(1)' })).toThrow(/url/);
  });

  it('GIVEN a very long first line THEN the derived title is shortened on a word boundary', () => {
    const title = loadText(`${'word '.repeat(40)}end`).meta.title!;
    expect(title.length).toBeLessThanOrEqual(81);
    expect(title.endsWith('…')).toBe(true);
  });

  it('GIVEN an empty or blank paste THEN EMPTY_DOCUMENT', async () => {
    expect(await codeOf(() => loadText(''))).toBe('EMPTY_DOCUMENT');
    expect(await codeOf(() => loadText(' \n \u00a0 \t'))).toBe('EMPTY_DOCUMENT');
  });
});
