import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Gazetteer } from '../claims/actors.js';
import { attributeSentences } from '../claims/attribution.js';
import { documentRelations, type Relation } from '../claims/relations.js';
import { chunkText } from '../corpus/chunker.js';
import { scoreRelations, sameSpeaker, sumScores, type AttributionScore, type GoldRelation } from './attribution-score.js';

/** One GUM record (../shared/eval/attribution/README.md). */
interface GumRecord { id: string; genre: string; split: string; text: string; relations: GoldRelation[] }

/** Files scored: the dev half of Wikinews and the other genres (the test half of Wikinews is not in this tree). */
export const ATTRIBUTION_FILES = ['attribution/gum-wikinews-dev.jsonl', 'attribution/gum-other-genres.jsonl'] as const;

/** Per genre and overall: content P/R/F1, speaker accuracy (pronoun sources apart), end-to-end source+content F1. */
export function scoreAttribution(evalDir: string, file: string, verbose = false): { byGenre: Record<string, AttributionScore>; all: AttributionScore; errors: string[] } {
  const g = new Gazetteer();
  const recs = readFileSync(path.join(evalDir, file), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as GumRecord)
    .filter((r) => r.split !== 'test');
  const per: Record<string, AttributionScore[]> = {};
  const errors: string[] = [];
  for (const r of recs) {
    const sentences = chunkText(r.text).flatMap((c) => c.sentences);
    const pred = documentRelations(r.text, attributeSentences(r.text, sentences, g));
    (per[r.genre] ??= []).push(scoreRelations(r.relations, pred));
    if (verbose) errors.push(...explain(r, pred));
  }
  const byGenre = Object.fromEntries(Object.entries(per).map(([k, v]) => [k, sumScores(v)]));
  return { byGenre, all: sumScores(Object.values(per).flat()), errors };
}

/** Misses, false alarms and wrong speakers of one document, one line each (for tuning on dev data). */
function explain(r: GumRecord, pred: Relation[]): string[] {
  const out: string[] = [];
  const hit = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
  for (const gr of r.relations) {
    const p = pred.find((x) => hit(x.content, gr.content));
    if (!p) out.push(`MISS ${r.id} [${gr.source.text}] {${gr.cue?.text ?? '-'}} ${gr.content.text.slice(0, 90)}`);
    else if (!sameSpeaker(p.speaker, gr)) out.push(`SPKR ${r.id} gold=${gr.source.text}/${(gr.source_names ?? []).slice(0, 2).join('|')} got=${p.speaker} {${p.cue?.text}}`);
  }
  for (const p of pred) {
    if (!r.relations.some((gr) => hit(p.content, gr.content))) out.push(`FA   ${r.id} [${p.speaker}] {${p.cue?.text}} ${p.content.text.slice(0, 90)}`);
  }
  return out;
}

if (process.argv[1]?.endsWith('attribution-eval.js')) {
  const evalDir = path.resolve(process.argv[2] ?? '../shared/eval');
  const verbose = process.argv.includes('-v');
  for (const f of ATTRIBUTION_FILES) {
    const s = scoreAttribution(evalDir, f, verbose);
    process.stdout.write(`${f}\n${JSON.stringify(s.byGenre, null, 1)}\nALL ${JSON.stringify(s.all)}\n`);
    if (verbose) process.stdout.write(`${s.errors.join('\n')}\n`);
  }
}
