// Formatting of untrusted text (passages, claims, the question) as delimited data for a prompt.
// Anything that could pass for a delimiter or a citation marker inside the text is neutralised, so a
// document cannot close its own passage and speak as the system.

/** A numbered passage as the model sees it. */
export interface PromptPassage {
  n: number;
  title: string;
  publisher?: string;
  published?: string;
  text: string;
}

/** A claim of the ledger as the model sees it. */
export interface PromptClaim {
  id: string;
  status: string;
  speaker?: string;
  text: string;
  passages: number[];
}

/**
 * Makes text safe to place between the prompt's delimiters: angle brackets become look-alike
 * quotation marks (no tag can open or close), `[n]` markers become `(ref n)` (no fake citation),
 * control characters are dropped and runs of blank lines are shortened.
 */
export function neutralise(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/[<\uff1c\u2039\u27e8]/g, '‹')
    .replace(/[>\uff1e\u203a\u27e9]/g, '›')
    .replace(/\[(\s*\d+(?:\s*[,;–-]\s*\d+)*\s*)\]/g, '(ref $1)')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** An attribute value: neutralised, on one line, without double quotes. */
function attr(value: string): string {
  return neutralise(value).replace(/\s+/g, ' ').replace(/"/g, "'");
}

/** The passages block: one `<passage n="…">` element per passage. */
export function formatPassages(passages: readonly PromptPassage[]): string {
  return passages.map((p) => {
    const source = [p.publisher, p.published].filter(Boolean).map((s) => attr(s!)).join(', ');
    const head = `<passage n="${p.n}" title="${attr(p.title)}"${source ? ` source="${source}"` : ''}>`;
    return `${head}\n${neutralise(p.text)}\n</passage>`;
  }).join('\n');
}

/** The claim ledger block: one `<claim>` element per claim, or a note that there is none. */
export function formatClaims(claims: readonly PromptClaim[]): string {
  if (claims.length === 0) return '(no claims recorded for these passages)';
  return claims.map((c) => {
    const speaker = c.speaker ? ` speaker="${attr(c.speaker)}"` : '';
    const passages = c.passages.length ? ` passages="${c.passages.join(',')}"` : '';
    return `<claim id="${attr(c.id)}" status="${attr(c.status)}"${speaker}${passages}>${neutralise(c.text).replace(/\s+/g, ' ')}</claim>`;
  }).join('\n');
}

/** The question, neutralised like the passages (it is user input too). */
export function formatQuestion(question: string): string {
  return neutralise(question).replace(/\s+/g, ' ');
}
