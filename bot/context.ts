import type { App } from '../app/app.js';
import type { Config } from '../app/config.js';
import type { AttachmentInfo } from './download.js';
import type { Logger } from './log.js';
import type { AnswerMemory } from './memory.js';
import type { RoleConfig } from './permissions.js';
import type { RateLimiter } from './rate-limit.js';
import type { ThreadMemory } from './threads.js';

/** Everything a handler needs, built once by `startBot`. */
export interface BotContext {
  app: App;
  config: Config;
  log: Logger;
  limiter: RateLimiter;
  memory: AnswerMemory;
  roles: RoleConfig;
  /** Busy channels, and the threads the bot answers in with their earlier questions. */
  threads: ThreadMemory;
  /** Downloads an attachment with the configured size cap (the only outgoing fetch of the bot). */
  download(att: AttachmentInfo): Promise<Uint8Array>;
}
