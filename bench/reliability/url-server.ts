import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A hostile web server on 127.0.0.1: every route misbehaves in one way. */
export interface AbuseServer {
  base: string;
  port: number;
  /** Paths requested, in order. */
  hits: string[];
  /** For each endless or hanging response: ms from the request to the client closing the connection. */
  closedAfterMs: Map<string, number>;
  close(): Promise<void>;
}

const PAGE = '<html><head><title>Talks</title></head><body><article><p>The ministry welcomed the talks and called for a lasting ceasefire.</p></article></body></html>';

/** Starts the server on an ephemeral port of 127.0.0.1; connections are capped and all closed by `close`. */
export async function startAbuseServer(): Promise<AbuseServer> {
  const hits: string[] = [];
  const closedAfterMs = new Map<string, number>();
  let port = 0;
  const timers = new Set<NodeJS.Timeout>();
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    hits.push(path);
    const t0 = performance.now();
    res.on('close', () => closedAfterMs.set(path, performance.now() - t0));
    const every = (ms: number, fn: () => void) => {
      const t = setInterval(fn, ms);
      timers.add(t);
      res.on('close', () => { clearInterval(t); timers.delete(t); });
    };
    switch (path) {
      case '/page.html': res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE); return;
      case '/drip': // an endless body, one byte every 50 ms
        res.writeHead(200, { 'content-type': 'text/plain' });
        every(50, () => res.write('a'));
        return;
      case '/flood': // an endless body as fast as the socket takes it, no Content-Length
        res.writeHead(200, { 'content-type': 'text/plain' });
        every(1, () => res.write('flood '.repeat(2000)));
        return;
      case '/declared-huge': res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(10 ** 11) }).flushHeaders(); return;
      case '/hang': return; // accepts, never answers
      case '/late-headers': { // answers after 30 s, far past any time-out
        const t = setTimeout(() => res.writeHead(200, { 'content-type': 'text/plain' }).end('late'), 30_000);
        timers.add(t);
        res.on('close', () => clearTimeout(t));
        return;
      }
      case '/binary': res.writeHead(200, { 'content-type': 'text/plain' }).end(Buffer.from([0x89, 0x50, 0, 1, 2, 3, 0, 0])); return;
      case '/gzip': res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end('\x1f\x8b'); return;
      case '/loop': res.writeHead(302, { location: '/loop' }).end(); return;
      case '/to-metadata': res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/iam/' }).end(); return;
      case '/to-private': res.writeHead(301, { location: 'http://192.168.0.1/admin' }).end(); return;
      case '/to-link-local-v6': res.writeHead(307, { location: `http://[fe80::1]:${port}/page.html` }).end(); return;
      case '/to-loopback-v6': res.writeHead(308, { location: `http://[::1]:${port}/page.html` }).end(); return;
      case '/to-file': res.writeHead(302, { location: 'file:///etc/passwd' }).end(); return;
      case '/to-data': res.writeHead(302, { location: 'data:text/html,<p>injected</p>' }).end(); return;
      default: res.writeHead(404).end();
    }
  });
  server.maxConnections = 32;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  return {
    base: `http://127.0.0.1:${port}`,
    port,
    hits,
    closedAfterMs,
    close: async () => {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
