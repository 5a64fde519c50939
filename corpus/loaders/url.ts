import { basename } from 'node:path';
import { UserError } from '../../core/errors.js';
import type { DocumentInput } from '../../core/documents.js';
import { checkHost } from './address-policy.js';
import { charsetOf, formatForContentType, mimeType, parseBytes } from './files.js';
import { getPinned, readLimited } from './http-get.js';
import type { LoadOptions } from './options.js';

const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * Fetches an http(s) URL and parses it by its content type (HTML, plain text, Markdown or PDF). Every
 * hop (at most 5 redirects) is resolved and refused unless all its addresses are public; the
 * connection goes to the address that was checked. One timeout covers the whole exchange, and the
 * body is cut off past `maxBytes`. The document's `url` is the final URL.
 */
export async function loadUrl(url: string, opts: LoadOptions): Promise<DocumentInput> {
  let current = parseHttpUrl(url);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), opts.fetchTimeoutMs);
  const timedOut = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () =>
      reject(new UserError('URL_FAILED', { url: current.href, reason: `no complete answer within ${opts.fetchTimeoutMs} ms` })));
  });
  timedOut.catch(() => undefined);
  try {
    for (let redirects = 0; ; redirects++) {
      // DNS cannot be cancelled, so the lookup races the timeout.
      const pinned = await Promise.race([checkHost(current, opts.allowHosts), timedOut]);
      const res = await Promise.race([getPinned(current, pinned, controller.signal), timedOut]);
      const status = res.statusCode ?? 0;
      if (REDIRECTS.has(status)) {
        res.destroy();
        if (redirects >= MAX_REDIRECTS) throw failed(current, `more than ${MAX_REDIRECTS} redirects`);
        const location = res.headers.location;
        if (!location) throw failed(current, `HTTP ${status} without a Location header`);
        current = parseHttpUrl(location, current);
        continue;
      }
      if (status < 200 || status > 299) {
        res.destroy();
        throw failed(current, `the server answered HTTP ${status}`);
      }
      const contentType = res.headers['content-type'];
      const format = formatForContentType(contentType);
      const encoding = (res.headers['content-encoding'] ?? 'identity').toLowerCase();
      const declared = Number(res.headers['content-length'] ?? NaN);
      if (!format || encoding !== 'identity' || declared > opts.maxBytes) res.destroy();
      if (!format) throw new UserError('UNSUPPORTED_TYPE', { type: contentType ? mimeType(contentType) : 'no Content-Type' });
      if (encoding !== 'identity') throw failed(current, `unsupported Content-Encoding "${encoding}"`);
      if (declared > opts.maxBytes) {
        throw new UserError('FILE_TOO_LARGE', { what: current.href, size: declared, limit: opts.maxBytes });
      }
      const body = await Promise.race([
        readLimited(res, opts.maxBytes, (size) => new UserError('FILE_TOO_LARGE', { what: current.href, size, limit: opts.maxBytes })),
        timedOut,
      ]);
      clearTimeout(timer);
      const doc = await parseBytes(body, format, { origin: current.href, filename: filenameOf(current) }, charsetOf(contentType));
      return { ...doc, meta: { ...doc.meta, url: current.href } };
    }
  } catch (err) {
    if (err instanceof UserError) throw err;
    // The abort of a timed-out request surfaces as an AbortError from the socket or the body stream.
    if (controller.signal.aborted) throw failed(current, `no complete answer within ${opts.fetchTimeoutMs} ms`);
    throw failed(current, err instanceof Error ? networkReason(err) : String(err));
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

function parseHttpUrl(raw: string, base?: URL): URL {
  let u: URL;
  try {
    u = new URL(raw.trim(), base);
  } catch {
    throw new UserError('URL_INVALID', { url: raw.length > 200 ? `${raw.slice(0, 200)}…` : raw });
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new UserError('URL_FORBIDDEN', { url: u.href.slice(0, 200), reason: `only http and https are allowed, not ${u.protocol.replace(/:$/, '')}` });
  }
  if (u.username || u.password) throw new UserError('URL_FORBIDDEN', { url: `${u.protocol}//${u.host}${u.pathname}`, reason: 'URLs with credentials are not allowed' });
  return u;
}

function failed(url: URL, reason: string): UserError {
  return new UserError('URL_FAILED', { url: url.href, reason });
}

function networkReason(err: Error): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ECONNREFUSED') return 'the connection was refused';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'the connection was reset';
  if (code?.startsWith('ERR_TLS') || code?.includes('CERT')) return `the TLS certificate was not accepted (${code})`;
  return err.message || 'network error';
}

function filenameOf(url: URL): string {
  let name = '';
  try {
    name = basename(decodeURIComponent(url.pathname));
  } catch {
    name = basename(url.pathname);
  }
  return name || url.hostname;
}
