import { UserError } from '../../core/errors.js';

/** SQLSTATE classes and codes that mean "not now" rather than "wrong": connection, shutdown, lock, serialization. */
const UNAVAILABLE_CLASSES = ['08', '57'];
const UNAVAILABLE_CODES = new Set(['40001', '40P01', '55P03', '53300', 'ECONNREFUSED', 'ECONNRESET', 'ENOENT', 'ETIMEDOUT']);

/** True when `err` says the server is busy or out of reach for the moment. */
export function isUnavailable(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  if (typeof code !== 'string') return /Connection terminated|timeout exceeded when trying to connect/i.test((err as Error)?.message ?? '');
  return UNAVAILABLE_CODES.has(code) || UNAVAILABLE_CLASSES.includes(code.slice(0, 2));
}

/** Runs `fn`; a busy or unreachable server becomes STORE_BUSY (what best-effort writers swallow). */
export async function busyAsStoreBusy<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (isUnavailable(err)) throw new UserError('STORE_BUSY');
    throw err;
  }
}
