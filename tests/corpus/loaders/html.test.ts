import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../../core/errors.js';
import { estimateHtmlDepth } from '../../../corpus/loaders/html-depth.js';
import { loadBytes, loadPath, type LoadOptions } from '../../../corpus/loaders/index.js';

const opts: LoadOptions = { maxBytes: 5_000_000, fetchTimeoutMs: 2_000 };
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'loaders-html-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

const PARAGRAPH = 'Islamabad said it was deeply concerned about the reported incident and urged all sides to exercise restraint.';

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Pakistan urges restraint | The Daily Example</title>
  <meta property="og:site_name" content="The Daily Example">
  <meta property="article:published_time" content="2025-12-30T09:15:00+05:00">
  <link rel="canonical" href="https://example.org/news/pakistan-urges-restraint">
  <style>body { color: red } .secret { content: "STYLE-LEAK" }</style>
  <script>window.leak = "SCRIPT-LEAK";</script>
</head>
<body>
  <nav><a href="/">Home</a> <a href="/world">World</a></nav>
  <article>
    <h1>Pakistan urges restraint</h1>
    <p>${PARAGRAPH}</p>
    <p>The Foreign Office said the <em>alleged</em> attack, if confirmed, would be a grave escalation.<br>It called for dialogue.</p>
    <script>document.write("SCRIPT-LEAK-2")</script>
    <p>${PARAGRAPH.replace('Islamabad', 'The ministry')}</p>
  </article>
  <footer>Copyright notice</footer>
</body>
</html>`;

describe('HTML', () => {
  it('GIVEN an article page THEN its main text comes out as paragraphs with page metadata', async () => {
    const doc = await loadPath(await file('restraint.html', PAGE), opts);
    expect(doc.meta).toMatchObject({
      title: 'Pakistan urges restraint | The Daily Example',
      publisher: 'The Daily Example',
      published: '2025-12-30T09:15:00+05:00',
      url: 'https://example.org/news/pakistan-urges-restraint',
      language: 'en',
    });
    expect(doc.text).toContain(`${PARAGRAPH}\n\nThe Foreign Office said the alleged attack, if confirmed, would be a grave escalation.\nIt called for dialogue.`);
    expect(doc.text).not.toMatch(/LEAK|color: red|<\/?p>/);
  });

  it('GIVEN a page Readability finds nothing in THEN the body text is used', async () => {
    const doc = await loadPath(await file('tiny.htm', '<html><body><div>Short note.</div><div>Second.</div><script>x()</script></body></html>'), opts);
    expect(doc.text).toBe('Short note.\n\nSecond.');
    expect(doc.meta.title).toBe('tiny');
  });

  it('GIVEN a page that is only scripts and styles THEN EMPTY_DOCUMENT', async () => {
    const html = '<html><head><script>var a = "text";</script><style>p{}</style></head><body><script>alert("hi")</script><noscript></noscript></body></html>';
    await expect(loadPath(await file('scripts.html', html), opts)).rejects.toMatchObject({ code: 'EMPTY_DOCUMENT' });
  });

  it('GIVEN 100,000 nested divs THEN BAD_DOCUMENT says the markup is too deep, refused before parsing and without a stack overflow', async () => {
    const depth = 100_000;
    const html = `<html><body>${'<div>'.repeat(depth)}Deep text.${'</div>'.repeat(depth)}</body></html>`;
    const err = await loadBytes(new TextEncoder().encode(html), 'deep.html', 'text/html', opts).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    // This message comes from the scan of the source, before any DOM is built (the DOM's own depth
    // error says "nested too deeply"); the scan stops as soon as it reaches the limit.
    expect(err).toMatchObject({ code: 'BAD_DOCUMENT', message: expect.stringMatching(/nested more than 5000 levels/) });
    expect(estimateHtmlDepth(html, 5_000)).toBe(5_000);
  });

  it('GIVEN 1,000 nested divs (too deep for Readability) THEN the text comes from the iterative fallback', async () => {
    const depth = 1_000;
    const html = `<html><body>${'<div><span>'.repeat(depth)}Deep text.${'</span></div>'.repeat(depth)}</body></html>`;
    const doc = await loadBytes(new TextEncoder().encode(html), 'deep.html', 'text/html', opts);
    expect(doc.text).toBe('Deep text.');
  });

  it('GIVEN many unclosed paragraphs, line breaks and markup inside scripts THEN the page is not taken for deep markup', async () => {
    const html = `<html><body>${'<p>para<br>'.repeat(8_000)}<script>${'"<div>"+'.repeat(8_000)}""</script></body></html>`;
    const doc = await loadBytes(new TextEncoder().encode(html), 'flat.html', 'text/html', opts);
    expect(doc.text.startsWith('para')).toBe(true);
    expect(doc.text).not.toContain('<div>');
  });

  it('GIVEN broken tags that never close THEN each is scanned only to the next bracket, and the page still loads', async () => {
    const html = `<html><body><p>${'<a x="'.repeat(200_000)}</p></body></html>`;
    const res = await loadBytes(new TextEncoder().encode(html), 'broken.html', 'text/html', opts).catch((e: unknown) => e);
    // A clear refusal (too many elements), not a hang or a crash.
    expect(res).toMatchObject({ code: 'BAD_DOCUMENT' });
    // Linear because an unclosed attribute ends at the next < or >: the tags after it are still seen.
    // (Attribute text running on to the end of the page made the scan quadratic in broken tags.)
    expect(estimateHtmlDepth(`<div x="${'<div>'.repeat(3)}">`, 100)).toBe(3);
    expect(estimateHtmlDepth(`${'<a x="'.repeat(1_000)}${'<div>'.repeat(7)}">`, 100)).toBe(7);
  });

  it('GIVEN pre-formatted text and a list THEN lines in pre are kept and items are paragraphs', async () => {
    const html = '<html><body><pre>line one\n  line two</pre><ul><li>first</li><li>second</li></ul></body></html>';
    const doc = await loadPath(await file('pre.html', html), opts);
    expect(doc.text).toBe('line one\n  line two\n\nfirst\n\nsecond');
  });

  it('GIVEN invalid metadata in the page THEN it is left out instead of failing the page', async () => {
    const html = `<html><head><meta property="article:published_time" content="not a date"><link rel="canonical" href="/relative"></head><body><p>Text.</p></body></html>`;
    const doc = await loadPath(await file('odd-meta.html', html), opts);
    expect(doc.meta.published).toBeUndefined();
    expect(doc.meta.url).toBeUndefined();
  });

  it('GIVEN a page that declares windows-1252 THEN it is decoded with that charset', async () => {
    const bytes = Buffer.concat([Buffer.from('<html><head><meta charset="windows-1252"></head><body><p>Caf'), Buffer.from([0xe9]), Buffer.from(' talks</p></body></html>')]);
    const doc = await loadBytes(new Uint8Array(bytes), 'page.html', undefined, opts);
    expect(doc.text).toBe('Café talks');
  });

  it('GIVEN HTML with NUL bytes THEN BINARY_CONTENT', async () => {
    const bytes = new TextEncoder().encode('<html><body>a\u0000b</body></html>');
    await expect(loadBytes(bytes, 'x.html', 'text/html', opts)).rejects.toMatchObject({ code: 'BINARY_CONTENT' });
  });
});
