import { randomBytes } from 'node:crypto';
import { mkdirSync, openSync, closeSync, ftruncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AddSource } from '../../app/app.js';
import type { ErrorCode } from '../../core/errors.js';
import type { DocumentMeta } from '../../core/documents.js';
import { pdfWithoutText } from './pdf.js';

/** The id of the document that `seedDocument` stores; bad inputs reuse it to provoke DUPLICATE_ID. */
export const SEED_ID = 'reliability-seed';

/** A good document to store before the bad ones, so that "unchanged" is not trivially true. */
export const SEED_TEXT = '---\nid: reliability-seed\ntitle: Seed statement\npublished: 2025-12-30\n---\n' +
  'Norway announced new humanitarian aid for Sudan on Monday. The ministry said the aid would arrive within weeks.\n';

/** A bad input: how to add it in process and, when it is a file or URL, on the command line. */
export interface BadInput {
  source: AddSource;
  meta?: DocumentMeta;
  /** Arguments after `corpus add` (a path or URL, then options); absent for in-process-only sources. */
  cli?: string[];
}

/** One kind of bad document and the error code it must be refused with. */
export interface BadCase {
  name: string;
  expect: ErrorCode;
  make(dir: string): BadInput;
}

/** Size of the file that must be refused by its size before anything is read. */
export const HUGE_BYTES = 100 * 1024 * 1024;

function file(dir: string, name: string, content: string | Uint8Array, meta?: DocumentMeta, flags: string[] = []): BadInput {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return { source: { kind: 'path', path: p }, meta, cli: [p, ...flags] };
}

/** A sparse file of `bytes` bytes: instant to make, takes no disk space, but `stat` reports its size. */
export function sparseFile(p: string, bytes: number): void {
  const fd = openSync(p, 'w');
  try {
    ftruncateSync(fd, bytes);
  } finally {
    closeSync(fd);
  }
}

function binary(): Uint8Array {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
  return Buffer.concat([png, randomBytes(4096)]);
}

const GOOD_BODY = 'The foreign ministry welcomed the ceasefire and called for talks.\n';

/**
 * Bad documents: every one must be refused with its error code, in one line, leaving the store as it
 * was. The loader tests (tests/corpus/loaders/*) check the same inputs one loader at a time; these go
 * through `app.addDocument` and `corpus add` end to end.
 */
