import type { Gazetteer } from '../claims/actors.js';
import { refreshLedger } from '../claims/app-ledger.js';
import type { ClaimLedger } from '../claims/ledger-store.js';
import type { Store } from '../storage/sqlite/store.js';
import type { App } from './app.js';
import type { Config } from './config.js';
import { storyTimeline } from './timeline.js';
import { addWatches, listWatches, markNoticeFailed, markNoticeSent, pendingNotices, removeWatch } from './watches.js';

/** The App's methods for following a story: timelines, watched claims and their outbox. */
export function storyMethods(store: Store, ledger: ClaimLedger, gazetteer: Gazetteer, config: Config): Pick<App,
  'timeline' | 'watchClaims' | 'listWatches' | 'unwatch' | 'pendingNotices' | 'markNoticeSent' | 'markNoticeFailed'> {
  return {
    timeline(query) {
      refreshLedger(store, ledger);
      return storyTimeline(store, gazetteer, query);
    },
    watchClaims(input) {
      refreshLedger(store, ledger);
      return addWatches(store, input, config.WATCH_MAX_PER_MEMBER);
    },
    listWatches: (userId) => listWatches(store, userId),
    unwatch: (userId, id) => removeWatch(store, userId, id),
    pendingNotices: (limit) => pendingNotices(store, limit),
    markNoticeSent: (id, to) => markNoticeSent(store, id, to),
    markNoticeFailed: (id, error) => markNoticeFailed(store, id, error),
  };
}
