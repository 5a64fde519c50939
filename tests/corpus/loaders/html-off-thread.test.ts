import { describe, expect, it } from 'vitest';
import { UserError } from '../../../core/errors.js';
import { loadHtmlDocument } from '../../../corpus/loaders/html.js';
import { loadHtmlOffThread, OFF_THREAD_HTML_CHARS } from '../../../corpus/loaders/html-off-thread.js';

const source = { origin: 'big.html', filename: 'big.html' };
const para = (i: number) => `<p>Paragraph ${i}: the ministry said that the talks on the grain corridor would resume next week in Istanbul.</p>`;
const big = `<html lang="en"><head><title>Grain talks</title></head><body><article>${Array.from({ length: 6000 }, (_, i) => para(i)).join('')}</article></body></html>`;

describe('large HTML pages parsed in a worker thread', () => {
  it('GIVEN a page over the threshold THEN the same document as parsing inline, while the event loop keeps running', async () => {
    expect(big.length).toBeGreaterThan(OFF_THREAD_HTML_CHARS);
    let ticks = 0;
    const timer = setInterval(() => { ticks++; }, 5);
    const doc = await loadHtmlOffThread(big, source);
    clearInterval(timer);
    // Run by `npm test` after the build: the compiled worker exists. Inline parsing would block every tick.
    expect(ticks).toBeGreaterThan(0);
    const inline = loadHtmlDocument(big, source);
    expect(doc.meta.title).toBe('Grain talks');
    expect(doc).toEqual(inline);
  });

  it('GIVEN a large page the loader refuses THEN the same user error, with its code', async () => {
    const table = `<html><body><table>${'<tr><td>x</td></tr>'.repeat(40_000)}</table></body></html>`;
    expect(table.length).toBeGreaterThan(OFF_THREAD_HTML_CHARS);
    const err = await loadHtmlOffThread(table, source).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).code).toBe('BAD_DOCUMENT');
    expect((err as UserError).message).toMatch(/elements/);
  });
});
