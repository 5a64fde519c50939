import dns from 'node:dns';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { UserError } from '../../../core/errors.js';
import { addressRefusal } from '../../../corpus/loaders/address-policy.js';
import { loadUrl, type LoadOptions } from '../../../corpus/loaders/index.js';
import { makePdf } from '../../fixtures/loaders/make-pdf.js';

// Every request in this file goes to the server below, on 127.0.0.1; refused URLs never connect.
let server: http.Server;
let base: string;
let port: number;
const hits: { path: string; host: string | undefined }[] = [];
// Paths whose reply the client closed before it was finished, and bytes the endless replies wrote.
const hungUp: string[] = [];
let written = 0;

const PAGE = `<html><head><title>Statement on the talks</title><link rel="canonical" href="https://example.org/canonical">
<meta property="og:site_name" content="Example Ministry"></head>
<body><article><p>The ministry welcomed the resumption of talks and called for a ceasefire.</p>
<p>It said that a lasting settlement required the consent of all parties.</p></article></body></html>`;

function route(req: http.IncomingMessage, res: http.ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://placeholder');
  const path = url.pathname;
  hits.push({ path, host: req.headers.host });
  res.on('close', () => { if (!res.writableEnded) hungUp.push(path); });
  const redirect = /^\/r\/(\d+)$/.exec(path);
  if (redirect) {
    const n = Number(redirect[1]);
    res.writeHead(302, { location: n === 0 ? '/page.html' : `/r/${n - 1}` }).end();
    return;
  }
  switch (path) {
    case '/page.html': res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE); return;
    case '/note': res.writeHead(200, { 'content-type': 'text/markdown' }).end('---\ntitle: A note\npublished: 2025-12-30\n---\nBody of the note.'); return;
    case '/doc': res.writeHead(200, { 'content-type': 'application/pdf' }).end(Buffer.from(makePdf([['Text in a PDF.']]))); return;
    case '/image': res.writeHead(200, { 'content-type': 'image/png' }).end('PNG'); return;
    case '/untyped': res.writeHead(200).end('no type'); return;
    case '/missing': res.writeHead(404, { 'content-type': 'text/plain' }).end('not here'); return;
    case '/gzip': res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' }).end('xx'); return;
    case '/empty': res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body><script>run()</script></body></html>'); return;
    case '/binary': res.writeHead(200, { 'content-type': 'text/plain' }).end(Buffer.from([1, 2, 0, 3, 4])); return;
    case '/declared-big': res.writeHead(200, { 'content-type': 'text/plain', 'content-length': 50_000 }).end('x'.repeat(50_000)); return;
    case '/endless': return endless(res, 2_000, 1);
    case '/drip': return endless(res, 1, 100);
    case '/hang': return; // never answers
    case '/loop': res.writeHead(301, { location: '/loop' }).end(); return;
    case '/no-location': res.writeHead(302).end(); return;
    case '/to-metadata': res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end(); return;
    case '/to-private': res.writeHead(307, { location: 'http://10.0.0.1/admin' }).end(); return;
    case '/to-loopback-v6': res.writeHead(302, { location: `http://[::1]:${port}/page.html` }).end(); return;
    case '/to-file': res.writeHead(302, { location: 'file:///etc/passwd' }).end(); return;
    default: res.writeHead(404).end();
  }
}

// Writes `size`-byte chunks every `everyMs` until the client goes away (no Content-Length).
function endless(res: http.ServerResponse, size: number, everyMs: number): void {
  res.writeHead(200, { 'content-type': 'text/plain' });
  const timer = setInterval(() => { res.write('y'.repeat(size)); written += size; }, everyMs);
  res.on('close', () => clearInterval(timer));
}

