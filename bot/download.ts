import { UserError } from '../core/errors.js';

/** The attachment as Discord describes it in the interaction. */
export interface AttachmentInfo {
  url: string;
  name: string;
  size: number;
  contentType?: string | null;
}

/** Limits and the only hosts a download may go to. */
export interface DownloadOptions {
  maxBytes: number;
  timeoutMs: number;
  /** `host` values (hostname[:port]) allowed; Discord's CDN, plus the fake server's in tests. */
  allowedHosts: readonly string[];
  fetch?: typeof fetch;
}

/** Discord's attachment hosts. */
export const DISCORD_CDN_HOSTS = ['cdn.discordapp.com', 'media.discordapp.net'] as const;

/** The file extensions `/corpus add` accepts as attachments. */
export const ATTACHMENT_TYPES = ['md', 'markdown', 'txt', 'html', 'htm', 'pdf'] as const;

/** The lower-case extension of a file name, or ''. */
export function extensionOf(name: string): string {
  const m = /\.([A-Za-z0-9]{1,10})$/.exec(name);
  return m ? m[1]!.toLowerCase() : '';
}

/**
 * Downloads a Discord attachment: checks its declared size and type first, fetches only from an
 * allowed host without following redirects, and stops reading past `maxBytes`.
 */
export async function downloadAttachment(att: AttachmentInfo, opts: DownloadOptions): Promise<Uint8Array> {
  const ext = extensionOf(att.name);
  if (!(ATTACHMENT_TYPES as readonly string[]).includes(ext)) throw new UserError('UNSUPPORTED_TYPE', { type: ext || att.name });
  if (att.size > opts.maxBytes) {
    throw new UserError('FILE_TOO_LARGE', { what: att.name, size: att.size, limit: opts.maxBytes });
  }
  let url: URL;
  try {
    url = new URL(att.url);
  } catch {
    throw new UserError('URL_INVALID', { url: att.name });
  }
  if (!opts.allowedHosts.includes(url.host) || !['https:', 'http:'].includes(url.protocol)) {
    throw new UserError('URL_FORBIDDEN', { url: att.name, reason: 'attachments are only downloaded from Discord' });
  }
  const doFetch = opts.fetch ?? fetch;
  let res: Response;
  try {
    res = await doFetch(url, { redirect: 'error', signal: AbortSignal.timeout(opts.timeoutMs) });
  } catch (err) {
    const reason = (err as Error).name === 'TimeoutError' ? `no answer within ${opts.timeoutMs} ms` : 'network error';
    throw new UserError('URL_FAILED', { url: att.name, reason });
  }
  if (!res.ok) {
    await res.body?.cancel().catch(() => undefined);
    throw new UserError('URL_FAILED', { url: att.name, reason: `HTTP ${res.status}` });
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = res.body?.getReader();
  if (!reader) return new Uint8Array();
  for (;;) {
    let part: Awaited<ReturnType<typeof reader.read>>;
    try {
      part = await reader.read();
    } catch {
      throw new UserError('URL_FAILED', { url: att.name, reason: 'the download was interrupted or too slow' });
    }
    if (part.done) break;
    total += part.value.byteLength;
    if (total > opts.maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new UserError('FILE_TOO_LARGE', { what: att.name, size: total, limit: opts.maxBytes });
    }
    chunks.push(part.value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
