import { randomBytes } from 'node:crypto';

let counter = 0n;

/** A fresh snowflake-like id (increasing, 18-19 digits). */
export function snowflake(): string {
  counter += 1n;
  return (((BigInt(Date.now()) - 1420070400000n) << 22n) + counter).toString();
}

/** A random interaction token (long, like Discord's). */
export function interactionToken(): string {
  return `aW50ZXJhY3Rpb24${randomBytes(48).toString('base64url')}`;
}
