import type { RetrievedChunk } from '../retrieval/hybrid.js';
import type { QuestionAnalysis } from '../retrieval/question.js';
import { attachClaims } from './claims-attach.js';
import type { ClaimSource, ComposedAnswer } from './claims-builder.js';
import { composeClaimAnswer } from './claims-compose.js';

/**
 * The answer with its claims: questions about claims ("Did ...?", "Who condemned ...?", "What is
 * disputed?") are answered from the ledger when it holds something on them; otherwise the extractive
 * answer is composed and the claims it touches are added to it.
 */
export function composeWithClaims(a: QuestionAnalysis, chunks: readonly RetrievedChunk[], ledger: ClaimSource,
  extractive: () => ComposedAnswer, wider?: () => readonly { docId: string; start: number; end: number }[]): ComposedAnswer {
  // "Who condemned ...?" lists every actor: the ledger is read beyond the top passages, in `wider` (on demand).
  return composeClaimAnswer(a, chunks, ledger, wider) ?? attachClaims(extractive(), ledger, a);
}
