import { randomBytes } from 'node:crypto';
import type { Answer } from '../core/answer.js';
import { Lru } from './lru.js';

/**
 * What the bot remembers about its recent answers, in memory only (bounded): answers by the key in
 * their buttons, and the question behind each answer message (for follow-up replies).
 */
export class AnswerMemory {
  readonly #answers: Lru<string, Answer>;
  readonly #questions: Lru<string, { question: string; key?: string }>;
  readonly #votes = new Lru<string, true>(5000);

  constructor(capacity = 500) {
    this.#answers = new Lru(capacity);
    this.#questions = new Lru(capacity * 4);
  }

  /** Stores an answer and returns the key its buttons carry. */
  store(answer: Answer): string {
    const key = randomBytes(6).toString('base64url');
    this.#answers.set(key, answer);
    return key;
  }

  answer(key: string): Answer | undefined {
    return this.#answers.get(key);
  }

  /** Records that message `messageId` answers `question`. */
  rememberMessage(messageId: string, question: string, key?: string): void {
    this.#questions.set(messageId, { question, ...(key ? { key } : {}) });
  }

  /** True the first time `voteKey` (user and message) is seen; false for a repeated vote. */
  firstVote(voteKey: string): boolean {
    if (this.#votes.has(voteKey)) return false;
    this.#votes.set(voteKey, true);
    return true;
  }

  /** The question (and answer, if still held) behind one of the bot's messages. */
  lookupMessage(messageId: string): { question: string; answer?: Answer } | undefined {
    const hit = this.#questions.get(messageId);
    if (!hit) return undefined;
    const answer = hit.key ? this.#answers.get(hit.key) : undefined;
    return answer ? { question: hit.question, answer } : { question: hit.question };
  }
}
