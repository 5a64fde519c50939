import type { AnswerClaim, Citation } from '../../core/answer.js';
import type { SentenceVerdict } from './check.js';
import type { NumberedPassage, PassageSentence } from './passages.js';

/**
 * Turns the kept sentences into the answer text and its citations: each cited passage becomes the
 * exact sentences of it that support the answer sentence (quote == document text at start..end),
 * numbered 1..n in order of first use, and the markers are rewritten to those numbers.
 */
export function buildCitations(kept: readonly SentenceVerdict[], passages: readonly NumberedPassage[]):
{ text: string; citations: Citation[] } {
  const citations: Citation[] = [];
  const byKey = new Map<string, number>();
  const numberOf = (p: NumberedPassage, x: PassageSentence): number => {
    const key = `${p.chunk.docId}:${x.start}:${x.end}`;
    let n = byKey.get(key);
    if (n === undefined) {
      n = citations.length + 1;
      byKey.set(key, n);
      const c = p.chunk;
      citations.push({ n, docId: c.docId, title: c.title, url: c.url, publisher: c.publisher, published: c.published,
        quote: x.text, start: x.start, end: x.end });
    }
    return n;
  };
  const parts = kept.map((v, i) => {
    const ns: number[] = [];
    for (const pn of v.sentence.cites) {
      const p = passages.find((x) => x.n === pn)!;
      for (const x of v.support.get(pn) ?? []) {
        const n = numberOf(p, x);
        if (!ns.includes(n)) ns.push(n);
      }
    }
    const text = withMarkers(v.sentence.text, ns);
    return i === 0 ? text : `${v.sentence.newLine ? '\n' : ' '}${text}`;
  });
  return { text: parts.join(''), citations };
}

/** Puts the markers before the sentence's closing punctuation: "... attack [1][2]." */
function withMarkers(text: string, ns: readonly number[]): string {
  const markers = ns.map((n) => `[${n}]`).join('');
  const m = /[.!?]["”’)]*$/.exec(text);
  return m ? `${text.slice(0, m.index)} ${markers}${m[0]}` : `${text} ${markers}`;
}

/**
 * The claims of the extractive answer, renumbered to the new citations: a claim keeps the new
 * citations that overlap its old ones; a claim the new answer does not touch is left out.
 */
export function remapClaims(claims: readonly AnswerClaim[], oldCitations: readonly Citation[], newCitations: readonly Citation[]): AnswerClaim[] {
  return claims.flatMap((c) => {
    const spans = c.citations.map((n) => oldCitations.find((x) => x.n === n)).filter((x): x is Citation => !!x);
    const ns = newCitations
      .filter((nc) => spans.some((s) => s.docId === nc.docId && s.start < nc.end && s.end > nc.start) || nc.quote.includes(c.text))
      .map((nc) => nc.n);
    return ns.length ? [{ ...c, citations: ns }] : [];
  });
}
