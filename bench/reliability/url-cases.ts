import type { AppInternals } from '../../app/create-app.js';
import { isUserError, type ErrorCode } from '../../core/errors.js';
import type { BadCase } from './bad-documents.js';
import { storeFingerprint } from './fingerprint.js';
import type { InputOutcome } from './inputs.js';
import type { AbuseServer } from './url-server.js';

/** A URL `corpus add` must refuse or cut off. */
export interface UrlCase {
  name: string;
  url(s: AbuseServer): string;
  expect: ErrorCode;
  /** 'strict': an app with no allowHosts (as in production); 'allowed': one that may reach 127.0.0.1. */
  app: 'strict' | 'allowed';
  /** The server must never see the request (refused before connecting). */
  noHit?: boolean;
  /** Cut off by the whole-request time-out: must end within it (plus a margin), connection closed. */
  timed?: boolean;
}

const loopback = (host: string) => (s: AbuseServer) => `http://${host}:${s.port}/page.html`;

/** Bad URLs. Every one of them points at the local server or at nothing that is ever contacted. */
export const URL_CASES: readonly UrlCase[] = [
  { name: 'loopback 127.0.0.1', url: loopback('127.0.0.1'), expect: 'URL_FORBIDDEN', app: 'strict', noHit: true },
  { name: 'loopback by DNS name (localhost)', url: loopback('localhost'), expect: 'URL_FORBIDDEN', app: 'strict', noHit: true },
  { name: 'loopback IPv6 [::1]', url: loopback('[::1]'), expect: 'URL_FORBIDDEN', app: 'strict', noHit: true },
  { name: 'loopback shorthand 127.1', url: loopback('127.1'), expect: 'URL_FORBIDDEN', app: 'strict', noHit: true },
  { name: 'loopback in hex 0x7f.0.0.1', url: loopback('0x7f.0.0.1'), expect: 'URL_FORBIDDEN', app: 'strict', noHit: true },
  { name: 'unspecified 0.0.0.0', url: loopback('0.0.0.0'), expect: 'URL_FORBIDDEN', app: 'strict', noHit: true },
  { name: 'IPv4-mapped loopback', url: loopback('[::ffff:7f00:1]'), expect: 'URL_FORBIDDEN', app: 'strict', noHit: true },
  { name: 'file: scheme', url: () => 'file:///etc/passwd', expect: 'URL_FORBIDDEN', app: 'allowed' },
  { name: 'data: scheme', url: () => 'data:text/plain,the ministry said', expect: 'URL_FORBIDDEN', app: 'allowed' },
  { name: 'redirect to cloud metadata', url: (s) => `${s.base}/to-metadata`, expect: 'URL_FORBIDDEN', app: 'allowed' },
  { name: 'redirect to a private address', url: (s) => `${s.base}/to-private`, expect: 'URL_FORBIDDEN', app: 'allowed' },
  { name: 'redirect to IPv6 link-local', url: (s) => `${s.base}/to-link-local-v6`, expect: 'URL_FORBIDDEN', app: 'allowed' },
  { name: 'redirect to IPv6 loopback', url: (s) => `${s.base}/to-loopback-v6`, expect: 'URL_FORBIDDEN', app: 'allowed' },
  { name: 'redirect to file:', url: (s) => `${s.base}/to-file`, expect: 'URL_FORBIDDEN', app: 'allowed' },
  { name: 'redirect to data:', url: (s) => `${s.base}/to-data`, expect: 'URL_FORBIDDEN', app: 'allowed' },
  { name: 'redirect loop', url: (s) => `${s.base}/loop`, expect: 'URL_FAILED', app: 'allowed' },
  { name: 'endless fast body', url: (s) => `${s.base}/flood`, expect: 'FILE_TOO_LARGE', app: 'allowed' },
  { name: 'declared 100 GB body', url: (s) => `${s.base}/declared-huge`, expect: 'FILE_TOO_LARGE', app: 'allowed' },
  { name: 'endless slow drip', url: (s) => `${s.base}/drip`, expect: 'URL_FAILED', app: 'allowed', timed: true },
  { name: 'never answers', url: (s) => `${s.base}/hang`, expect: 'URL_FAILED', app: 'allowed', timed: true },
  { name: 'headers after 30 s', url: (s) => `${s.base}/late-headers`, expect: 'URL_FAILED', app: 'allowed', timed: true },
  { name: 'binary page', url: (s) => `${s.base}/binary`, expect: 'BINARY_CONTENT', app: 'allowed' },
  { name: 'gzip-encoded page', url: (s) => `${s.base}/gzip`, expect: 'URL_FAILED', app: 'allowed' },
];

/**
 * Adds every URL through `app.addDocument({kind: 'url'})`: refused with the expected code, the store
 * unchanged, refused hosts never contacted, and time-outs within `timeoutMs` plus a margin, with the
 * connection closed on the server's side.
 */
export async function badUrlsInProcess(apps: { strict: AppInternals; allowed: AppInternals }, s: AbuseServer,
  cases: readonly UrlCase[] = URL_CASES): Promise<InputOutcome[]> {
  const out: InputOutcome[] = [];
  for (const c of cases) {
    const app = apps[c.app];
    const timeoutMs = app.config.FETCH_TIMEOUT_MS;
    const before = (await storeFingerprint(app.deps.storage));
    const hits = s.hits.length;
    const url = c.url(s);
    const t0 = performance.now();
    const err = await app.addDocument({ kind: 'url', url }).then(() => undefined, (e: unknown) => e);
    const ms = performance.now() - t0;
    const problems: string[] = [];
    const after = (await storeFingerprint(app.deps.storage));
    if (JSON.stringify(before) !== JSON.stringify(after)) problems.push('the store changed');
    const got = err === undefined ? 'accepted' : isUserError(err) ? err.code : `${(err as Error)?.name}: ${(err as Error)?.message}`;
    if (got !== c.expect) problems.push(`expected ${c.expect}, got ${got}`);
    if (isUserError(err) && err.message.includes('\n')) problems.push('the message is not one line');
    if (c.noHit && s.hits.length !== hits) problems.push(`the server was contacted: ${s.hits.slice(hits).join(', ')}`);
    if (c.timed) {
      if (ms > timeoutMs + 1000) problems.push(`took ${Math.round(ms)} ms, time-out is ${timeoutMs} ms`);
      const path = new URL(url).pathname;
      await waitFor(() => s.closedAfterMs.has(path), 2000);
      const closed = s.closedAfterMs.get(path);
      if (closed === undefined || closed > timeoutMs + 1500) problems.push(`connection still open ${Math.round(closed ?? ms)} ms after the request`);
      s.closedAfterMs.delete(path);
    }
    out.push({ name: c.name, via: 'app', expected: c.expect, got, ok: problems.length === 0, problems, ms });
  }
  return out;
}

/** The strict (production) URL cases as `corpus add` cases: the CLI never reaches loopback. */
export function cliUrlCases(s: AbuseServer): BadCase[] {
  return URL_CASES.filter((c) => c.app === 'strict' || c.url(s).startsWith('file:') || c.url(s).startsWith('data:'))
    .map((c) => ({ name: `url: ${c.name}`, expect: c.expect, make: () => ({ source: { kind: 'url', url: c.url(s) }, cli: [c.url(s)] }) }));
}

async function waitFor(pred: () => boolean, ms: number): Promise<void> {
  const end = performance.now() + ms;
  while (!pred() && performance.now() < end) await new Promise((r) => setTimeout(r, 10));
}
