import { Lru } from './lru.js';

const WINDOW_MS = 60_000;
const HISTORY = 5;

/**
 * What the bot remembers about channels and threads, in memory: how busy each channel is (messages in
 * the last minute, for THREAD_ANSWERS=busy), the threads it answers in (those it opened and forum posts),
 * and the questions asked in each, so that a follow-up there uses the thread's earlier questions.
 */
export class ThreadMemory {
  readonly #recent = new Lru<string, number[]>(2000);
  readonly #questions = new Lru<string, string[]>(2000);
  readonly #owned = new Lru<string, true>(2000);

  constructor(private readonly now: () => number = Date.now) {}

  /** Counts a message in a channel. */
  seen(channelId: string): void {
    const t = this.now();
    const xs = (this.#recent.get(channelId) ?? []).filter((x) => t - x < WINDOW_MS);
    xs.push(t);
    this.#recent.set(channelId, xs.slice(-1000));
  }

  /** True when the channel had at least `threshold` messages in the last minute. */
  busy(channelId: string, threshold: number): boolean {
    const t = this.now();
    return (this.#recent.get(channelId) ?? []).filter((x) => t - x < WINDOW_MS).length >= threshold;
  }

  /** Records a question answered in a thread; in a thread the bot `owns` (opened, a forum post) it answers every message. */
  remember(threadId: string, question: string, owns = false): void {
    this.#questions.set(threadId, [...(this.#questions.get(threadId) ?? []), question].slice(-HISTORY));
    if (owns) this.#owned.set(threadId, true);
  }

  /** The questions asked in a thread so far (oldest first). */
  history(threadId: string): string[] | undefined {
    return this.#questions.get(threadId);
  }

  /** True for the threads the bot opened for an answer and the forum posts it answered. */
  owns(threadId: string): boolean {
    return this.#owned.has(threadId);
  }
}

/**
 * The context a follow-up in a thread carries: the thread's last three questions, the latest first (its
 * speaker is the likeliest referent), joined so that the follow-up can take its topic words from any of them.
 */
export function threadFollowUp(history: readonly string[]): string {
  return history.slice(-3).reverse().join(' ').slice(0, 1000);
}
