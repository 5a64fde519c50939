import { Worker } from 'node:worker_threads';
import { compiledWorker } from '../../core/paths.js';
import { UserError, type ErrorCode } from '../../core/errors.js';
import type { DocumentInput } from '../../core/documents.js';
import { loadHtmlDocument } from './html.js';
import type { TextSource } from './text.js';

/** Pages at least this long are parsed in a worker thread (about 1-2 s of parsing on the main thread). */
export const OFF_THREAD_HTML_CHARS = 500_000;

/**
 * {@link loadHtmlDocument}, in a worker thread for a large page so that the event loop keeps running;
 * the same result and the same errors. Inline for small pages, or when there is no compiled worker.
 */
export async function loadHtmlOffThread(html: string, source: TextSource): Promise<DocumentInput> {
  const file = html.length >= OFF_THREAD_HTML_CHARS ? compiledWorker(import.meta.url, 'corpus/loaders/html-worker.js') : undefined;
  if (!file) return loadHtmlDocument(html, source);
  const worker = new Worker(file, { workerData: { html, source } });
  try {
    const reply = await new Promise<{ doc?: DocumentInput; userError?: { code: ErrorCode; params: Record<string, string | number> }; error?: string }>(
      (resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.once('exit', (code) => reject(new Error(`the HTML worker stopped (exit code ${code})`)));
      });
    if (reply.userError) throw new UserError(reply.userError.code, reply.userError.params);
    if (reply.error !== undefined) throw new Error(reply.error);
    return reply.doc!;
  } finally {
    await worker.terminate();
  }
}
