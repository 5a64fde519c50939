import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { BaseMessage } from '@langchain/core/messages';
import { ANSWER_PROMPT_VERSION, NO_ANSWER_SENTENCE, answerPrompt } from '../../prompts/answer.js';
import { formatClaims, formatPassages, formatQuestion } from '../../prompts/data.js';
import type { RetrievedChunk } from '../../retrieval/hybrid.js';
import type { Answer } from '../../core/answer.js';
import { checkAnswer, DEFAULT_CHECK, type CheckOptions, type SentenceVerdict } from './check.js';
import { buildCitations, remapClaims } from './cite.js';
import { splitAnswer } from './parse.js';
import { ledgerFor, numberPassages, promptClaims, promptPassages } from './passages.js';

/** An answer without its timings and mode, as the composers return it. */
export type ComposedAnswer = Omit<Answer, 'timings' | 'mode'>;

/** What the LLM composer works from: the question, the retrieved chunks and the extractive answer. */
export interface LlmComposeInput {
  question: string;
  chunks: readonly RetrievedChunk[];
  /** The extractive answer: the fallback, and the source of the claim ledger. */
  extractive: ComposedAnswer;
  signal?: AbortSignal;
}

/** Why the extractive answer was sent instead of the LLM's. */
export type FallbackReason = 'no-passages' | 'timeout' | 'provider-error' | 'abstained' | 'rejected';

/** What happened, for logs and tests. */
export interface ComposeReport {
  promptVersion: string;
  fallback?: FallbackReason;
  error?: string;
  /** The model's reply as received. */
  raw?: string;
  dropped: { text: string; failures: string[]; detail: string[] }[];
  ms: number;
}

/** The answer to send, with the mode that produced it. */
export interface LlmComposeResult {
  answer: ComposedAnswer;
  mode: 'llm' | 'extractive';
  report: ComposeReport;
}

/** Options of {@link composeWithLlm}. */
export interface LlmComposeOptions {
  timeoutMs: number;
  maxPassages?: number;
  maxSentences?: number;
  check?: CheckOptions;
}

/**
 * Asks the model to answer from the numbered passages, then checks every sentence before anyone sees
 * it (see `check.ts`): failing sentences are dropped; when nothing is left, more than half was
 * dropped, the model says the passages do not answer, the call fails or it takes longer than
 * `timeoutMs`, the extractive answer is returned instead, with mode 'extractive'.
 */
export async function composeWithLlm(model: BaseChatModel | (() => Promise<BaseChatModel>), input: LlmComposeInput,
  opts: LlmComposeOptions): Promise<LlmComposeResult> {
  const t0 = performance.now();
  const report: ComposeReport = { promptVersion: ANSWER_PROMPT_VERSION, dropped: [], ms: 0 };
  const fallback = (reason: FallbackReason, error?: string): LlmComposeResult => {
    Object.assign(report, { fallback: reason, error, ms: performance.now() - t0 });
    return { answer: input.extractive, mode: 'extractive', report };
  };
  const passages = numberPassages(input.chunks, opts.maxPassages ?? 8);
  if (passages.length === 0) return fallback('no-passages');
  const ledger = ledgerFor(input.extractive.claims, input.extractive.citations, passages);
  let raw: string;
  try {
    const chat = typeof model === 'function' ? await model() : model;
    const messages = await answerPrompt.formatMessages({
      passages: formatPassages(promptPassages(passages)),
      claims: formatClaims(promptClaims(ledger)),
      question: formatQuestion(input.question),
      maxSentences: String(opts.maxSentences ?? 6),
    });
    raw = await invokeWithin(chat, messages, opts.timeoutMs, input.signal);
  } catch (err) {
    const timedOut = err instanceof Error && err.name === 'TimeoutError';
    return fallback(timedOut ? 'timeout' : 'provider-error', err instanceof Error ? err.message : String(err));
  }
  report.raw = raw;
  const sentences = splitAnswer(raw);
  if (isNoAnswer(raw, sentences.length)) return fallback('abstained');
  const verdict = checkAnswer(sentences, passages, ledger, opts.check ?? DEFAULT_CHECK);
  report.dropped = verdict.dropped.map(describe);
  if (!verdict.accepted) return fallback('rejected');
  const { text, citations } = buildCitations(verdict.kept, passages);
  const claims = remapClaims(input.extractive.claims, input.extractive.citations, citations);
  report.ms = performance.now() - t0;
  return { answer: { question: input.question, answer: text, citations, claims, abstained: false }, mode: 'llm', report };
}

function describe(v: SentenceVerdict): ComposeReport['dropped'][number] {
  return { text: v.sentence.text, failures: v.failures, detail: v.detail };
}

function isNoAnswer(raw: string, sentences: number): boolean {
  const said = raw.toLowerCase().includes(NO_ANSWER_SENTENCE.toLowerCase().slice(0, -1));
  return sentences === 0 || (said && sentences <= 2);
}

/**
 * Invokes the model with an AbortSignal that fires after `ms`, and stops waiting at that moment even
 * if the client does not notice the signal. Rejects with a `TimeoutError` on time-out.
 */
export async function invokeWithin(chat: BaseChatModel, messages: BaseMessage[], ms: number, outer?: AbortSignal): Promise<string> {
  const timeout = AbortSignal.timeout(ms);
  const signal = outer ? AbortSignal.any([timeout, outer]) : timeout;
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    const reply = await Promise.race([chat.invoke(messages, { signal }), aborted]);
    return typeof reply.content === 'string' ? reply.content : reply.text;
  } catch (err) {
    if (!timeout.aborted) throw err;
    const e = new Error(`no reply within ${ms} ms`);
    e.name = 'TimeoutError';
    throw e;
  } finally {
    if (onAbort) signal.removeEventListener('abort', onAbort);
  }
}

/** A composer bound to one model; the model (and its provider package) is loaded on first use. */
export interface LlmComposer {
  compose(input: LlmComposeInput): Promise<LlmComposeResult>;
}

/** Builds a composer whose model comes from `load` the first time it is needed. */
export function createLlmComposer(load: () => Promise<BaseChatModel>, opts: LlmComposeOptions): LlmComposer {
  let model: Promise<BaseChatModel> | undefined;
  const get = () => {
    model ??= load().catch((err: unknown) => { model = undefined; throw err; });
    return model;
  };
  return { compose: (input) => composeWithLlm(get, input, opts) };
}
