/** Small measuring helpers shared by the benchmark modules. */

/** The p-quantile (0..1) of `values` by nearest rank; NaN for an empty list. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length)));
  return sorted[rank - 1]!;
}

/** p50 and p99 of `values`, rounded for display. */
export function p50p99(values: readonly number[]): { p50: number; p99: number } {
  return { p50: round(percentile(values, 0.5)), p99: round(percentile(values, 0.99)) };
}

/** Rounds to `digits` decimals (3 by default). */
export function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Runs `fn` once per item and returns the milliseconds each call took. */
export async function timeEach<T>(items: readonly T[], fn: (item: T) => unknown): Promise<number[]> {
  const ms: number[] = [];
  for (const item of items) {
    const t0 = performance.now();
    await fn(item);
    ms.push(performance.now() - t0);
  }
  return ms;
}

/** A deterministic pseudo-random generator (mulberry32) in [0, 1). */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Writes a progress line to stderr when it is a terminal (overwriting the previous one). */
export function progress(message: string): void {
  if (!process.stderr.isTTY) return;
  process.stderr.write(`\r\x1b[K${message}`);
}

/** Ends a run of progress lines. */
export function progressDone(): void {
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
}
