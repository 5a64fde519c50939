import { basename, extname } from 'node:path';
import { UserError } from '../../core/errors.js';
import { DOCUMENT_KINDS, type DocumentKind, type DocumentMeta } from '../../core/documents.js';

/** The string-valued metadata keys accepted in front matter and generic JSONL records. */
export const META_STRING_KEYS = [
  'id', 'title', 'publisher', 'url', 'published', 'kind', 'language', 'speaker', 'licence',
] as const;

/** One of the string-valued metadata keys. */
export type MetaStringKey = (typeof META_STRING_KEYS)[number];

/** True when `key` is one of the string-valued metadata keys. */
export function isMetaStringKey(key: string): key is MetaStringKey {
  return (META_STRING_KEYS as readonly string[]).includes(key);
}

const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/;

/**
 * Checks a publication date: `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or a full ISO timestamp, a real calendar
 * date between 1800 and one year from now. Returns the trimmed value; throws BAD_METADATA otherwise.
 */
export function checkPublished(value: string, now = new Date()): string {
  const v = value.trim();
  const limit = new Date(now.getTime());
  limit.setUTCFullYear(limit.getUTCFullYear() + 1);
  const bad = () => new UserError('BAD_METADATA', {
    detail: `published date "${value}" is not a real date between 1800 and ${limit.toISOString().slice(0, 10)}`,
  });
  const m = DATE_RE.exec(v);
  if (!m) throw bad();
  const [year, month = 1, day = 1, hour = 0, minute = 0, second = 0] = m.slice(1, 7).map((x) => (x === undefined ? undefined : Number(x)));
  if (year === undefined || month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) throw bad();
  const start = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 31 February over into March: a round trip catches dates that do not exist.
  if (start.getUTCFullYear() !== year || start.getUTCMonth() !== month - 1 || start.getUTCDate() !== day) throw bad();
  if (m[7] && !/^(Z|[+-](0\d|1[0-4]):?[0-5]\d)$/.test(m[7])) throw bad();
  if (year < 1800 || start.getTime() > limit.getTime()) throw bad();
  return v;
}

/** Checks a document kind against DOCUMENT_KINDS; throws BAD_METADATA otherwise. */
export function checkKind(value: string): DocumentKind {
  const v = value.trim().toLowerCase();
  const kind = DOCUMENT_KINDS.find((k) => k === v);
  if (!kind) {
    throw new UserError('BAD_METADATA', { detail: `kind "${value}" is not one of ${DOCUMENT_KINDS.join(', ')}` });
  }
  return kind;
}

/** Checks that a metadata URL is an absolute http(s) URL; throws BAD_METADATA otherwise. */
export function checkMetaUrl(value: string): string {
  const v = value.trim();
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    throw new UserError('BAD_METADATA', { detail: `url "${value}" is not an absolute http(s) URL` });
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new UserError('BAD_METADATA', { detail: `url "${value}" is not an absolute http(s) URL` });
  }
  return v;
}

/**
 * Merges metadata layers (later layers win, undefined and blank values never overwrite) and checks
 * the fields that have a format: published, kind and url.
 */
export function mergeMeta(...layers: (DocumentMeta | undefined)[]): DocumentMeta {
  const out: DocumentMeta = {};
  for (const layer of layers) {
    if (!layer) continue;
    for (const [key, value] of Object.entries(layer) as [keyof DocumentMeta, unknown][]) {
      if (value === undefined || value === null) continue;
      if (typeof value === 'string' && value.trim() === '') continue;
      (out as Record<string, unknown>)[key] = typeof value === 'string' ? value.trim() : value;
    }
  }
  if (out.published !== undefined) out.published = checkPublished(out.published);
  if (out.kind !== undefined) out.kind = checkKind(out.kind);
  if (out.url !== undefined) out.url = checkMetaUrl(out.url);
  return out;
}

/** A readable title from a file name: no folders, no extension, dashes and underscores as spaces. */
export function titleFromFilename(filename: string): string {
  const base = basename(filename);
  const stem = base.slice(0, base.length - extname(base).length);
  const title = stem.replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').trim();
  return title || base;
}

/** The lower-cased extension of a file name, with its dot ('' when there is none). */
export function extensionOf(filename: string): string {
  return extname(basename(filename)).toLowerCase();
}
