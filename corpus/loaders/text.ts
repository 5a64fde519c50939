import type { DocumentInput, DocumentMeta } from '../../core/documents.js';
import { parseFrontMatter } from './front-matter.js';
import { mergeMeta, titleFromFilename } from './metadata.js';
import { assertTextual, normalizeText, requireText } from './normalize.js';

/** Where a text came from: an origin for messages and, for files, the name used as a fallback title. */
export interface TextSource {
  origin: string;
  filename?: string;
}

const HEADING_RE = /^#{1,6}[ \t]+(.+?)(?:[ \t]+#+)?$/;
const MAX_DERIVED_TITLE = 80;

/**
 * Builds a document from Markdown or plain text: optional front matter, then the body as is (no
 * markup is stripped, so quotes stay exact). Title: given meta, front matter, a first-line `#`
 * heading, the file name, or (pasted text) the first line.
 */
export function loadTextDocument(raw: string, source: TextSource, meta?: DocumentMeta): DocumentInput {
  const what = source.origin;
  assertTextual(raw, what);
  const front = parseFrontMatter(normalizeText(raw), what);
  const text = requireText(front.body, what);
  const merged = mergeMeta(front.meta, meta);
  if (!merged.title) merged.title = deriveTitle(text, source.filename);
  return { meta: merged, text, origin: what };
}

/** Pasted text (a Discord message or a CLI argument): front matter allowed. */
export function loadText(text: string, meta?: DocumentMeta, origin = 'Pasted text'): DocumentInput {
  return loadTextDocument(text, { origin }, meta);
}

function deriveTitle(text: string, filename: string | undefined): string {
  const newline = text.indexOf('\n');
  const first = (newline < 0 ? text : text.slice(0, newline)).trim();
  const heading = HEADING_RE.exec(first);
  if (heading) return heading[1]!.trim();
  if (filename) return titleFromFilename(filename);
  return shorten(first.replace(/\s+/g, ' '));
}

function shorten(s: string): string {
  if (Array.from(s).length <= MAX_DERIVED_TITLE) return s;
  // Never split a surrogate pair.
  const cut = Array.from(s).slice(0, MAX_DERIVED_TITLE).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > 40 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
