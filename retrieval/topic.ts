import type { LexicalSearch } from '../core/ports.js';
import type { QuestionAnalysis } from './question.js';
import { tokenize } from '../core/text.js';

/**
 * The analysis with the inverse document frequency of its topic and "about" terms in the store: a word
 * most passages contain ("diplomats", "stress") weighs little, a rare one ("Eurovision") much, so an
 * answer must share the question's distinctive words to count as on its topic. One frequency read
 * (the answerer's lexical port caches frequencies until the store changes: retrieval/frequencies.ts).
 */
export async function weighTerms(a: QuestionAnalysis, lexical: Pick<LexicalSearch, 'documentFrequencies'>, total: number): Promise<QuestionAnalysis> {
  const words = [...new Set([...a.topicTerms, ...a.aboutTerms])];
  if (words.length === 0) return a;
  const df = await lexical.documentFrequencies(words);
  const weights: Record<string, number> = {};
  words.forEach((w, i) => { weights[w] = Math.log((total + 1) / (df[i]! + 1)); });
  return { ...a, weights };
}

/**
 * A test of whether a text has a term: one of its words, or for an acronym of the question the initials
 * of consecutive words ("uav" in "unmanned aerial vehicles").
 */
export function hasTerm(a: Pick<QuestionAnalysis, 'acronyms'>, words: ReadonlySet<string>, text: string): (t: string) => boolean {
  let initials: string | undefined;
  return (t) => {
    if (words.has(t)) return true;
    if (!a.acronyms?.includes(t)) return false;
    initials ??= tokenize(text).map((w) => w[0]).join('');
    return initials.includes(t);
  };
}

/** Share of `wanted` that `have` contains, each term counted by its weight (1 when unweighted). */
export function coverage(wanted: readonly string[], have: (t: string) => boolean, weights?: Record<string, number>): number {
  let all = 0;
  let got = 0;
  for (const t of wanted) {
    const w = weights?.[t] ?? 1;
    all += w;
    if (have(t)) got += w;
  }
  if (all > 0) return got / all;
  // Every word in every passage (a store of one document): no word is distinctive, so each counts once.
  return wanted.length === 0 ? 0 : wanted.filter((t) => have(t)).length / wanted.length;
}

/**
 * Whether a text is on the question's topic: it has the question's most distinctive term (the highest
 * weight; a word no passage contains makes every text off-topic) and at least `min` of the weighted terms.
 * Unweighted, only the share counts.
 */
export function onTopic(wanted: readonly string[], have: (t: string) => boolean, weights: Record<string, number> | undefined, min: number): number {
  const share = coverage(wanted, have, weights);
  if (!weights || wanted.length < 2 || share < min) return share;
  let top = wanted[0]!;
  for (const t of wanted) if ((weights[t] ?? 0) > (weights[top] ?? 0)) top = t;
  return have(top) ? share : 0;
}