export const BAD_CASES: readonly BadCase[] = [
  { name: 'empty file', expect: 'EMPTY_DOCUMENT', make: (d) => file(d, 'empty.txt', '') },
  { name: 'white space only', expect: 'EMPTY_DOCUMENT', make: (d) => file(d, 'blank.md', '  \n\t\n   \r\n\u00a0\n') },
  { name: 'front matter and no body', expect: 'EMPTY_DOCUMENT', make: (d) => file(d, 'meta-only.md', '---\ntitle: Nothing\n---\n\n') },
  { name: 'binary named .txt', expect: 'BINARY_CONTENT', make: (d) => file(d, 'photo.txt', binary()) },
  { name: 'binary named .pdf', expect: 'BAD_DOCUMENT', make: (d) => file(d, 'scan.pdf', binary()) },
  { name: 'text named .pdf', expect: 'BAD_DOCUMENT', make: (d) => file(d, 'notes.pdf', GOOD_BODY) },
  { name: 'PDF header, garbage body', expect: 'BAD_DOCUMENT', make: (d) => file(d, 'broken.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(2048)])) },
  { name: 'PDF without a text layer', expect: 'PDF_NO_TEXT', make: (d) => file(d, 'scanned.pdf', pdfWithoutText()) },
  { name: 'invalid UTF-8', expect: 'BINARY_CONTENT', make: (d) => file(d, 'latin1.txt', Buffer.from('Caf\xe9 cr\xe8me: the ministry said \xff\xfe.', 'latin1')) },
  { name: 'UTF-16 without BOM', expect: 'BINARY_CONTENT', make: (d) => file(d, 'utf16.txt', Buffer.from(GOOD_BODY, 'utf16le')) },
  { name: 'control characters', expect: 'BINARY_CONTENT', make: (d) => file(d, 'controls.txt', '\u0001\u0002\u0003\u0004'.repeat(200) + GOOD_BODY) },
  {
    name: '100 MB file (sparse)', expect: 'FILE_TOO_LARGE',
    make: (d) => {
      const p = path.join(d, 'huge.txt');
      sparseFile(p, HUGE_BYTES);
      return { source: { kind: 'path', path: p }, cli: [p] };
    },
  },
  { name: 'HTML that is only scripts', expect: 'EMPTY_DOCUMENT', make: (d) => file(d, 'scripts.html', '<html><head><script>alert(1)</script></head><body><script>x()</script><style>p{}</style><noscript></noscript></body></html>') },
  { name: 'HTML nested 100,000 deep', expect: 'BAD_DOCUMENT', make: (d) => file(d, 'deep.html', `<html><body>${'<div>'.repeat(100_000)}deep${'</div>'.repeat(100_000)}</body></html>`) },
  { name: 'JSONL given to add', expect: 'JSONL_IS_COLLECTION', make: (d) => file(d, 'bulk.jsonl', '{"text":"x"}\n') },
  { name: 'duplicate id, other content', expect: 'DUPLICATE_ID', make: (d) => file(d, 'dup.md', `---\nid: ${SEED_ID}\n---\n${GOOD_BODY}`) },
  { name: 'date in the year 3024', expect: 'BAD_METADATA', make: (d) => file(d, 'future.md', GOOD_BODY, { published: '3024-01-01' }, ['--published', '3024-01-01']) },
  { name: '30 February', expect: 'BAD_METADATA', make: (d) => file(d, 'feb30.md', GOOD_BODY, { published: '2025-02-30' }, ['--published', '2025-02-30']) },
  { name: 'year 0001 in front matter', expect: 'BAD_METADATA', make: (d) => file(d, 'ancient.md', `---\npublished: 0001-01-01\n---\n${GOOD_BODY}`) },
  { name: 'path-like id', expect: 'BAD_METADATA', make: (d) => file(d, 'id.md', GOOD_BODY, { id: '../../etc/passwd' }, ['--id', '../../etc/passwd']) },
  { name: 'unknown kind', expect: 'BAD_METADATA', make: (d) => file(d, 'kind.md', GOOD_BODY, { kind: 'propaganda' as never }, ['--kind', 'propaganda']) },
  { name: 'unknown front matter key', expect: 'BAD_FRONT_MATTER', make: (d) => file(d, 'fm.md', `---\nauthor_token: x\n---\n${GOOD_BODY}`) },
  { name: 'unsupported extension', expect: 'UNSUPPORTED_TYPE', make: (d) => file(d, 'tool.exe', binary()) },
  { name: 'missing file', expect: 'FILE_NOT_FOUND', make: (d) => ({ source: { kind: 'path', path: path.join(d, 'nope.md') }, cli: [path.join(d, 'nope.md')] }) },
  {
    name: 'folder named .md', expect: 'BAD_DOCUMENT',
    make: (d) => {
      const p = path.join(d, 'folder.md');
      mkdirSync(p, { recursive: true });
      return { source: { kind: 'path', path: p }, cli: [p] };
    },
  },
  { name: 'pasted text with NUL', expect: 'BINARY_CONTENT', make: () => ({ source: { kind: 'text', text: `${GOOD_BODY}\u0000\u0000` } }) },
  { name: 'pasted white space', expect: 'EMPTY_DOCUMENT', make: () => ({ source: { kind: 'text', text: ' \n\t\u00a0\u3000\n ' } }) },
  // Found by this suite: invisible format characters (zero-width space, word joiner, soft hyphen) pass `trim()`.
  { name: 'pasted invisible characters only', expect: 'EMPTY_DOCUMENT', make: () => ({ source: { kind: 'text', text: '\u200b\u2060 \u00ad\n\u200b' } }) },
  { name: 'upload of unknown type', expect: 'UNSUPPORTED_TYPE', make: () => ({ source: { kind: 'bytes', bytes: binary(), filename: 'a.bin', contentType: 'application/octet-stream' } }) },
  { name: 'upload over the size cap', expect: 'FILE_TOO_LARGE', make: () => ({ source: { kind: 'bytes', bytes: new Uint8Array(21_000_000), filename: 'big.txt' } }) },
  { name: 'upload with a path in its name', expect: 'BINARY_CONTENT', make: () => ({ source: { kind: 'bytes', bytes: binary(), filename: '../../../etc/cron.d/x.txt' } }) },
];
