import type { ClaimSource } from '../answer/claim-source.js';
import { composeWithClaims } from '../answer/claims-answer.js';
import { composeExtractive } from '../answer/extractive.js';
import { staleNote } from '../answer/freshness.js';
import type { ComposedAnswer } from '../answer/claims-builder.js';
import type { LlmComposer } from '../answer/llm/index.js';
import type { Answer } from '../core/answer.js';
import type { Gazetteer } from '../claims/actors.js';
import { UserError } from '../core/errors.js';
import { hybridSearch, widerSpans, type SearchDeps } from '../retrieval/hybrid.js';
import { chooseLocale } from '../retrieval/languages/locale.js';
import { analyzeQuestion } from '../retrieval/question.js';
import { weighTerms } from '../retrieval/topic.js';
import type { AskOptions } from './app.js';
import type { Config } from './config.js';
import type { IndexReplica } from './index-replica.js';

const MAX_QUESTION = 1000;
/** Passages searched beyond the top k for ledger answers (every actor with a stance, every figure). */
const WIDER_K = 24;

/** What the answerer reads: the store's ports, this process's index replica and the claim ledger. */
export interface AnswererDeps {
  config: Pick<Config, 'RETRIEVAL_K' | 'RETRIEVAL_MODE' | 'STALE_SOURCE_DAYS'>;
  gazetteer: Gazetteer;
  search: SearchDeps;
  replica: IndexReplica;
  claims: ClaimSource;
  /** Derives stale claims again (after a removal) before the ledger is read. */
  refreshClaims: () => Promise<void> | void;
  /** ANSWER_MODE=llm: the model's answer, checked against its citations. */
  llm?: LlmComposer;
  /** Called after each answer (the question log, coverage gaps); never with the question in a log line. */
  onAnswered?: (q: string, answer: Answer, ask: AskOptions) => Promise<void> | void;
}

/** A composed answer with how it was made (before `answer()` adds timings). */
export interface Composed {
  sent: ComposedAnswer;
  mode: Answer['mode'];
  locale?: string;
  t1: number;
  t2: number;
}

/** The answerer service: questions in, cited answers out. */
export interface Answerer {
  /** A checked question answered, without the after-answer hooks (coverage gaps re-check questions with it). */
  compose(q: string, ask: AskOptions): Promise<Composed>;
  answer(question: string, ask?: AskOptions): Promise<Answer>;
}

/** Builds the answerer over its dependencies. */
export function createAnswerer(d: AnswererDeps): Answerer {
  // Stale claims come only from a removal, which changes the store version: look again only then.
  let refreshedAt = Number.NaN;
  const compose = async (q: string, ask: AskOptions): Promise<Composed> => {
    // Behind the store: catch up (another process wrote), unless our own import is adding vectors right now.
    await d.replica.catchUp();
    const prev = ask.followUp ? analyzeQuestion(ask.followUp.question, d.gazetteer) : undefined;
    const { index } = d.replica;
    const analysis = await weighTerms(analyzeQuestion(q, d.gazetteer, prev), d.search.storage.lexical, index.size);
    analysis.locale = chooseLocale(q, { override: ask.localeOverride, fallbacks: ask.locales });
    const t1 = performance.now();
    const chunks = await hybridSearch(d.search, analysis, { k: d.config.RETRIEVAL_K, mode: d.config.RETRIEVAL_MODE });
    const t2 = performance.now();
    if (refreshedAt !== index.storeVersion) {
      await d.refreshClaims();
      refreshedAt = index.storeVersion;
    }
    const wider = () => widerSpans(d.search, analysis, WIDER_K);
    const composed = await composeWithClaims(analysis, chunks, d.claims, () => composeExtractive(analysis, chunks), wider);
    const llmResult = d.llm && chunks.length ? await d.llm.compose({ question: q, chunks, extractive: composed }) : undefined;
    const picked = llmResult?.answer ?? composed;
    const stale = picked.abstained ? undefined : staleNote(picked, new Date(), d.config.STALE_SOURCE_DAYS, analysis.locale);
    const sent = stale ? { ...picked, answer: `${picked.answer}\n${stale}` } : picked;
    return { sent, mode: llmResult?.mode ?? 'extractive', t1, t2, locale: analysis.locale };
  };
  return {
    compose,
    async answer(question, ask = {}) {
      const t0 = performance.now();
      const q = question.trim();
      if (!q) throw new UserError('QUESTION_EMPTY');
      if (q.length > MAX_QUESTION) throw new UserError('QUESTION_TOO_LONG', { length: q.length, limit: MAX_QUESTION });
      const { sent, mode, t1, t2, locale } = await compose(q, ask);
      const t3 = performance.now();
      const timings = { analyzeMs: t1 - t0, retrieveMs: t2 - t1, composeMs: t3 - t2, totalMs: t3 - t0 };
      const answer: Answer = { ...sent, question: q, mode, timings, locale };
      await d.onAnswered?.(q, answer, ask);
      return answer;
    },
  };
}
