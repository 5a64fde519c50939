import { llmSettingsFrom, loadChatModel, type LlmConfig } from './chat-model.js';
import { createLlmComposer, type LlmComposer } from './compose.js';

export type { LlmComposeResult, LlmComposer, ComposeReport } from './compose.js';

/**
 * The LLM composer for ANSWER_MODE=llm: checks the settings now (a clear error at start-up), loads the
 * provider package and model on the first question.
 */
export function llmComposerFrom(config: LlmConfig): LlmComposer {
  const settings = llmSettingsFrom(config);
  return createLlmComposer(() => loadChatModel(settings), { timeoutMs: settings.timeoutMs });
}
