import { readFileSync } from 'node:fs';
import type { RetrievedChunk } from '../../../retrieval/hybrid.js';
import { bundledDocumentsDir } from '../../../core/paths.js';
import type { ComposedAnswer } from '../../../answer/llm/compose.js';
import type { AnswerClaim, Citation } from '../../../core/answer.js';

export const DOC_ID = 'pakistan-condemns-alleged-attack-on-putin-residence';
export const TITLE = 'Pakistan condemns alleged attack on Putin residence';

/** The body of the bundled Pakistan article (front matter removed). */
export const ARTICLE = readFileSync(`${bundledDocumentsDir()}/${DOC_ID}.md`, 'utf8').replace(/^---[\s\S]*?\n---\n/, '');

/** A retrieved chunk over `text`, one per paragraph by default, without stored speakers (sentences are split). */
export function chunk(text: string, start: number, end: number, id = start, docId = DOC_ID, title = TITLE): RetrievedChunk {
  return {
    id, docId, ord: id, start, end, text: text.slice(start, end), title, publisher: 'The Neutral',
    url: 'https://theneutral.pk/x', published: '2025-12-30', kind: 'news report', score: 1, speakers: [], speakerMatch: false,
  };
}

/** The article's paragraphs as chunks, in order (passage n = paragraph n). */
export function paragraphs(text = ARTICLE, docId = DOC_ID, title = TITLE): RetrievedChunk[] {
  const out: RetrievedChunk[] = [];
  let at = 0;
  for (const p of text.split('\n')) {
    if (p.trim()) out.push(chunk(text, at, at + p.length, out.length + 1, docId, title));
    at += p.length + 1;
  }
  return out;
}

/** Offsets of an exact phrase in the article. */
export function span(phrase: string, text = ARTICLE): { start: number; end: number } {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`not in the article: ${phrase}`);
  return { start, end: start + phrase.length };
}

/** An extractive answer quoting `phrases`, with optional claims over them. */
export function extractiveOf(question: string, phrases: string[], claims: AnswerClaim[] = []): ComposedAnswer {
  const citations: Citation[] = phrases.map((p, i) => ({ n: i + 1, docId: DOC_ID, title: TITLE, quote: p, ...span(p) }));
  return {
    question, citations, claims, abstained: false,
    answer: `What the sources say:\n${citations.map((c) => `• “${c.quote}” [${c.n}]`).join('\n')}`,
  };
}

/** The number of the passage (in the prompt the fake received) whose text holds `phrase`. */
export function passageWith(user: string, phrase: string): number {
  for (const m of user.matchAll(/<passage n="(\d+)"[^>]*>\n([\s\S]*?)\n<\/passage>/g)) {
    if (m[2]!.includes(phrase)) return Number(m[1]);
  }
  throw new Error(`no passage holds: ${phrase}`);
}
