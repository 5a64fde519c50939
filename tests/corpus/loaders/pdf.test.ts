import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBytes, loadPath, type LoadOptions } from '../../../corpus/loaders/index.js';
import { makePdf } from '../../fixtures/loaders/make-pdf.js';

const opts: LoadOptions = { maxBytes: 1_000_000, fetchTimeoutMs: 2_000 };
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'loaders-pdf-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('PDF', () => {
  it('GIVEN a PDF with a text layer on two pages THEN the pages are joined by a blank line', async () => {
    const path = join(dir, 'joint-statement.pdf');
    await writeFile(path, makePdf([['Joint statement (draft).', 'The ministers met in Vienna.'], ['They agreed to meet again.']]));
    const doc = await loadPath(path, opts);
    expect(doc.text).toBe('Joint statement (draft).\nThe ministers met in Vienna.\n\nThey agreed to meet again.');
    expect(doc.meta.title).toBe('joint statement');
  });

  it('GIVEN a PDF with a Title in its info dictionary THEN that is the title', async () => {
    const doc = await loadBytes(makePdf([['Body text.']], { title: 'Communique of the summit' }), 'x.pdf', 'application/pdf', opts);
    expect(doc.meta.title).toBe('Communique of the summit');
    expect(doc.origin).toBe('x.pdf');
  });

  it('GIVEN a PDF whose pages have no text THEN PDF_NO_TEXT', async () => {
    await expect(loadBytes(makePdf([null, null]), 'scan.pdf', undefined, opts)).rejects.toMatchObject({ code: 'PDF_NO_TEXT' });
  });

  it('GIVEN a text file named .pdf THEN BAD_DOCUMENT', async () => {
    const path = join(dir, 'fake.pdf');
    await writeFile(path, 'This is not a PDF at all.');
    await expect(loadPath(path, opts)).rejects.toMatchObject({ code: 'BAD_DOCUMENT', message: expect.stringMatching(/not a PDF/) });
  });

  it('GIVEN a file with a PDF header but a broken body THEN BAD_DOCUMENT', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage without xref');
    await expect(loadBytes(bytes, 'broken.pdf', 'application/pdf', opts)).rejects.toMatchObject({ code: 'BAD_DOCUMENT' });
  });

  it('GIVEN a truncated PDF THEN a UserError, not a crash', async () => {
    const full = makePdf([['Some text.']]);
    await expect(loadBytes(full.slice(0, 60), 'cut.pdf', 'application/pdf', opts)).rejects.toMatchObject({ name: 'UserError' });
  });

  it('GIVEN the caller keeps its buffer THEN loading does not detach it', async () => {
    const bytes = makePdf([['Keep me.']]);
    await loadBytes(bytes, 'keep.pdf', 'application/pdf', opts);
    expect(bytes.byteLength).toBeGreaterThan(0);
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
  });
});
