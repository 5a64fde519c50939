import { sourceAge } from '../answer/freshness.js';
import { msg } from '../answer/messages.js';
import type { Answer } from '../core/answer.js';

/** The terminal rendering of an answer: the text with [n] markers, then the numbered sources. */
export function renderAnswerText(a: Answer, color = false, now: Date = new Date()): string {
  const dim = (s: string) => (color ? `\x1b[2m${s}\x1b[0m` : s);
  const bold = (s: string) => (color ? `\x1b[1m${s}\x1b[0m` : s);
  const out = [a.answer];
  if (a.claims.length) {
    out.push('', bold(msg(a.locale, 'cli.claims')));
    // A statement the answer already quotes is not printed a second time: its status and who says it are.
    const quotedNs = new Set([...a.answer.matchAll(/^• .*$/gm)].flatMap((m) => [...m[0].matchAll(/\[(\d+)\]/g)].map((x) => Number(x[1]))));
    for (const c of a.claims) {
      const shown = c.citations.every((n) => quotedNs.has(n));
      const who = c.speaker ? `${c.speaker}${c.stance ? `, ${c.stance}` : ''}${shown ? '' : ': '}` : '';
      out.push(`  [${c.status}] ${who}${shown ? '' : c.text} ${c.citations.map((n) => `[${n}]`).join('')}${c.note ? dim(` (${c.note})`) : ''}`);
    }
  }
  if (a.citations.length) {
    out.push('', bold(msg(a.locale, 'cli.sources')));
    // One entry per document, listing every citation number that points into it.
    const byDoc = new Map<string, typeof a.citations>();
    for (const c of a.citations) byDoc.set(c.docId, [...(byDoc.get(c.docId) ?? []), c]);
    for (const cs of byDoc.values()) {
      const c = cs[0]!;
      const age = sourceAge(c.published, now);
      const where = [c.publisher, c.published, age].filter(Boolean).join(', ');
      out.push(`  ${cs.map((x) => `[${x.n}]`).join('')} ${c.title}${where ? ` (${where})` : ''}`);
      if (c.url) out.push(dim(`      ${c.url}`));
      out.push(dim(`      ${c.docId} @ ${cs.map((x) => `${x.start}-${x.end}`).join(', ')}`));
    }
  }
  out.push('', dim(`${a.mode}, ${Math.round(a.timings.totalMs ?? 0)} ms`));
  return out.join('\n');
}
