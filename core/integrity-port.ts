/** A problem found in the store, with the command or step that repairs it. */
export interface StoreProblem {
  problem: string;
  fix: string;
}

/**
 * An adapter's check of its own store, by its own means, without changing anything: passages
 * without a document, passages whose text differs from their document's span, and whatever else
 * the adapter can verify (SQLite: page integrity and the FTS index; PostgreSQL: search vectors and
 * vector lengths).
 */
export interface StoreIntegrity {
  /** Problems found (empty when none). `vectorBytes`: the expected length of each stored vector, when known. */
  check(opts?: { vectorBytes?: number }): Promise<StoreProblem[]>;
}
