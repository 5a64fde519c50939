/**
 * The catalogue of errors a user may see. Each code has one message template; `{name}` placeholders
 * are filled from the params. Anything that is not a `UserError` is a bug and is reported generically.
 */
export const ERRORS = {
  CONFIG_INVALID: 'Configuration error: {detail}',
  CONFIG_MISSING: 'Missing {name}: {hint}',
  FILE_NOT_FOUND: 'File not found: {path}',
  FILE_TOO_LARGE: '{what} is too large ({size} bytes; the limit is {limit} bytes).',
  UNSUPPORTED_TYPE: 'Unsupported document type "{type}". Supported: .md, .txt, .html, .pdf, .jsonl, or an http(s) URL.',
  EMPTY_DOCUMENT: '{what} has no text to add.',
  BINARY_CONTENT: '{what} does not look like text (binary data or invalid encoding).',
  BAD_DOCUMENT: '{what} could not be read: {detail}',
  BAD_FRONT_MATTER: 'Front matter in {what} is invalid: {detail}',
  BAD_METADATA: 'Invalid metadata: {detail}',
  PDF_NO_TEXT: '{what} has no text layer (a scanned PDF?); run it through OCR first.',
  URL_INVALID: 'Not a valid http(s) URL: {url}',
  URL_FORBIDDEN: 'Refusing to fetch {url}: {reason}.',
  URL_FAILED: 'Could not fetch {url}: {reason}.',
  DOCUMENT_NOT_FOUND: 'No document with id "{id}". See `corpus list`.',
  DUPLICATE_ID: 'A different document already has id "{id}"; choose another id or remove it first.',
  INDEX_MISMATCH:
    'The vector index was built with {found}, but the configured embedder is {expected}. Rebuild it with `npm run corpus -- reindex`.',
  STORE_BUSY: 'The store is busy (another process is writing); try again in a moment.',
  QUESTION_EMPTY: 'Ask a question: the text is empty.',
  QUESTION_TOO_LONG: 'That question is too long ({length} characters; the limit is {limit}).',
  USAGE: '{detail}',
  CLAIM_NOT_FOUND: 'No claim with id "{id}". See `claims list`.',
  PERMISSION_DENIED: 'You need {need} to use {command}.',
  RATE_LIMITED: 'Slow down a little: try again in {seconds} s.',
  CHANNEL_NOT_ALLOWED: 'I only answer in the channels the server has set up for me.',
  GUILD_ONLY: '{command} only works in a server, not in direct messages.',
  ANSWER_EXPIRED: 'I no longer have that answer in memory (I was restarted or it is old); ask the question again.',
  MESSAGE_NO_TEXT: 'I could not read a question in that message. Write it after the mention, for example "What did Pakistan say?", or use /ask.',
  JSONL_IS_COLLECTION: '{what} is a JSONL collection of many documents; add it with `corpus import` instead.',
  REVIEW_BAD_STATUS: 'A review sets the status to one of: verified, refuted, disputed, unverified (got "{status}").',
  REVIEW_NOTE_REQUIRED: 'A review needs a note saying why (for example --note "Confirmed by the ministry\'s own statement").',
  REVIEW_BAD_EVIDENCE: 'The evidence must be an http(s) URL (got "{evidence}").',
  CLAIM_BAD_STATUS: 'Unknown claim status "{status}". Use one of: {allowed}.',
  MODEL_PACKAGE_MISSING: '{pkg} is not installed, and {setting} needs it. Install it with: {command}',
  MODEL_UNAVAILABLE: 'Could not load the model {model}: {detail}',
  EMBEDDINGS_FAILED: 'The embedding provider {provider} failed: {detail}',
  WRONG_GUILD: '{command} can only be used in the server this bot is set up for.',
  WATCH_LIMIT: 'You already watch {limit} claims, the most one member may. Remove some with /watch remove.',
  BOT_MISSING_PERMISSION: 'I am missing a permission in this channel ({detail}). A server admin can let me View Channel, Send Messages, Send Messages in Threads, Create Public Threads, Embed Links and Read Message History here.',
  TIMELINE_EMPTY: 'Nothing in the claim ledger matches {what}. Try other words, or see `claims list`.',
} as const;

/** A code from the error catalogue. */
export type ErrorCode = keyof typeof ERRORS;

/** An error whose message is safe to show the user as it is (no stack, no secrets). */
export class UserError extends Error {
  readonly code: ErrorCode;
  readonly params: Record<string, string | number>;
  constructor(code: ErrorCode, params: Record<string, string | number> = {}) {
    super(ERRORS[code].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`)));
    this.name = 'UserError';
    this.code = code;
    this.params = params;
  }
}

/** True for errors whose message may be shown to a user. */
export function isUserError(err: unknown): err is UserError {
  return err instanceof UserError;
}
