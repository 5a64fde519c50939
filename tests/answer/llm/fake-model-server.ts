import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the fake received, body parsed. */
export interface Received {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: any;
}

/** A chat request reduced to what a model reads. */
export interface ChatCall {
  api: 'ollama' | 'openai';
  model: string;
  stream: boolean;
  system: string;
  user: string;
}

/** What the fake replies to a chat request: the text, or an HTTP error. */
export type ChatReply = string | { status: number; body: string };

/** Behaviour of the fake, changeable between tests. */
export interface FakeBehaviour {
  chat: (call: ChatCall) => ChatReply;
  /** Vector of a text for an embedding model. */
  embed: (text: string, model: string) => number[];
  /** The next `failures` requests get `failStatus`. */
  failures: number;
  failStatus: number;
  /** Waited before answering each request. */
  delayMs: number;
  /** OpenAI embeddings: reply with base64 even when floats were asked for. */
  base64: boolean;
  /** OpenAI embeddings: reply with the rows in reverse order (clients must sort by index). */
  reverse: boolean;
}

/** A fake model server on 127.0.0.1 speaking Ollama's and OpenAI's wire formats. */
export interface FakeModelServer extends FakeBehaviour {
  url: string;
  received: Received[];
  /** Replies sent so far (a request the client gave up on before its delay ran out gets none). */
  replied: number;
  reset(): void;
  close(): Promise<void>;
}

/** A deterministic vector: hashed words, L2-normalised. */
export function hashVector(text: string, dims = 16): number[] {
  const v = new Array<number>(dims).fill(0);
  for (const w of text.toLowerCase().match(/[a-z0-9]+/g) ?? []) {
    let h = 2166136261;
    for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 16777619) >>> 0;
    v[h % dims]! += 1;
  }
  const n = Math.hypot(...v) || 1;
  return v.map((x) => x / n);
}

const defaults = (): FakeBehaviour => ({
  chat: () => 'The passages do not answer this question.',
  embed: (t) => hashVector(t),
  failures: 0, failStatus: 503, delayMs: 0, base64: false, reverse: false,
});

/** Starts the fake; `close()` drops open connections too. */
export async function startFakeModelServer(): Promise<FakeModelServer> {
  const fake = { ...defaults(), received: [] as Received[], replied: 0 } as FakeModelServer;
  const server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(parts).toString('utf8');
      let body: unknown = null;
      try { body = raw ? JSON.parse(raw) : null; } catch { body = raw; }
      const path = (req.url ?? '/').split('?')[0]!;
      fake.received.push({ method: req.method ?? 'GET', path, headers: req.headers, body });
      setTimeout(() => route(fake, path, body, res), fake.delayMs);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.reset = () => Object.assign(fake, defaults(), { received: [], replied: 0 });
  fake.close = () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); });
  return fake;
}

function route(fake: FakeModelServer, path: string, body: any, res: ServerResponse): void {
  if (res.destroyed) return;
  fake.replied++;
  if (fake.failures > 0) {
    fake.failures--;
    if (fake.failStatus === 429) res.setHeader('retry-after', '1');
    return json(res, fake.failStatus, { error: `fake failure ${fake.failStatus}` });
  }
  if (path === '/api/tags') return json(res, 200, { models: [] });
  if (path === '/api/embed') {
    const input: string[] = Array.isArray(body.input) ? body.input : [body.input];
    return json(res, 200, { model: body.model, embeddings: input.map((t) => fake.embed(t, body.model)) });
  }
  if (path === '/v1/embeddings') {
    const input: string[] = Array.isArray(body.input) ? body.input : [body.input];
    let data = input.map((t, index) => {
      const vec = fake.embed(t, body.model);
      const b64 = fake.base64 || body.encoding_format === 'base64';
      return { object: 'embedding', index, embedding: b64 ? Buffer.from(Float32Array.from(vec).buffer).toString('base64') : vec };
    });
    if (fake.reverse) data = data.reverse();
    return json(res, 200, { object: 'list', data, model: body.model, usage: { prompt_tokens: 1, total_tokens: 1 } });
  }
  if (path === '/api/chat' || path === '/v1/chat/completions') {
    const api = path === '/api/chat' ? 'ollama' : 'openai';
    const text = (role: string) => body.messages.filter((m: any) => m.role === role).map((m: any) => m.content).join('\n');
    const stream = api === 'ollama' ? body.stream !== false : body.stream === true;
    const reply = fake.chat({ api, model: body.model, stream, system: text('system'), user: text('user') });
    if (typeof reply !== 'string') return json(res, reply.status, { error: reply.body });
    if (api === 'ollama') return ollamaChat(res, body.model, reply, stream);
    return openaiChat(res, body.model, reply, stream);
  }
  json(res, 404, { error: `no route ${path}` });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function pieces(text: string): string[] {
  return text.match(/[\s\S]{1,12}/g) ?? [''];
}

/** Ollama streams NDJSON: message pieces, then a final line with `done: true` and the counts. */
function ollamaChat(res: ServerResponse, model: string, text: string, stream: boolean): void {
  const at = new Date().toISOString();
  const final = { model, created_at: at, message: { role: 'assistant', content: '' }, done: true, done_reason: 'stop',
    total_duration: 1000, prompt_eval_count: 10, eval_count: 5 };
  if (!stream) return json(res, 200, { ...final, message: { role: 'assistant', content: text } });
  res.writeHead(200, { 'content-type': 'application/x-ndjson' });
  for (const p of pieces(text)) res.write(`${JSON.stringify({ model, created_at: at, message: { role: 'assistant', content: p }, done: false })}\n`);
  res.end(`${JSON.stringify(final)}\n`);
}

/** OpenAI: one chat.completion object, or server-sent chat.completion.chunk events ending in [DONE]. */
function openaiChat(res: ServerResponse, model: string, text: string, stream: boolean): void {
  const id = 'chatcmpl-fake';
  const created = Math.floor(Date.now() / 1000);
  if (!stream) {
    return json(res, 200, {
      id, object: 'chat.completion', created, model,
      choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop', logprobs: null }],
      usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
    });
  }
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  const chunk = (delta: object, finish: string | null) =>
    `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
  res.write(chunk({ role: 'assistant', content: '' }, null));
  for (const p of pieces(text)) res.write(chunk({ content: p }, null));
  res.write(chunk({}, 'stop'));
  res.end('data: [DONE]\n\n');
}
