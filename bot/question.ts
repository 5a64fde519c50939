import type { FollowUp } from '../app/app.js';
import type { Answer } from '../core/answer.js';
import type { BotContext } from './context.js';
import { renderAnswer } from './render/answer.js';
import type { BotMessage } from './render/payload.js';

/** An answer, the key its buttons carry, and its message. */
export interface AnsweredQuestion {
  answer: Answer;
  key: string;
  message: BotMessage;
}

/**
 * Asks the app (the only place questions are answered) and renders the result. `locales` are the asker's
 * (Discord's member locale, then the server's): the answer is in the question's language, else in these.
 */
export async function answerQuestion(ctx: BotContext, question: string, followUp?: FollowUp, locales: (string | null | undefined)[] = []): Promise<AnsweredQuestion> {
  const started = Date.now();
  const answer = await ctx.app.answer(question, { channel: 'discord', ...(followUp ? { followUp } : {}), locales: locales.map((l) => l ?? undefined) });
  const key = ctx.memory.store(answer);
  const { message } = renderAnswer(answer, key);
  ctx.log.debug('answered', { ms: Date.now() - started, abstained: answer.abstained, citations: answer.citations.length });
  return { answer, key, message };
}
