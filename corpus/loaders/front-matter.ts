import { UserError } from '../../core/errors.js';
import type { DocumentMeta } from '../../core/documents.js';
import { isMetaStringKey } from './metadata.js';

/** Front matter split off a text: its metadata (unchecked) and the body after it. */
export interface FrontMatter {
  meta: DocumentMeta;
  body: string;
  present: boolean;
}

const LINE_RE = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/;

/**
 * Splits simple `key: value` front matter between `---` lines at the very top of a normalised text.
 * Unknown keys, duplicate keys, malformed lines and a missing closing `---` are BAD_FRONT_MATTER.
 */
export function parseFrontMatter(text: string, what: string): FrontMatter {
  const lines = text.split('\n');
  if (lines[0]?.trim() !== '---') return { meta: {}, body: text, present: false };
  const end = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
  if (end < 0) throw new UserError('BAD_FRONT_MATTER', { what, detail: 'the closing "---" line is missing' });
  const meta: Record<string, string> = {};
  for (let i = 1; i < end; i++) {
    const line = lines[i]!.trim();
    if (line === '' || line.startsWith('#')) continue;
    const m = LINE_RE.exec(line);
    if (!m) throw new UserError('BAD_FRONT_MATTER', { what, detail: `line ${i + 1} is not "key: value"` });
    const key = m[1]!;
    if (!isMetaStringKey(key)) throw new UserError('BAD_FRONT_MATTER', { what, detail: `unknown key "${key}"` });
    if (key in meta) throw new UserError('BAD_FRONT_MATTER', { what, detail: `key "${key}" appears twice` });
    meta[key] = unquote(m[2]!.trim(), what, key);
  }
  return { meta: meta as DocumentMeta, body: lines.slice(end + 1).join('\n'), present: true };
}

function unquote(value: string, what: string, key: string): string {
  const q = value[0];
  if (q !== '"' && q !== "'") return value;
  if (value.length < 2 || value[value.length - 1] !== q) {
    throw new UserError('BAD_FRONT_MATTER', { what, detail: `the value of "${key}" has an unclosed quote` });
  }
  const inner = value.slice(1, -1);
  // YAML-style escapes: '' inside single quotes, \" and \\ inside double quotes.
  return q === "'" ? inner.replace(/''/g, "'") : inner.replace(/\\(["\\])/g, '$1');
}
