/** A port's synchronous twin: every method returns its value instead of a promise of it (the SQLite adapter's shape). */
export type SyncPort<P> = {
  [K in keyof P]: P[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => R : never;
};

/** Wraps each method of a synchronous port so that it returns a promise (its errors become rejections). */
export function promised<P>(port: SyncPort<P>): P {
  return Object.fromEntries(Object.entries(port as object).map(([name, method]) => [
    name, (...args: unknown[]) => Promise.resolve().then(() => (method as (...a: unknown[]) => unknown)(...args)),
  ])) as P;
}
