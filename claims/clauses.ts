/**
 * Clause helpers for certainty: a hedge counts for a statement when it bears on its main clause
 * ("A police officer is reportedly killed"), not when it sits in a subordinate clause or a noun phrase
 * ("seizes the tanker for its alleged illegal activities", "..., after they allegedly posted ...").
 */

const SUBORDINATE = new RegExp([
  String.raw`\s(?:after|which|who|whose|where|because|since|while|amid|following|when|before|until|whereas)\b`,
  String.raw`,\s+(?:with|including|according|as)\b`,
  String.raw`,\s+(?:reportedly|allegedly)\s+\w+ing\b`,
  String.raw`\b(?:on|over|amid)\s+allegations?\b`,
  String.raw`\bthat\s+(?:is|are|was|were|has|have|had)\b`,
  String.raw`,\s+\w+ing\b`,
].join('|'), 'i');
const NP_HEDGE = /\b(?:the|a|an|its|their|his|her|this|that|these|those)\s+(?:alleged|suspected|apparent|purported|so-called)\b/gi;

/** The main clause of a statement's content, with hedges inside noun phrases blanked out. */
export function mainClause(content: string): string {
  const cut = SUBORDINATE.exec(content);
  const head = cut && cut.index > 0 ? content.slice(0, cut.index) : content;
  return head.replace(NP_HEDGE, (m) => m.replace(/\S+$/, (w) => '_'.repeat(w.length)));
}

const BACKGROUND = /\s(?:where|which|who|whose)\b|,\s+(?:with|including|according)\b/i;

/**
 * The core of a proposition for clustering: without relative clauses that bring in other events
 * ("..., near where Sarvarov was killed two days prior") or lists ("..., including ...").
 */
export function coreClause(content: string): string {
  const cut = BACKGROUND.exec(content);
  return cut && cut.index > 0 ? content.slice(0, cut.index) : content;
}

const RELATIVE = /^(.{20,}?)\s+(?:that|which|who|whom)\s+(?:the\s+)?$/su;

/**
 * "Israel intercepts a ballistic missile that the Houthis claim to have fired": when a speaker's verb
 * sits in a relative clause, the words before it are the outlet's own report. Returns the length of that
 * leading report, or 0.
 */
export function leadingReport(beforeSource: string): number {
  const m = RELATIVE.exec(beforeSource);
  return m && (m[1]!.match(/[\p{L}]+/gu) ?? []).length >= 4 ? m[1]!.length : 0;
}
