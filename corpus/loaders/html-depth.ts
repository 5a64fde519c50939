// Elements that never have content, and elements whose end tag is usually left out (the parser closes
// them implicitly): neither adds to the nesting depth.
const NOT_COUNTED = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'rb', 'rt', 'rp', 'thead', 'tbody', 'tfoot',
  'colgroup', 'caption', 'html', 'head', 'body', '!doctype',
]);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes']);
// Attribute text stops at < and >, so a broken tag costs a scan to the next bracket, never to the end.
const TOKEN = /<!--[\s\S]*?(?:-->|$)|<(\/?)([A-Za-z][\w:-]*|!doctype)\b(?:[^<>"']|"[^"<>]*"|'[^'<>]*')*?(\/?)>/gi;

/**
 * Estimates the element nesting depth of HTML source in one linear pass, without building a DOM,
 * and stops as soon as it reaches `limit`. Used to refuse pathological markup before parsing it:
 * the DOM parser's time grows faster than linearly with depth.
 */
export function estimateHtmlDepth(html: string, limit: number): number {
  let depth = 0;
  let max = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(html); m; m = TOKEN.exec(html)) {
    const name = m[2]?.toLowerCase();
    if (!name || NOT_COUNTED.has(name)) continue;
    if (m[1]) {
      depth = Math.max(0, depth - 1);
      continue;
    }
    if (RAW_TEXT.has(name)) {
      // Skip to the end tag: markup-like text inside a script is not markup.
      const close = new RegExp(`</${name}`, 'gi');
      close.lastIndex = TOKEN.lastIndex;
      TOKEN.lastIndex = close.exec(html)?.index ?? html.length;
      continue;
    }
    if (m[3]) continue;
    depth++;
    if (depth > max) max = depth;
    if (max >= limit) return max;
  }
  return max;
}
