import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { CheckedAddress } from './address-policy.js';

const HEADERS = {
  'user-agent': 'diplomacy-desk/0.1 (document loader)',
  accept: 'text/html, application/xhtml+xml, text/plain, text/markdown, application/pdf;q=0.9',
  'accept-encoding': 'identity',
};

/**
 * Sends one GET to `url` over a connection to `pinned` only: the socket's lookup answers with the
 * address that was checked, so a second DNS answer (rebinding) cannot redirect the connection.
 * Redirects are not followed here. `signal` aborts the request and its body.
 */
export function getPinned(url: URL, pinned: CheckedAddress, signal: AbortSignal): Promise<IncomingMessage> {
  const lookup = ((_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [{ address: pinned.address, family: pinned.family }]);
    else callback(null, pinned.address, pinned.family);
  }) as unknown as LookupFunction;
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(url, { method: 'GET', headers: HEADERS, lookup, signal, agent: false }, resolve);
    req.on('error', reject);
    req.end();
  });
}

/** Reads a response body, destroying it and calling `tooLarge` as soon as it passes `maxBytes`. */
export async function readLimited(res: IncomingMessage, maxBytes: number, tooLarge: (size: number) => Error): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of res as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > maxBytes) {
      res.destroy();
      throw tooLarge(total);
    }
    chunks.push(chunk);
  }
  if (!res.complete) throw new Error('the connection closed before the whole body arrived');
  return new Uint8Array(Buffer.concat(chunks, total));
}
