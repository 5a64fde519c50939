import { UserError } from '../../core/errors.js';

/**
 * Checks a `DATABASE_URL`: a postgres:// or postgresql:// URL (a unix socket folder may be given as
 * `?host=/path`). The URL itself never appears in the error, since it may hold a password.
 */
export function parsePostgresUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UserError('CONFIG_INVALID', { detail: 'DATABASE_URL is not a URL (expected postgres://user@host/database)' });
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new UserError('CONFIG_INVALID', {
      detail: `DATABASE_URL must start with postgres:// or postgresql:// (got ${parsed.protocol}//)`,
    });
  }
  if (!parsed.pathname.replace(/^\//, '')) {
    throw new UserError('CONFIG_INVALID', { detail: 'DATABASE_URL names no database (postgres://user@host/DATABASE)' });
  }
  return parsed;
}
