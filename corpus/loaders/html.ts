import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { UserError } from '../../core/errors.js';
import type { DocumentInput, DocumentMeta } from '../../core/documents.js';
import { estimateHtmlDepth } from './html-depth.js';
import { htmlToText, nestingDepth, type WalkNode } from './html-text.js';
import { checkMetaUrl, checkPublished, mergeMeta, titleFromFilename } from './metadata.js';
import { assertTextual, normalizeText } from './normalize.js';
import type { TextSource } from './text.js';

// The part of a DOM document this loader reads (the project is compiled without the DOM library).
interface PageDocument {
  documentElement: (WalkNode & PageElement) | null;
  body: (WalkNode & PageElement) | null;
  querySelector(selector: string): PageElement | null;
}

interface PageElement {
  textContent: string | null;
  getAttribute(name: string): string | null;
}

// Readability recurses over the DOM: deeper pages go straight to the iterative walker. Much deeper
// markup is refused before parsing, because the DOM parser slows down more than linearly with depth.
const MAX_READABILITY_DEPTH = 400;
const MAX_HTML_DEPTH = 5_000;
// Parsing costs 2-4 s per MB of markup and blocks the process (the bot acknowledges nothing meanwhile);
// an article page has a few thousand elements, a 1.8 MB table of empty rows 300,000.
const MAX_HTML_ELEMENTS = 60_000;

/** Counts `<tag` openings, stopping at `limit`: one linear scan, no DOM. */
function countStartTags(html: string, limit: number): number {
  let n = 0;
  for (let i = html.indexOf('<'); i !== -1 && n < limit; i = html.indexOf('<', i + 1)) {
    const c = html.charCodeAt(i + 1);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) n++;
  }
  return n;
}
const MAX_ELEMENTS_FOR_READABILITY = 50_000;

/**
 * Builds a document from an HTML page: the main text found by Readability (the whole body's text
 * when it finds nothing), paragraphs separated by blank lines, and metadata from `<title>`,
 * `article:published_time`, `og:site_name`, the canonical link and `<html lang>`. Scripts are never
 * run and never reach the text.
 */
export function loadHtmlDocument(html: string, source: TextSource, meta?: DocumentMeta): DocumentInput {
  const what = source.origin;
  assertTextual(html, what);
  if (estimateHtmlDepth(html, MAX_HTML_DEPTH) >= MAX_HTML_DEPTH) {
    throw new UserError('BAD_DOCUMENT', { what, detail: `the markup is nested more than ${MAX_HTML_DEPTH} levels deep` });
  }
  const elements = countStartTags(html, MAX_HTML_ELEMENTS);
  if (elements >= MAX_HTML_ELEMENTS) {
    throw new UserError('BAD_DOCUMENT', { what, detail: `the page has more than ${MAX_HTML_ELEMENTS} elements; save it as text and add that` });
  }
  const document = parse(html, what);
  const pageMeta = readPageMeta(document);
  const root = document.documentElement;
  let article: { title: string; text: string } | undefined;
  let text = '';
  if (root && nestingDepth(root, MAX_READABILITY_DEPTH) < MAX_READABILITY_DEPTH) {
    article = readArticle(document);
    // Readability changes the DOM it reads, so the fallback needs a fresh parse.
    text = normalizeText(article?.text ?? '') || normalizeText(bodyText(parse(html, what)));
  } else {
    text = normalizeText(bodyText(document));
  }
  if (!text) throw new UserError('EMPTY_DOCUMENT', { what });
  const title = article?.title || pageMeta.title || (source.filename ? titleFromFilename(source.filename) : undefined);
  return { meta: mergeMeta(pageMeta, { title }, meta), text, origin: what };
}

function parse(html: string, what: string): PageDocument {
  try {
    return parseHTML(wrapFragment(html)).document as PageDocument;
  } catch (err) {
    throw new UserError('BAD_DOCUMENT', { what, detail: describe(err) });
  }
}

// linkedom expects a whole document: a bare fragment would become the document element itself.
function wrapFragment(html: string): string {
  if (/<html[\s>]/i.test(html)) return html;
  if (/<body[\s>]/i.test(html)) return `<html>${html}</html>`;
  return `<html><head></head><body>${html}</body></html>`;
}

function readArticle(document: PageDocument): { title: string; text: string } | undefined {
  try {
    const reader = new Readability<WalkNode>(document, {
      maxElemsToParse: MAX_ELEMENTS_FOR_READABILITY,
      serializer: (node) => node as WalkNode,
    });
    const result = reader.parse();
    if (!result?.content) return undefined;
    return { title: (result.title ?? '').trim(), text: htmlToText(result.content) };
  } catch {
    // Readability gives up on some pages (too many elements, odd markup): fall back to the body text.
    return undefined;
  }
}

function bodyText(document: PageDocument): string {
  const root = document.body ?? document.documentElement;
  return root ? htmlToText(root) : '';
}

function readPageMeta(document: PageDocument): DocumentMeta {
  const content = (selector: string) => document.querySelector(selector)?.getAttribute('content')?.trim() || undefined;
  const out: DocumentMeta = {};
  const title = document.querySelector('title')?.textContent?.replace(/\s+/g, ' ').trim();
  if (title) out.title = title;
  const siteName = content('meta[property="og:site_name"]');
  if (siteName) out.publisher = siteName;
  // Scraped values that are not valid are left out rather than failing the whole page.
  const published = content('meta[property="article:published_time"]');
  if (published) out.published = tryCheck(() => checkPublished(published));
  const canonical = document.querySelector('link[rel~="canonical"]')?.getAttribute('href')?.trim();
  if (canonical) out.url = tryCheck(() => checkMetaUrl(canonical));
  const lang = document.documentElement?.getAttribute('lang')?.trim();
  if (lang && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(lang)) out.language = lang;
  return out;
}

function tryCheck(check: () => string): string | undefined {
  try {
    return check();
  } catch {
    return undefined;
  }
}

function describe(err: unknown): string {
  if (err instanceof RangeError) return 'the markup is nested too deeply';
  return err instanceof Error ? err.message : String(err);
}
