import { UserError } from '../../core/errors.js';
import type { DocumentInput, DocumentMeta } from '../../core/documents.js';
import { mergeMeta, titleFromFilename } from './metadata.js';
import { normalizeText } from './normalize.js';
import type { TextSource } from './text.js';

const HEADER_SEARCH = 1024;

/**
 * Builds a document from a PDF's text layer (pdfjs-dist, legacy build, in process: no worker
 * thread, no font fetching, no `eval`, no network). Pages are separated by blank lines.
 * Not a PDF -> BAD_DOCUMENT; no text layer -> PDF_NO_TEXT.
 */
export async function loadPdfDocument(bytes: Uint8Array, source: TextSource, meta?: DocumentMeta): Promise<DocumentInput> {
  const what = source.origin;
  if (!hasPdfHeader(bytes)) throw new UserError('BAD_DOCUMENT', { what, detail: 'it is not a PDF file' });
  const { pages, title } = await extractPdf(bytes, what);
  const text = normalizeText(pages.join('\n\n'));
  if (!text) throw new UserError('PDF_NO_TEXT', { what });
  const fallback = source.filename ? titleFromFilename(source.filename) : undefined;
  return { meta: mergeMeta({ title: title || fallback }, meta), text, origin: what };
}

function hasPdfHeader(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, HEADER_SEARCH));
  return head.includes('%PDF-', 0, 'latin1');
}

async function extractPdf(bytes: Uint8Array, what: string): Promise<{ pages: string[]; title?: string }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    // pdf.js may detach the buffer it is given: hand it a copy.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    enableXfa: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    isOffscreenCanvasSupported: false,
    verbosity: 0,
  });
  try {
    const doc = await task.promise;
    const info = (await doc.getMetadata().catch(() => undefined))?.info as { Title?: unknown } | undefined;
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
      }
      pages.push(text);
      page.cleanup();
    }
    const title = typeof info?.Title === 'string' ? normalizeText(info.Title).replace(/\s+/g, ' ') : undefined;
    return { pages, title: title || undefined };
  } catch (err) {
    if (err instanceof UserError) throw err;
    const name = err instanceof Error ? err.name : '';
    const detail = name === 'PasswordException' ? 'it is password-protected' : 'it is damaged or not a PDF file';
    throw new UserError('BAD_DOCUMENT', { what, detail });
  } finally {
    await task.destroy().catch(() => undefined);
  }
}
