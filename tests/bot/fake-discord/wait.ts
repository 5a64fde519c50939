import type { EventEmitter } from 'node:events';

/** Resolves with `check()` once it returns a value, re-checking on each `event`; rejects after `timeoutMs`. */
export function waitUntil<T>(emitter: EventEmitter, event: string, check: () => T | undefined, timeoutMs: number, what: () => string): Promise<T> {
  const now = check();
  if (now !== undefined) return Promise.resolve(now);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      emitter.off(event, on);
      reject(new Error(`${what()} (waited ${timeoutMs} ms)`));
    }, timeoutMs);
    const on = () => {
      const v = check();
      if (v === undefined) return;
      clearTimeout(timer);
      emitter.off(event, on);
      resolve(v);
    };
    emitter.on(event, on);
  });
}
