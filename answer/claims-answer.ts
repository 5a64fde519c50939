import type { RetrievedChunk } from '../retrieval/hybrid.js';
import type { QuestionAnalysis } from '../retrieval/question.js';
import { attachClaims } from './claims-attach.js';
import type { ComposedAnswer } from './claims-builder.js';
import { memoClaimSource, type ClaimSource } from './claim-source.js';
import { composeClaimAnswer, type WiderSpans } from './claims-compose.js';

/**
 * The answer with its claims: questions about claims ("Did ...?", "Who condemned ...?", "What is
 * disputed?") are answered from the ledger when it holds something on them; otherwise the extractive
 * answer is composed and the claims it touches are added to it.
 */
export async function composeWithClaims(a: QuestionAnalysis, chunks: readonly RetrievedChunk[], ledger: ClaimSource,
  extractive: () => ComposedAnswer | Promise<ComposedAnswer>, wider?: WiderSpans): Promise<ComposedAnswer> {
  // One answer reads a claim's members or a span's entries from several places: each read is done once.
  const source = memoClaimSource(ledger);
  // "Who condemned ...?" lists every actor: the ledger is read beyond the top passages, in `wider` (on demand).
  return (await composeClaimAnswer(a, chunks, source, wider)) ?? attachClaims(await extractive(), source, a);
}
