import { createHash } from 'node:crypto';
import path from 'node:path';
import { UserError } from '../core/errors.js';
import { detectLanguage } from '../core/language.js';
import { checkPublished } from './loaders/metadata.js';
import { DOCUMENT_KINDS, type DocumentInput, type DocumentMeta, type StoredDocument } from '../core/documents.js';

/** A document ready to store, before chunking and embedding. */
export interface PreparedDocument {
  doc: Omit<StoredDocument, 'addedAt'>;
}

const ID_RE = /^[\p{L}\p{N}][\p{L}\p{N}._:/?=&#+-]{0,199}$/u;

/** SHA-256 of the stored text: identical content is stored once. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Merges metadata (explicit options over the document's own), picks an id and a title, and validates
 * them (chunking comes later, in the import worker for large batches). Pure: touches no store.
 */
export function prepareDocument(input: DocumentInput, override: DocumentMeta = {}): PreparedDocument {
  const meta: DocumentMeta = { ...input.meta };
  for (const [k, v] of Object.entries(override)) if (v !== undefined && v !== '') (meta as Record<string, unknown>)[k] = v;
  const text = input.text;
  // Zero-width spaces, joiners and soft hyphens survive trim(): a document needs a letter or a digit.
  if (!/[\p{L}\p{N}]/u.test(text)) throw new UserError('EMPTY_DOCUMENT', { what: input.origin });
  const hash = contentHash(text);
  const title = (meta.title ?? '').trim() || titleFromOrigin(input.origin) || firstWords(text);
  const id = meta.id?.trim() || `${slug(title)}-${hash.slice(0, 8)}`;
  if (!ID_RE.test(id)) throw new UserError('BAD_METADATA', { detail: `id "${id.slice(0, 60)}" must be 1-200 letters, digits or ._:/?=&#+-` });
  if (meta.kind && !DOCUMENT_KINDS.includes(meta.kind)) {
    throw new UserError('BAD_METADATA', { detail: `kind must be one of: ${DOCUMENT_KINDS.join(', ')}` });
  }
  if (meta.published !== undefined) meta.published = checkPublished(meta.published);
  return {
    doc: {
      id, title: title.slice(0, 300), text, contentHash: hash,
      publisher: meta.publisher, url: meta.url, published: meta.published,
      kind: meta.kind ?? 'other', language: meta.language?.trim().toLowerCase() || detectLanguage(text),
      speaker: meta.speaker, licence: meta.licence, sources: meta.sources,
    },
  };
}

function titleFromOrigin(origin: string): string {
  if (/^https?:/i.test(origin) || origin === 'text' || origin === '') return '';
  return path.basename(origin).replace(/\.[a-z0-9]+$/i, '').replace(/[-_]+/g, ' ').trim();
}

function firstWords(text: string): string {
  const words = text.trim().split(/\s+/).slice(0, 10).join(' ');
  return words.length > 80 ? `${words.slice(0, 80)}…` : words;
}

function slug(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '').slice(0, 60) || 'document';
}
