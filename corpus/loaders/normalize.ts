import { UserError } from '../../core/errors.js';

// C0 controls except \t and \n (\r is turned into \n before this runs), DEL and the C1 controls.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
// Controls that make a text look binary; \t, \n, \r and \f are ordinary in text files.
const SUSPICIOUS = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F\uFFFD]/g;
const MAX_SUSPICIOUS_RATIO = 0.1;

/**
 * Cleans text for storage so that offsets and quotes are stable: strips byte-order marks, turns
 * `\r\n` and `\r` into `\n`, drops control characters other than `\n` and `\t`, normalises to NFC,
 * trims trailing white space on each line, collapses runs of blank lines to a single blank line and
 * trims the whole text. Idempotent.
 */
export function normalizeText(s: string): string {
  const cleaned = s
    .replace(/\uFEFF/g, '')
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, '')
    // NFC after dropping characters: a removed control may have separated a letter from its accent.
    .normalize('NFC');
  return cleaned
    .split('\n')
    .map((line) => line.replace(/[^\S\n]+$/u, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Throws BINARY_CONTENT when a decoded string holds NUL bytes or too many control/replacement characters. */
export function assertTextual(text: string, what: string): void {
  if (text.includes('\u0000')) throw new UserError('BINARY_CONTENT', { what });
  if (text.length === 0) return;
  const suspicious = text.match(SUSPICIOUS)?.length ?? 0;
  if (suspicious / text.length > MAX_SUSPICIOUS_RATIO) throw new UserError('BINARY_CONTENT', { what });
}

/**
 * Decodes bytes as text, strictly: invalid UTF-8 (or invalid bytes for the given charset) and
 * binary-looking content are BINARY_CONTENT.
 */
export function decodeText(bytes: Uint8Array, what: string, charset = 'utf-8'): string {
  if (bytes.includes(0)) throw new UserError('BINARY_CONTENT', { what });
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(charset, { fatal: true });
  } catch {
    throw new UserError('BAD_DOCUMENT', { what, detail: `unknown character set "${charset}"` });
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    throw new UserError('BINARY_CONTENT', { what });
  }
  assertTextual(text, what);
  return text;
}

/** Normalises the text and throws EMPTY_DOCUMENT when nothing is left. */
export function requireText(text: string, what: string): string {
  const out = normalizeText(text);
  if (out.length === 0) throw new UserError('EMPTY_DOCUMENT', { what });
  return out;
}
