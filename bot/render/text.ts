const MARKER = /\[\d{1,4}\]/g;
const ZWSP = '\u200b';
const URL_PART = /(https?:\/\/[^\s<>]+)/i;

/**
 * Makes untrusted text (a passage, a title, a question) display literally: markdown characters are
 * backslash-escaped (bare URLs are left clickable), brackets cannot form a masked link, line-start
 * markers (headings, lists, quotes) are neutralised and mention syntax (`@everyone`, `<@id>`, `<@&id>`,
 * `<#id>`) is broken so it renders as plain text. Allowed mentions are empty anyway; this is the second
 * lock. Linear in the length of the text.
 */
export function escapeText(text: string): string {
  const parts = text.split(URL_PART); // URLs at odd indexes
  let s = parts
    .map((part, i) =>
      i % 2 === 1
        ? part.replace(/[[\]]/g, (c) => `\\${c}`)
        : part.replace(/[\\*_~`|[\]]/g, (c) => `\\${c}`).replace(/<(?=[@#/]|a?:|t:)/g, '\\<'),
    )
    .join('');
  s = s.replace(/^([ \t]*)([#>-])/gm, '$1\\$2').replace(/^([ \t]*\d+)\./gm, '$1\\.');
  return s.replace(/@(everyone|here)/gi, `@${ZWSP}$1`);
}

/**
 * Escapes answer text like {@link escapeText} but keeps its `[n]` citation markers, and makes sure
 * that a marker followed by `(` cannot become a masked link.
 */
export function escapeAnswer(text: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(MARKER)) {
    out += escapeText(text.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
    if (text[last] === '(') {
      out += '\\(';
      last += 1;
    }
  }
  return out + escapeText(text.slice(last));
}

/** Breaks `@everyone` and `@here` with a zero-width space (for titles, which are not escaped). */
export function inertMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, `@${ZWSP}$1`);
}

/** Undoes {@link inertMentions}. */
export function withoutZwsp(text: string): string {
  return text.replaceAll(ZWSP, '');
}

/** Shortens text to at most `max` characters, ending with an ellipsis when it was cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return text.slice(0, Math.max(0, max));
  let cut = max - 1;
  // never split a surrogate pair
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return `${text.slice(0, cut)}…`;
}

/**
 * Escapes then truncates, without leaving a dangling backslash that would escape the ellipsis.
 */
export function escapeTruncate(text: string, max: number): string {
  const escaped = escapeText(text);
  if (escaped.length <= max) return escaped;
  let t = truncate(escaped, max).slice(0, -1);
  const trailing = /\\+$/.exec(t)?.[0].length ?? 0;
  if (trailing % 2 === 1) t = t.slice(0, -1);
  return `${t}…`;
}

/** Collapses whitespace and strips control characters; for one-line labels. */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/** True for http(s) URLs that are safe to show as a link. */
export function isHttpUrl(value: string | undefined): value is string {
  if (!value) return false;
  try {
    const u = new URL(value);
    return (u.protocol === 'https:' || u.protocol === 'http:') && !/[\s<>()]/.test(value);
  } catch {
    return false;
  }
}
