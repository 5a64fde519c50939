import type { Gazetteer } from '../claims/actors.js';
import { refreshLedger } from '../claims/app-ledger.js';
import type { ClaimLedger } from '../claims/ledger-store.js';
import type { Storage } from '../core/ports.js';
import type { App } from './app.js';
import type { Config } from './config.js';
import { storyTimeline } from './timeline.js';
import { addWatches, listWatches, markNoticeFailed, markNoticeSent, pendingNotices, removeWatch } from './watches.js';

/** The App's methods for following a story: timelines, watched claims and their outbox. */
export function storyMethods(storage: Storage, ledger: ClaimLedger, gazetteer: Gazetteer, config: Config): Pick<App,
  'timeline' | 'watchClaims' | 'listWatches' | 'unwatch' | 'pendingNotices' | 'markNoticeSent' | 'markNoticeFailed'> {
  return {
    async timeline(query) {
      await refreshLedger(storage, ledger);
      return storyTimeline(storage, gazetteer, query);
    },
    async watchClaims(input) {
      await refreshLedger(storage, ledger);
      return addWatches(storage, input, config.WATCH_MAX_PER_MEMBER);
    },
    listWatches: (userId) => listWatches(storage.watches, userId),
    unwatch: (userId, id) => removeWatch(storage, userId, id),
    pendingNotices: (limit) => pendingNotices(storage.watches, limit),
    markNoticeSent: (id, to) => markNoticeSent(storage.watches, id, to),
    markNoticeFailed: (id, error) => markNoticeFailed(storage.watches, id, error),
  };
}
