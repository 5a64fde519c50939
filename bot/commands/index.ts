import * as ask from './ask.js';
import * as claims from './claims.js';
import * as corpus from './corpus.js';
import * as feedback from './feedback.js';
import * as gaps from './gaps.js';
import * as timeline from './timeline.js';
import * as watch from './watch.js';
import * as review from './review.js';
import * as stats from './stats.js';
import type { BotCommand } from './types.js';

/** Every slash command, in the order they are registered. */
export const commands: readonly BotCommand[] = [ask, timeline, watch, claims, review, feedback, corpus, stats, gaps];

/** Commands by name. */
export const commandsByName: ReadonlyMap<string, BotCommand> = new Map(commands.map((c) => [c.data.name, c]));

/** The JSON bodies to register with Discord. */
export function commandBodies(): BotCommand['data'][] {
  return commands.map((c) => c.data);
}
