import type { Relation, TextSpan } from '../claims/relations.js';

/** A human-annotated relation (GUM attribution records, ../shared/eval/attribution). */
export interface GoldRelation {
  id: string;
  source: TextSpan;
  cue: TextSpan | null;
  content: TextSpan;
  content_parts?: TextSpan[];
  source_names?: string[];
}

/** Content, speaker and end-to-end figures of predicted relations against gold ones. */
export interface AttributionScore {
  gold: number;
  predicted: number;
  content: { precision: number; recall: number; f1: number };
  /** Share of matched relations whose speaker is the gold source (pronoun sources separately). */
  speaker: { accuracy: number; n: number; pronounAccuracy: number; pronounN: number };
  /** A relation counts when its content matches and its source is the gold one (span overlap or the same speaker). */
  endToEnd: { precision: number; recall: number; f1: number };
}

const PRONOUN = /^(?:he|she|they|we|i|it|you|him|her|them)$/i;

/** Words of a span, for overlap. */
function words(s: TextSpan | undefined, parts?: TextSpan[]): Set<number> {
  const out = new Set<number>();
  for (const p of parts?.length ? parts : s ? [s] : []) {
    for (const m of p.text.matchAll(/[\p{L}\p{N}]+/gu)) out.add(p.start + m.index);
  }
  return out;
}

function overlap(a: Set<number>, b: Set<number>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}

/** True when the predicted speaker names the gold source (its names as coreference gives them, or its text). */
export function sameSpeaker(pred: string | null, gold: GoldRelation): boolean {
  if (!pred) return false;
  const norm = (s: string) => s.toLowerCase().replace(/['’]s\b/g, '').replace(/[^\p{L}\p{N} ]+/gu, ' ').replace(/\s+/g, ' ').trim();
  const p = norm(pred);
  const names = [...(gold.source_names ?? []), gold.source.text].map(norm).filter((n) => n && !PRONOUN.test(n));
  if (names.length === 0) return PRONOUN.test(norm(gold.source.text)) ? false : p === norm(gold.source.text);
  const last = (x: string) => x.split(' ').at(-1)!;
  // The same person named more or less fully ("Mr Key", "John Key", "Prime Minister John Key").
  return names.some((n) => n === p || (p.length > 3 && (n.endsWith(` ${p}`) || p.endsWith(` ${n}`) || n.includes(p) && p.split(' ').length >= 2
    || (last(p).length > 2 && last(p) === last(n) && /\p{L}/u.test(last(p)) && (p.includes(' ') || n.includes(' '))))));
}

/**
 * Scores relations: a predicted and a gold relation match when their contents share words (overlap, as
 * in Citron's figures on PARC); matching is one to one, largest overlap first.
 */
export function scoreRelations(gold: readonly GoldRelation[], pred: readonly Relation[]): AttributionScore {
  const gw = gold.map((g) => words(g.content, g.content_parts));
  const pw = pred.map((p) => words(p.content, p.content_parts));
  const pairs: { g: number; p: number; o: number }[] = [];
  gold.forEach((_, g) => pred.forEach((_, p) => {
    const o = overlap(gw[g]!, pw[p]!);
    if (o > 0) pairs.push({ g, p, o: o / Math.max(gw[g]!.size, pw[p]!.size) });
  }));
  pairs.sort((a, b) => b.o - a.o);
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  const matched: { g: number; p: number }[] = [];
  for (const x of pairs) {
    if (usedG.has(x.g) || usedP.has(x.p)) continue;
    usedG.add(x.g); usedP.add(x.p); matched.push(x);
  }
  let ok = 0; let pron = 0; let pronOk = 0; let e2e = 0;
  for (const { g, p } of matched) {
    const gr = gold[g]!;
    const pr = pred[p]!;
    const same = sameSpeaker(pr.speaker, gr);
    if (same) ok++;
    if (PRONOUN.test(gr.source.text.trim())) { pron++; if (same) pronOk++; }
    const spanOverlap = !!pr.source && pr.source.start < gr.source.end && gr.source.start < pr.source.end;
    if (same || spanOverlap) e2e++;
  }
  const prf = (tp: number) => {
    const precision = pred.length ? tp / pred.length : 0;
    const recall = gold.length ? tp / gold.length : 0;
    return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
  };
  return {
    gold: gold.length, predicted: pred.length, content: prf(matched.length),
    speaker: { accuracy: matched.length ? ok / matched.length : 0, n: matched.length, pronounAccuracy: pron ? pronOk / pron : 0, pronounN: pron },
    endToEnd: prf(e2e),
  };
}

/** Adds up per-document scores (micro averages). */
export function sumScores(xs: readonly AttributionScore[]): AttributionScore {
  const t = { gold: 0, pred: 0, tp: 0, e2e: 0, n: 0, ok: 0, pn: 0, pok: 0 };
  for (const s of xs) {
    t.gold += s.gold; t.pred += s.predicted; t.tp += Math.round(s.content.recall * s.gold); t.e2e += Math.round(s.endToEnd.recall * s.gold);
    t.n += s.speaker.n; t.ok += Math.round(s.speaker.accuracy * s.speaker.n); t.pn += s.speaker.pronounN; t.pok += Math.round(s.speaker.pronounAccuracy * s.speaker.pronounN);
  }
  const prf = (tp: number) => {
    const precision = t.pred ? tp / t.pred : 0;
    const recall = t.gold ? tp / t.gold : 0;
    return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
  };
  return { gold: t.gold, predicted: t.pred, content: prf(t.tp), speaker: { accuracy: t.n ? t.ok / t.n : 0, n: t.n, pronounAccuracy: t.pn ? t.pok / t.pn : 0, pronounN: t.pn }, endToEnd: prf(t.e2e) };
}
