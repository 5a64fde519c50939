import type { Attribution } from './attribution.js';
import type { ExtractedMention } from './extract.js';

/** Extracts a document's claim mentions from its attributed sentences, given the rule-based ones. */
export type ClaimExtractor = (doc: { id: string; title: string; text: string }, attributions: readonly Attribution[],
  rules: ExtractedMention[]) => Promise<{ claims: ExtractedMention[]; by: 'llm' | 'rules'; fallback?: string }>;
