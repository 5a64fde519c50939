import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { UserError } from '../../core/errors.js';
import type { DocumentInput } from '../../core/documents.js';
import { loadHtmlOffThread } from './html-off-thread.js';
import { extensionOf } from './metadata.js';
import { decodeText } from './normalize.js';
import type { LoadOptions } from './options.js';
import { loadPdfDocument } from './pdf.js';
import { loadTextDocument, type TextSource } from './text.js';

/** The three parsers a file, an upload or a download can go to. */
export type DocumentFormat = 'text' | 'html' | 'pdf';

const BY_EXTENSION: Record<string, DocumentFormat> = {
  '.md': 'text', '.markdown': 'text', '.txt': 'text', '.html': 'html', '.htm': 'html', '.pdf': 'pdf',
};

const BY_CONTENT_TYPE: Record<string, DocumentFormat> = {
  'text/plain': 'text', 'text/markdown': 'text', 'text/x-markdown': 'text',
  'text/html': 'html', 'application/xhtml+xml': 'html', 'application/pdf': 'pdf',
};

/** The format for a file name's extension, or undefined. */
export function formatForExtension(filename: string): DocumentFormat | undefined {
  return BY_EXTENSION[extensionOf(filename)];
}

/** The format for a MIME type (parameters such as `charset` are ignored), or undefined. */
export function formatForContentType(contentType: string | undefined): DocumentFormat | undefined {
  return contentType ? BY_CONTENT_TYPE[mimeType(contentType)] : undefined;
}

/** The bare, lower-cased MIME type of a Content-Type value. */
export function mimeType(contentType: string): string {
  return contentType.split(';')[0]!.trim().toLowerCase();
}

/** Parses bytes with the loader for `format`; `charset` applies to text and HTML. */
export async function parseBytes(
  bytes: Uint8Array, format: DocumentFormat, source: TextSource, charset?: string,
): Promise<DocumentInput> {
  if (format === 'pdf') return loadPdfDocument(bytes, source);
  const text = decodeText(bytes, source.origin, charset ?? (format === 'html' ? sniffHtmlCharset(bytes) : undefined));
  return format === 'html' ? loadHtmlOffThread(text, source) : loadTextDocument(text, source);
}

// The charset a page declares in a `<meta>` tag near its start, when it is one TextDecoder knows.
function sniffHtmlCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1');
  const label = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1]?.toLowerCase();
  // A page cannot declare UTF-16 from inside itself (HTML spec): such a label means UTF-8.
  if (!label || label.startsWith('utf-16')) return undefined;
  try {
    new TextDecoder(label);
    return label;
  } catch {
    return undefined;
  }
}

/** Loads a .md, .markdown, .txt, .html, .htm or .pdf file; the size is checked before anything is read. */
export async function loadPath(path: string, opts: LoadOptions): Promise<DocumentInput> {
  const ext = extensionOf(path);
  if (ext === '.jsonl') throw new UserError('JSONL_IS_COLLECTION', { what: path });
  const format = BY_EXTENSION[ext];
  if (!format) throw new UserError('UNSUPPORTED_TYPE', { type: ext || basename(path) });
  const bytes = await readCapped(path, opts.maxBytes);
  return parseBytes(bytes, format, { origin: path, filename: basename(path) });
}

/**
 * Loads an upload (a Discord attachment): by the file name's extension, else by its content type.
 * Only the base name of `filename` is used.
 */
export async function loadBytes(
  bytes: Uint8Array, filename: string, contentType: string | undefined, opts: LoadOptions,
): Promise<DocumentInput> {
  const name = basename(filename.replace(/\\/g, '/')) || 'upload';
  if (bytes.byteLength > opts.maxBytes) {
    throw new UserError('FILE_TOO_LARGE', { what: name, size: bytes.byteLength, limit: opts.maxBytes });
  }
  if (extensionOf(name) === '.jsonl') throw new UserError('JSONL_IS_COLLECTION', { what: name });
  const format = formatForExtension(name) ?? formatForContentType(contentType);
  if (!format) throw new UserError('UNSUPPORTED_TYPE', { type: extensionOf(name) || (contentType ? mimeType(contentType) : name) });
  return parseBytes(bytes, format, { origin: name, filename: name }, charsetOf(contentType));
}

/** The `charset` parameter of a Content-Type value, if any. */
export function charsetOf(contentType: string | undefined): string | undefined {
  const m = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return m?.[1]?.toLowerCase();
}

const READ_CHUNK = 1 << 20;

// Checks that `path` is a file within `maxBytes` (stat, before reading), then reads at most that much.
async function readCapped(path: string, maxBytes: number): Promise<Uint8Array> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new UserError('BAD_DOCUMENT', { what: path, detail: 'it is not a regular file' });
    size = info.size;
  } catch (err) {
    throw fileError(err, path);
  }
  if (size > maxBytes) throw new UserError('FILE_TOO_LARGE', { what: path, size, limit: maxBytes });
  const handle = await open(path, 'r').catch((err: unknown) => { throw fileError(err, path); });
  try {
    // The file may have grown since stat: keep counting while reading.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.max(1, Math.min(READ_CHUNK, maxBytes + 1 - total)));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, total);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) throw new UserError('FILE_TOO_LARGE', { what: path, size: total, limit: maxBytes });
      chunks.push(chunk.subarray(0, bytesRead));
    }
    return new Uint8Array(Buffer.concat(chunks, total));
  } finally {
    await handle.close();
  }
}

function fileError(err: unknown, path: string): Error {
  if (err instanceof UserError) return err;
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new UserError('FILE_NOT_FOUND', { path });
  if (code === 'EACCES' || code === 'EPERM') return new UserError('BAD_DOCUMENT', { what: path, detail: 'permission denied' });
  return err instanceof Error ? err : new Error(String(err));
}
