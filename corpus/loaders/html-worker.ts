/**
 * Parses one large HTML page off the main thread (linkedom + Readability take seconds on a few MB, and
 * the bot must keep answering). Started per page by `loadHtmlOffThread`; replies once and exits.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isUserError } from '../../core/errors.js';
import { loadHtmlDocument } from './html.js';
import type { TextSource } from './text.js';

const { html, source } = workerData as { html: string; source: TextSource };
try {
  parentPort!.postMessage({ doc: loadHtmlDocument(html, source) });
} catch (err) {
  parentPort!.postMessage(isUserError(err) ? { userError: { code: err.code, params: err.params } }
    : { error: err instanceof Error ? err.message : String(err) });
}
