export type { SyncPort as Sync } from '../sync-port.js';
export { statusRecordOf, type StatusRow } from '../claim-rows.js';
