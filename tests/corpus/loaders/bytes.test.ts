import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBytes, loadPath, type LoadOptions } from '../../../corpus/loaders/index.js';
import { makePdf } from '../../fixtures/loaders/make-pdf.js';

const opts: LoadOptions = { maxBytes: 2_000, fetchTimeoutMs: 2_000 };
const utf8 = (s: string) => new TextEncoder().encode(s);
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'loaders-bytes-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('uploads (loadBytes)', () => {
  it('GIVEN a Markdown attachment THEN it is parsed like a .md file', async () => {
    const doc = await loadBytes(utf8('---\ntitle: Upload\n---\nText of the upload.'), 'notes.md', 'application/octet-stream', opts);
    expect(doc).toEqual({ meta: { title: 'Upload' }, text: 'Text of the upload.', origin: 'notes.md' });
  });

  it('GIVEN a file name without a known extension THEN the content type decides', async () => {
    expect((await loadBytes(utf8('<p>Hello there.</p>'), 'page', 'text/html; charset=utf-8', opts)).text).toBe('Hello there.');
    expect((await loadBytes(utf8('Plain words.'), 'message', 'text/plain', opts)).text).toBe('Plain words.');
    expect((await loadBytes(makePdf([['From a PDF.']]), 'blob', 'application/pdf', opts)).text).toBe('From a PDF.');
  });

  it('GIVEN neither a known extension nor a known content type THEN UNSUPPORTED_TYPE', async () => {
    await expect(loadBytes(utf8('x'), 'photo.png', 'image/png', opts)).rejects.toMatchObject({ code: 'UNSUPPORTED_TYPE' });
    await expect(loadBytes(utf8('x'), 'noext', undefined, opts)).rejects.toMatchObject({ code: 'UNSUPPORTED_TYPE' });
  });

  it('GIVEN an upload over maxBytes THEN FILE_TOO_LARGE', async () => {
    await expect(loadBytes(new Uint8Array(opts.maxBytes + 1).fill(65), 'big.txt', 'text/plain', opts))
      .rejects.toMatchObject({ code: 'FILE_TOO_LARGE', params: { size: opts.maxBytes + 1, limit: opts.maxBytes } });
  });

  it('GIVEN a file name with folders in it THEN only its base name is used', async () => {
    const doc = await loadBytes(utf8('Text.'), '../../etc/evil-name.txt', 'text/plain', opts);
    expect(doc.origin).toBe('evil-name.txt');
    expect(doc.meta.title).toBe('evil name');
    expect((await loadBytes(utf8('Text.'), 'C:\\Users\\x\\win-name.txt', undefined, opts)).origin).toBe('win-name.txt');
  });

  it('GIVEN a charset in the content type THEN the bytes are decoded with it', async () => {
    const latin1 = new Uint8Array(Buffer.from('D\xe9claration', 'latin1'));
    expect((await loadBytes(latin1, 'note.txt', 'text/plain; charset=ISO-8859-1', opts)).text).toBe('Déclaration');
    await expect(loadBytes(latin1, 'note.txt', 'text/plain', opts)).rejects.toMatchObject({ code: 'BINARY_CONTENT' });
  });

  it('GIVEN a JSONL upload THEN JSONL_IS_COLLECTION points to the import command', async () => {
    await expect(loadBytes(utf8('{"text":"a"}'), 'items.jsonl', undefined, opts)).rejects.toMatchObject({ code: 'JSONL_IS_COLLECTION' });
  });

  it('GIVEN a folder with a document extension THEN BAD_DOCUMENT, not a crash', async () => {
    const folder = join(dir, 'folder.md');
    await mkdir(folder);
    await expect(loadPath(folder, opts)).rejects.toMatchObject({ code: 'BAD_DOCUMENT' });
  });
});
