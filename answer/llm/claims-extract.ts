import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { z } from 'zod';
import { splitSentences } from '../../corpus/sentences.js';
import { CLAIMS_PROMPT_VERSION, claimsExtractPrompt } from '../../prompts/claims-extract.js';
import { neutralise } from '../../prompts/data.js';
import { invokeWithin } from './compose.js';

/** A claim as the model reports it, after validation: `text` is exactly the document at start..end. */
export interface LlmClaim {
  start: number;
  end: number;
  text: string;
  speaker?: string;
  stance?: string;
  hedged: boolean;
}

const replySchema = z.object({
  claims: z.array(z.object({
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
    text: z.string().min(1),
    speaker: z.string().min(1).optional(),
    stance: z.string().min(1).optional(),
    hedged: z.boolean().optional(),
  })),
});

/** Options of {@link extractClaimsWithLlm}. */
export interface ClaimsExtractOptions<T> {
  model: BaseChatModel | (() => Promise<BaseChatModel>);
  timeoutMs: number;
  /** The rule-based extractor, used when the model fails, times out or answers badly. */
  fallback: () => T[] | Promise<T[]>;
  /** Turns a validated model claim into the caller's claim type. */
  toClaim: (c: LlmClaim) => T;
  /** Characters of sentences sent per call (a long document takes several calls). */
  windowChars?: number;
}

/** The claims of a document and where they came from. */
export interface ClaimsExtractResult<T> {
  claims: T[];
  source: 'llm' | 'rules';
  promptVersion: string;
  /** Model claims dropped because their text was not the document's text at their offsets. */
  rejected: number;
  error?: string;
}

/**
 * Extracts claims with the model (CLAIMS_MODE=llm): the document goes out as sentences with their
 * offsets; the reply must match a zod schema, and each claim's text must be exactly the document's
 * text at its offsets (claims that are not are dropped). A failed call, a reply that does not parse,
 * or more than half of the claims dropped, and the rule-based extractor's claims are returned instead.
 */
export async function extractClaimsWithLlm<T>(doc: { title: string; text: string }, opts: ClaimsExtractOptions<T>):
Promise<ClaimsExtractResult<T>> {
  const base = { promptVersion: CLAIMS_PROMPT_VERSION };
  let rejected = 0;
  const accepted: LlmClaim[] = [];
  let total = 0;
  try {
    const chat = typeof opts.model === 'function' ? await opts.model() : opts.model;
    for (const window of windows(doc.text, opts.windowChars ?? 12_000)) {
      const messages = await claimsExtractPrompt.formatMessages({
        title: neutralise(doc.title).replace(/"/g, "'"),
        sentences: window.map((s) => `<s start="${s.start}" end="${s.end}">${neutralise(doc.text.slice(s.start, s.end))}</s>`).join('\n'),
      });
      const reply = replySchema.parse(parseJson(await invokeWithin(chat, messages, opts.timeoutMs)));
      for (const c of reply.claims) {
        total++;
        const exact = doc.text.slice(c.start, c.end);
        if (c.end <= doc.text.length && (exact === c.text || neutralise(exact) === c.text.trim())) {
          accepted.push({ start: c.start, end: c.end, text: exact, speaker: c.speaker, stance: c.stance, hedged: c.hedged ?? false });
        } else rejected++;
      }
    }
  } catch (err) {
    return { ...base, claims: await opts.fallback(), source: 'rules', rejected, error: err instanceof Error ? err.message : String(err) };
  }
  if (rejected * 2 > total) {
    return { ...base, claims: await opts.fallback(), source: 'rules', rejected, error: `${rejected} of ${total} claims did not match their offsets` };
  }
  return { ...base, claims: accepted.map(opts.toClaim), source: 'llm', rejected };
}

function windows(text: string, maxChars: number): { start: number; end: number }[][] {
  const out: { start: number; end: number }[][] = [];
  let current: { start: number; end: number }[] = [];
  let size = 0;
  for (const s of splitSentences(text)) {
    if (current.length && size + (s.end - s.start) > maxChars) { out.push(current); current = []; size = 0; }
    current.push(s);
    size += s.end - s.start;
  }
  if (current.length) out.push(current);
  return out;
}

/** The JSON object in a reply, without code fences or prose around it. */
function parseJson(raw: string): unknown {
  const from = raw.indexOf('{');
  const to = raw.lastIndexOf('}');
  if (from < 0 || to < from) throw new Error('the reply holds no JSON object');
  return JSON.parse(raw.slice(from, to + 1));
}
