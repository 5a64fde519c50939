import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadAttachment } from '../../bot/download.js';

let server: Server;
let host = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/small.md') return res.end('# Hello');
    if (req.url === '/lying.txt') return res.end('x'.repeat(5000)); // declares a small size, sends more
    if (req.url === '/redirect.md') return res.writeHead(302, { location: 'http://example.org/' }).end();
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const opts = () => ({ maxBytes: 1000, timeoutMs: 2000, allowedHosts: [host] });

describe('downloadAttachment', () => {
  it('downloads from an allowed host', async () => {
    const bytes = await downloadAttachment({ url: `http://${host}/small.md`, name: 'small.md', size: 7 }, opts());
    expect(new TextDecoder().decode(bytes)).toBe('# Hello');
  });

  it('refuses by declared size before fetching, and stops reading past the cap', async () => {
    await expect(downloadAttachment({ url: `http://${host}/small.md`, name: 'big.md', size: 1001 }, opts())).rejects.toThrow(/too large \(1001 bytes; the limit is 1000/);
    await expect(downloadAttachment({ url: `http://${host}/lying.txt`, name: 'lying.txt', size: 10 }, opts())).rejects.toThrow(/too large/);
  });

  it('refuses other hosts, redirects and unsupported types', async () => {
    await expect(downloadAttachment({ url: 'http://169.254.169.254/x.md', name: 'x.md', size: 1 }, opts())).rejects.toThrow(/Refusing to fetch/);
    await expect(downloadAttachment({ url: `http://${host}/redirect.md`, name: 'redirect.md', size: 1 }, opts())).rejects.toThrow(/Could not fetch/);
    await expect(downloadAttachment({ url: `http://${host}/a.exe`, name: 'a.exe', size: 1 }, opts())).rejects.toThrow(/Unsupported document type "exe"/);
    await expect(downloadAttachment({ url: `http://${host}/missing.md`, name: 'missing.md', size: 1 }, opts())).rejects.toThrow(/HTTP 404/);
  });
});
