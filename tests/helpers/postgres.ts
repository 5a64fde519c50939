import { findPostgresBinaries, POSTGRES_MISSING, startTempPostgres as start, type TempPostgres } from '../../bench/temp-postgres.js';

export { POSTGRES_MISSING, type TempPostgres };

/** The server binaries ($PG_BIN overrides the Debian location), or undefined. */
export const postgresBinaries = findPostgresBinaries(process.env.PG_BIN);

/** A fresh throw-away cluster (about 1.5 s); throws POSTGRES_MISSING without binaries. */
export function startTempPostgres(): TempPostgres {
  return start(postgresBinaries);
}
