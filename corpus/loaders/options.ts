/** Limits shared by every loader. */
export interface LoadOptions {
  /** Size cap, in bytes, for files, uploads and downloads. */
  maxBytes: number;
  /** Whole-request timeout for URLs, redirects and body included. */
  fetchTimeoutMs: number;
  /** Test-only escape hatch: hosts (e.g. '127.0.0.1') the URL fetcher may reach although they are private/loopback. */
  allowHosts?: string[];
}
