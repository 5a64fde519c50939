import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { UserError } from '../../core/errors.js';

/** Which chat model answers, and where it runs. */
export interface LlmSettings {
  provider: 'ollama' | 'openai';
  model: string;
  /** Ollama: the server (default http://127.0.0.1:11434). OpenAI-compatible: the API root, e.g. http://host:8000/v1. */
  baseUrl?: string;
  apiKey?: string;
  timeoutMs: number;
}

/** The configuration keys the LLM settings come from. */
export interface LlmConfig {
  LLM_PROVIDER?: 'ollama' | 'openai';
  LLM_MODEL?: string;
  LLM_BASE_URL?: string;
  LLM_API_KEY?: string;
  LLM_TIMEOUT_MS: number;
}

/** Settings from configuration; throws CONFIG_MISSING naming what an LLM mode still needs. */
export function llmSettingsFrom(config: LlmConfig, purpose = 'ANSWER_MODE=llm'): LlmSettings {
  if (!config.LLM_PROVIDER) {
    throw new UserError('CONFIG_MISSING', { name: 'LLM_PROVIDER', hint: `${purpose} needs LLM_PROVIDER=ollama or LLM_PROVIDER=openai` });
  }
  if (!config.LLM_MODEL) {
    throw new UserError('CONFIG_MISSING', { name: 'LLM_MODEL', hint: `${purpose} needs the model name, e.g. LLM_MODEL=llama3.1:8b` });
  }
  if (config.LLM_PROVIDER === 'openai' && !config.LLM_BASE_URL && !config.LLM_API_KEY) {
    throw new UserError('CONFIG_MISSING', {
      name: 'LLM_API_KEY', hint: 'LLM_PROVIDER=openai needs LLM_API_KEY for api.openai.com, or LLM_BASE_URL for another OpenAI-compatible server',
    });
  }
  return {
    provider: config.LLM_PROVIDER, model: config.LLM_MODEL, baseUrl: config.LLM_BASE_URL,
    apiKey: config.LLM_API_KEY, timeoutMs: config.LLM_TIMEOUT_MS,
  };
}

/**
 * Loads the provider package (a dynamic import: nothing is loaded unless an LLM mode is configured)
 * and builds the chat model: deterministic (temperature 0), no retries of its own (the caller has one
 * time-out for the whole call and falls back).
 */
export async function loadChatModel(s: LlmSettings): Promise<BaseChatModel> {
  if (s.provider === 'ollama') {
    const { ChatOllama } = await import('@langchain/ollama');
    return new ChatOllama({ model: s.model, baseUrl: s.baseUrl ?? 'http://127.0.0.1:11434', temperature: 0, maxRetries: 0 });
  }
  const { ChatOpenAI } = await import('@langchain/openai');
  return new ChatOpenAI({
    model: s.model,
    temperature: 0,
    maxRetries: 0,
    timeout: s.timeoutMs,
    // Not streamed: the whole answer is checked before anyone sees it, and a streamed invoke makes the
    // client estimate token counts with an encoding it downloads (it hangs without network).
    streaming: false,
    useResponsesApi: false,
    // OpenAI-compatible servers without authentication still need a non-empty key for the client.
    apiKey: s.apiKey ?? 'unused',
    configuration: s.baseUrl ? { baseURL: s.baseUrl } : {},
  });
}