beforeAll(async () => {
  server = http.createServer(route);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
afterEach(() => {
  vi.restoreAllMocks();
  hits.length = 0;
});

const allowed: LoadOptions = { maxBytes: 10_000, fetchTimeoutMs: 3_000, allowHosts: ['127.0.0.1'] };
const strict: LoadOptions = { maxBytes: 10_000, fetchTimeoutMs: 3_000 };

async function failure(url: string, opts: LoadOptions): Promise<UserError> {
  const err = await loadUrl(url, opts).then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(UserError);
  return err as UserError;
}

describe('loadUrl against an allowed local server', () => {
  it('GIVEN an HTML page THEN its main text loads and the url is the final URL, not the canonical link', async () => {
    const doc = await loadUrl(`${base}/page.html`, allowed);
    expect(doc.text).toBe('The ministry welcomed the resumption of talks and called for a ceasefire.\n\nIt said that a lasting settlement required the consent of all parties.');
    expect(doc.meta).toMatchObject({ title: 'Statement on the talks', publisher: 'Example Ministry', url: `${base}/page.html` });
    expect(doc.origin).toBe(`${base}/page.html`);
  });

  it('GIVEN Markdown and PDF responses THEN the matching loader parses them', async () => {
    expect((await loadUrl(`${base}/note`, allowed)).meta).toMatchObject({ title: 'A note', published: '2025-12-30', url: `${base}/note` });
    expect((await loadUrl(`${base}/doc`, allowed)).text).toBe('Text in a PDF.');
  });

  it('GIVEN five redirects THEN they are followed and the url is where they end', async () => {
    const doc = await loadUrl(`${base}/r/4`, allowed);
    expect(doc.meta.url).toBe(`${base}/page.html`);
    expect(hits.map((h) => h.path)).toEqual(['/r/4', '/r/3', '/r/2', '/r/1', '/r/0', '/page.html']);
  });

  it('GIVEN six redirects or a redirect loop THEN URL_FAILED', async () => {
    expect((await failure(`${base}/r/5`, allowed)).message).toMatch(/more than 5 redirects/);
    expect(hits).toHaveLength(6);
    expect((await failure(`${base}/loop`, allowed)).code).toBe('URL_FAILED');
    expect((await failure(`${base}/no-location`, allowed)).message).toMatch(/Location/);
  });

  it('GIVEN a content type that is not a document THEN UNSUPPORTED_TYPE', async () => {
    expect((await failure(`${base}/image`, allowed)).code).toBe('UNSUPPORTED_TYPE');
    expect((await failure(`${base}/untyped`, allowed)).code).toBe('UNSUPPORTED_TYPE');
  });

  it('GIVEN an HTTP error, an encoded body, an empty page or binary text THEN a clear UserError', async () => {
    expect(await failure(`${base}/missing`, allowed)).toMatchObject({ code: 'URL_FAILED', message: expect.stringMatching(/HTTP 404/) });
    expect(await failure(`${base}/gzip`, allowed)).toMatchObject({ code: 'URL_FAILED', message: expect.stringMatching(/gzip/) });
    expect((await failure(`${base}/empty`, allowed)).code).toBe('EMPTY_DOCUMENT');
    expect((await failure(`${base}/binary`, allowed)).code).toBe('BINARY_CONTENT');
  });

  it('GIVEN a Content-Length over maxBytes THEN FILE_TOO_LARGE before the body is read', async () => {
    expect(await failure(`${base}/declared-big`, allowed)).toMatchObject({ code: 'FILE_TOO_LARGE', params: { size: 50_000 } });
  });

  it('GIVEN an endless body without Content-Length THEN reading stops past maxBytes with FILE_TOO_LARGE', async () => {
    const err = await failure(`${base}/endless`, allowed);
    expect(err.code).toBe('FILE_TOO_LARGE');
    expect(Number(err.params.size)).toBeLessThan(allowed.maxBytes + 5_000);
  });

  it('GIVEN a server that drips one byte at a time or never answers THEN the whole-request timeout cuts it off', async () => {
    const opts = { ...allowed, maxBytes: 1_000_000, fetchTimeoutMs: 600 };
    for (const path of ['/drip', '/hang']) {
      written = 0;
      const err = await failure(`${base}${path}`, opts);
      expect(err).toMatchObject({ code: 'URL_FAILED', message: expect.stringMatching(/within 600 ms/) });
      // The client hung up on an unfinished reply; for /drip while bytes were still arriving (a time-out
      // reset by each read would never fire on it: this test would hang instead).
      await expect.poll(() => hungUp).toContain(path);
      if (path === '/drip') expect(written).toBeGreaterThan(0);
    }
  });

  it('GIVEN a host name THEN the connection goes to the address that was checked (pinned), resolved once', async () => {
    const lookup = vi.spyOn(dns.promises, 'lookup')
      .mockResolvedValueOnce([{ address: '127.0.0.1', family: 4 }] as never)
      .mockResolvedValue([{ address: '10.0.0.1', family: 4 }] as never);
    const doc = await loadUrl(`http://news.example.test:${port}/page.html`, allowed);
    expect(doc.meta.url).toBe(`http://news.example.test:${port}/page.html`);
    expect(hits).toEqual([{ path: '/page.html', host: `news.example.test:${port}` }]);
    expect(lookup).toHaveBeenCalledTimes(1);
  });

  it('GIVEN a host name with one allowed and one private address THEN it is refused without connecting', async () => {
    vi.spyOn(dns.promises, 'lookup').mockResolvedValue([
      { address: '127.0.0.1', family: 4 }, { address: '10.0.0.1', family: 4 },
    ] as never);
    const err = await failure(`http://mixed.example.test:${port}/page.html`, allowed);
    expect(err).toMatchObject({ code: 'URL_FORBIDDEN', message: expect.stringMatching(/10\.0\.0\.1/) });
    expect(hits).toHaveLength(0);
  });

  it('GIVEN a host name that does not resolve THEN URL_FAILED', async () => {
    vi.spyOn(dns.promises, 'lookup').mockRejectedValue(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }));
    expect(await failure('http://nowhere.example.test/', allowed)).toMatchObject({ code: 'URL_FAILED', message: expect.stringMatching(/does not resolve/) });
  });
});

