import { splitSentences } from '../../corpus/sentences.js';
import type { RetrievedChunk } from '../../retrieval/hybrid.js';
import type { PromptClaim, PromptPassage } from '../../prompts/data.js';
import type { AnswerClaim, Citation, ClaimStatus } from '../../core/answer.js';
import { looksLikeInjection } from './words.js';

/** A sentence of a passage with its offsets into the document. */
export interface PassageSentence {
  start: number;
  end: number;
  text: string;
  /** The sentence reads as an instruction to the model; it never counts as support. */
  injection: boolean;
}

/** A retrieved chunk as numbered for the model, with its sentences. */
export interface NumberedPassage {
  n: number;
  chunk: RetrievedChunk;
  sentences: PassageSentence[];
}

/** A claim of the ledger with the passages it lies in. */
export interface LedgerClaim {
  id: string;
  text: string;
  speaker?: string;
  status: ClaimStatus;
  passages: number[];
}

/** Numbers the first `max` chunks 1..n and splits each into exact sentences. */
export function numberPassages(chunks: readonly RetrievedChunk[], max = 8): NumberedPassage[] {
  return chunks.slice(0, max).map((chunk, i) => ({ n: i + 1, chunk, sentences: sentencesOf(chunk) }));
}

function sentencesOf(chunk: RetrievedChunk): PassageSentence[] {
  const spans = chunk.speakers.length
    ? chunk.speakers.map((s) => ({ start: s.start, end: s.end }))
    : splitSentences(chunk.text).map((s) => ({ start: s.start + chunk.start, end: s.end + chunk.start }));
  return spans
    .filter((s) => s.start >= chunk.start && s.end <= chunk.end && s.end > s.start)
    .map((s) => {
      const text = chunk.text.slice(s.start - chunk.start, s.end - chunk.start);
      return { ...s, text, injection: looksLikeInjection(text) };
    });
}

/** The passages in the shape the prompt formats. */
export function promptPassages(passages: readonly NumberedPassage[]): PromptPassage[] {
  return passages.map((p) => ({
    n: p.n, title: p.chunk.title, publisher: p.chunk.publisher, published: p.chunk.published, text: p.chunk.text,
  }));
}

/**
 * The claim ledger for the passages: each claim of the extractive answer with the passages that hold
 * its cited quotes (or its text).
 */
export function ledgerFor(claims: readonly AnswerClaim[], citations: readonly Citation[], passages: readonly NumberedPassage[]): LedgerClaim[] {
  return claims.map((c) => {
    const spans = c.citations.map((n) => citations.find((x) => x.n === n)).filter((x): x is Citation => !!x);
    const inPassage = (p: NumberedPassage) =>
      spans.some((s) => s.docId === p.chunk.docId && s.start < p.chunk.end && s.end > p.chunk.start) ||
      (c.text.length > 20 && p.chunk.text.includes(c.text));
    return { id: c.id, text: c.text, speaker: c.speaker, status: c.status, passages: passages.filter(inPassage).map((p) => p.n) };
  });
}

/** The ledger in the shape the prompt formats. */
export function promptClaims(ledger: readonly LedgerClaim[]): PromptClaim[] {
  return ledger.map((c) => ({ id: c.id, status: c.status, speaker: c.speaker, text: c.text, passages: c.passages }));
}
