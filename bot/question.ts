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

/** Asks the app (the only place questions are answered) and renders the result. */
export async function answerQuestion(ctx: BotContext, question: string, followUp?: FollowUp): Promise<AnsweredQuestion> {
  const started = Date.now();
  const answer = await ctx.app.answer(question, { channel: 'discord', ...(followUp ? { followUp } : {}) });
  const key = ctx.memory.store(answer);
  const { message } = renderAnswer(answer, key);
  ctx.log.debug('answered', { ms: Date.now() - started, abstained: answer.abstained, citations: answer.citations.length });
  return { answer, key, message };
}
