import type { ClaimStatus } from '../core/answer.js';
import type { ClaimFilter } from '../core/claims.js';
import { UserError } from '../core/errors.js';
import type { Storage } from '../core/ports.js';
import type { Gazetteer } from './actors.js';
import type { ClaimLedger, LedgerEntry } from './ledger-store.js';
import { CLAIM_STATUSES } from './reviews.js';

/**
 * The ledger as the app lists it: stale claims derived again first, the actor filter resolved through
 * the gazetteer ("Kremlin", "Russian", "RUS" all mean Russia; an unknown name matches unnamed sources).
 */
export async function listLedger(storage: Storage, ledger: ClaimLedger, gazetteer: Gazetteer, filter: ClaimFilter = {}): Promise<LedgerEntry[]> {
  if (filter.status && !CLAIM_STATUSES.includes(filter.status)) {
    throw new UserError('CLAIM_BAD_STATUS', { status: String(filter.status), allowed: CLAIM_STATUSES.join(', ') });
  }
  await refreshLedger(storage, ledger);
  const actor = filter.actor?.trim() ? gazetteer.resolve(filter.actor.trim()) ?? gazetteer.find(filter.actor.trim(), true)[0]?.actor : undefined;
  return ledger.list({
    actorId: actor?.id, actorText: filter.actor?.trim() || undefined, status: filter.status as ClaimStatus | undefined, limit: filter.limit,
  });
}

/** Derives stale claims again (after a document was removed), in one transaction; cheap when none is stale. */
export async function refreshLedger(storage: Storage, ledger: ClaimLedger): Promise<void> {
  if ((await storage.claims.staleClaims()).length > 0) await storage.withTransaction((tx) => ledger.refresh(tx.claims));
}
