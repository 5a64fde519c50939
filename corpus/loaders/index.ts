/**
 * Document loaders: Markdown and plain text (with front matter), HTML, PDF, uploads, URLs and JSONL
 * collections. Every loader returns normalised text and checked metadata, or throws a UserError.
 */
export type { LoadOptions } from './options.js';
export { normalizeText } from './normalize.js';
export { loadText } from './text.js';
export { loadPath, loadBytes } from './files.js';
export { loadUrl } from './url.js';
export { readJsonl, type JsonlItem } from './jsonl.js';
export type { JsonlFormat } from './jsonl-formats.js';
export { checkPublished } from './metadata.js';