describe('addressRefusal', () => {
  it.each(['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '2a00:1450:4001:80b::200e'])(
    'GIVEN the public address %s THEN it is allowed', (address) => {
      expect(addressRefusal(address)).toBeUndefined();
    },
  );

  it.each([
    '127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.0.1', '169.254.169.254', '100.64.1.1', '0.0.0.0', '224.0.0.251',
    '255.255.255.255', '192.0.2.1', '::1', '::', 'fe80::1', 'fc00::1', 'fd00:ec2::254', '::ffff:127.0.0.1',
    '::ffff:8.8.8.8', '64:ff9b::7f00:1', '2002:7f00:1::', '2001:db8::1', 'ff02::1', 'not-an-ip',
  ])('GIVEN the address %s THEN it is refused with a reason', (address) => {
    expect(addressRefusal(address)).toMatch(/address/);
  });
});

describe('loadUrl refuses what it must not fetch', () => {
  it.each([
    ['loopback IPv4', () => `${base}/page.html`],
    ['localhost', () => `http://localhost:${port}/page.html`],
    ['loopback IPv6', () => `http://[::1]:${port}/page.html`],
    ['IPv4-mapped loopback', () => `http://[::ffff:127.0.0.1]:${port}/page.html`],
    ['loopback as a decimal number', () => `http://2130706433:${port}/page.html`],
    ['private 10/8', () => 'http://10.0.0.1/'],
    ['private 192.168/16', () => 'http://192.168.1.1/'],
    ['cloud metadata', () => 'http://169.254.169.254/latest/meta-data/'],
    ['carrier-grade NAT', () => 'http://100.64.0.1/'],
    ['unspecified', () => 'http://0.0.0.0/'],
    ['multicast', () => 'http://224.0.0.1/'],
    ['broadcast', () => 'http://255.255.255.255/'],
    ['reserved', () => 'http://240.0.0.1/'],
    ['IPv6 unique local', () => 'http://[fd00::1]/'],
    ['IPv6 link local', () => 'http://[fe80::1]/'],
    ['NAT64 of a private address', () => 'http://[64:ff9b::a00:1]/'],
  ])('GIVEN a %s URL and no allowHosts THEN URL_FORBIDDEN and no connection', async (_, url) => {
    expect((await failure(url(), strict)).code).toBe('URL_FORBIDDEN');
    expect(hits).toHaveLength(0);
  });

  it.each(['file:///etc/passwd', 'data:text/plain,hello', 'ftp://127.0.0.1/x', 'javascript:alert(1)', 'gopher://127.0.0.1/'])(
    'GIVEN the non-http URL %s THEN URL_FORBIDDEN',
    async (url) => {
      expect((await failure(url, allowed)).code).toBe('URL_FORBIDDEN');
    },
  );

  it('GIVEN something that is not a URL THEN URL_INVALID', async () => {
    expect((await failure('not a url', allowed)).code).toBe('URL_INVALID');
    expect((await failure('http://', allowed)).code).toBe('URL_INVALID');
  });

  it('GIVEN credentials in the URL THEN URL_FORBIDDEN without echoing them', async () => {
    const err = await failure(`http://user:secret@127.0.0.1:${port}/page.html`, allowed);
    expect(err.code).toBe('URL_FORBIDDEN');
    expect(err.message).not.toContain('secret');
  });

  it.each([
    ['/to-metadata', /169\.254\.169\.254/],
    ['/to-private', /10\.0\.0\.1/],
    ['/to-loopback-v6', /::1/],
    ['/to-file', /file/],
  ])('GIVEN an allowed server that redirects via %s THEN that hop is refused before connecting', async (path, pattern) => {
    const err = await failure(`${base}${path}`, allowed);
    expect(err).toMatchObject({ code: 'URL_FORBIDDEN', message: expect.stringMatching(pattern) });
    expect(hits.map((h) => h.path)).toEqual([path]);
  });
});
