import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { ClaimExtractor } from '../../claims/extractor.js';
import type { Gazetteer } from '../../claims/actors.js';
import { mergeModelClaims } from '../../claims/model-claims.js';
import { llmSettingsFrom, loadChatModel, type LlmConfig } from './chat-model.js';
import { extractClaimsWithLlm } from './claims-extract.js';

/**
 * The claim extractor for CLAIMS_MODE=llm: settings checked now, the model loaded on the first document.
 * Each document's claims come from the model, checked against the document's exact text and merged with
 * the rule-based mentions (claims/model-claims.ts); a failed, late or unfaithful reply keeps the rules'.
 */
export function llmClaimExtractorFrom(config: LlmConfig, gazetteer: Gazetteer): ClaimExtractor {
  const settings = llmSettingsFrom(config, 'CLAIMS_MODE=llm');
  let model: Promise<BaseChatModel> | undefined;
  return async (doc, attributions, rules) => {
    const r = await extractClaimsWithLlm(doc, {
      model: () => (model ??= loadChatModel(settings)), timeoutMs: settings.timeoutMs, fallback: () => [], toClaim: (c) => c,
    });
    if (r.source === 'rules') return { claims: rules, by: 'rules', fallback: (r.error ?? 'the model gave no usable claims').slice(0, 200) };
    return { claims: mergeModelClaims(doc.id, doc.text, attributions, rules, r.claims, gazetteer), by: 'llm' };
  };
}
