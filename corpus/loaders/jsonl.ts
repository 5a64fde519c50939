import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { UserError, isUserError } from '../../core/errors.js';
import type { DocumentInput } from '../../core/documents.js';
import { RecordError, recordToDocument, type JsonlFormat } from './jsonl-formats.js';
import type { LoadOptions } from './options.js';

/** One line of a JSONL file: the document it holds, or why it could not be read. */
export interface JsonlItem {
  line: number;
  doc?: DocumentInput;
  error?: string;
}

const FORMATS: readonly JsonlFormat[] = ['auto', 'un-debate', 'current-events', 'state-dept', 'generic'];
const NEWLINE = 0x0a;

/**
 * Streams a JSONL file, one document per line: `{line, doc}` for a good line, `{line, error}` for a
 * bad one (invalid JSON, missing text, bad metadata, a line over `maxBytes`), so that callers import
 * the good lines and report the bad ones by number. Blank lines are skipped. The file is never read
 * into one string; `maxBytes` caps each line, not the file.
 */
export async function* readJsonl(path: string, opts: LoadOptions & { format?: JsonlFormat }): AsyncGenerator<JsonlItem> {
  const format = opts.format ?? 'auto';
  if (!FORMATS.includes(format)) {
    throw new UserError('USAGE', { detail: `Unknown JSONL format "${String(format)}"; use one of ${FORMATS.join(', ')}.` });
  }
  try {
    if (!(await stat(path)).isFile()) throw new UserError('BAD_DOCUMENT', { what: path, detail: 'it is not a regular file' });
  } catch (err) {
    if (isUserError(err)) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new UserError('FILE_NOT_FOUND', { path });
    throw err;
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let records = 0;
  for await (const raw of splitLines(path, opts.maxBytes)) {
    const origin = `${path}:${raw.line}`;
    if (raw.bytes === undefined) {
      records++;
      yield { line: raw.line, error: new UserError('FILE_TOO_LARGE', { what: origin, size: raw.size, limit: opts.maxBytes }).message };
      continue;
    }
    let text: string;
    try {
      text = decoder.decode(raw.bytes);
    } catch {
      records++;
      yield { line: raw.line, error: new UserError('BINARY_CONTENT', { what: origin }).message };
      continue;
    }
    if (text.trim() === '') continue;
    records++;
    yield parseLine(text, raw.line, format, origin);
  }
  if (records === 0) throw new UserError('EMPTY_DOCUMENT', { what: path });
}

function parseLine(text: string, line: number, format: JsonlFormat, origin: string): JsonlItem {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { line, error: `invalid JSON (${err instanceof Error ? err.message : String(err)})` };
  }
  try {
    return { line, doc: recordToDocument(value, format, origin) };
  } catch (err) {
    if (err instanceof RecordError || isUserError(err)) return { line, error: err.message };
    throw err;
  }
}

interface RawLine {
  line: number;
  // The line's bytes without its newline; undefined when the line was longer than the limit.
  bytes?: Uint8Array;
  size: number;
}

// Splits a file into lines of bytes as it streams; the bytes of a line over `maxBytes` are dropped.
async function* splitLines(path: string, maxBytes: number): AsyncGenerator<RawLine> {
  let parts: Buffer[] = [];
  let size = 0;
  let line = 0;
  const finish = (): RawLine => {
    line++;
    const out: RawLine = size > maxBytes ? { line, size } : { line, bytes: stripCr(Buffer.concat(parts, size)), size };
    parts = [];
    size = 0;
    return out;
  };
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 16 }) as AsyncIterable<Buffer>) {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(NEWLINE, start);
      const piece = chunk.subarray(start, nl < 0 ? chunk.length : nl);
      size += piece.length;
      if (size <= maxBytes) parts.push(piece);
      else parts = [];
      if (nl < 0) break;
      yield finish();
      start = nl + 1;
    }
  }
  if (size > 0) yield finish();
}

function stripCr(bytes: Buffer): Buffer {
  return bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? bytes.subarray(0, -1) : bytes;
}
