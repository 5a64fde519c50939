/** A failed call to a model provider, with whether trying again may help. */
export class ProviderError extends Error {
  readonly retryable: boolean;
  readonly status?: number;
  /** Seconds the server asked to wait (Retry-After), when it said. */
  readonly retryAfter?: number;
  constructor(message: string, opts: { retryable: boolean; status?: number; retryAfter?: number }) {
    super(message);
    this.name = 'ProviderError';
    this.retryable = opts.retryable;
    this.status = opts.status;
    this.retryAfter = opts.retryAfter;
  }
}

const RETRYABLE_STATUS = new Set([408, 409, 425, 429, 500, 502, 503, 504]);

/**
 * POSTs JSON and returns the parsed JSON reply. Network errors, time-outs and 408/429/5xx replies are
 * retryable `ProviderError`s; other HTTP errors are not. The reply body quoted in an error is cut short.
 */
export async function postJson(url: string, body: unknown, opts: { headers?: Record<string, string>; timeoutMs: number }): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...opts.headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(opts.timeoutMs),
    });
  } catch (err) {
    const e = err as Error & { cause?: { code?: string; message?: string } };
    const why = e.name === 'TimeoutError' ? `no reply within ${opts.timeoutMs} ms` : (e.cause?.code ?? e.cause?.message ?? e.message);
    throw new ProviderError(`${new URL(url).origin}: ${why}`, { retryable: true });
  }
  const text = await res.text().catch(() => '');
  if (!res.ok) {
    const retryAfter = Number(res.headers.get('retry-after'));
    throw new ProviderError(`HTTP ${res.status} from ${new URL(url).pathname}: ${text.slice(0, 200).trim()}`, {
      retryable: RETRYABLE_STATUS.has(res.status), status: res.status, retryAfter: Number.isFinite(retryAfter) ? retryAfter : undefined,
    });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ProviderError(`the reply from ${new URL(url).pathname} is not JSON`, { retryable: false });
  }
}

/** Bounds of {@link withRetries}. */
export interface RetryOptions {
  /** Attempts after the first one. */
  retries: number;
  /** Delay before the first retry; doubles each time. */
  baseDelayMs: number;
  /** No single wait is longer than this (Retry-After included). */
  maxDelayMs: number;
}

/** Three retries after 0.25 s, 0.5 s and 1 s (or the server's Retry-After, at most 4 s). */
export const DEFAULT_RETRY: RetryOptions = { retries: 3, baseDelayMs: 250, maxDelayMs: 4000 };

/** Calls `fn`, and again after an exponential back-off while it fails with a retryable error. */
export async function withRetries<T>(fn: () => Promise<T>, opts: RetryOptions = DEFAULT_RETRY): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      const retryable = err instanceof ProviderError && err.retryable;
      if (!retryable || attempt >= opts.retries) throw err;
      const asked = err.retryAfter !== undefined ? err.retryAfter * 1000 : 0;
      const delay = Math.min(opts.maxDelayMs, Math.max(asked, opts.baseDelayMs * 2 ** attempt));
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}
