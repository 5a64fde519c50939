import { readFileSync } from 'node:fs';
import type { AttributionScore } from './attribution-score.js';
import { provenance } from './markdown.js';
import type { BenchResult, RunInfo } from './types.js';

interface ClaimsReport {
  run: RunInfo;
  machine: BenchResult['machine'];
  labelled: { sentences: number; joint: number; speaker: { accuracy: number }; stance: { accuracy: number }; status: { accuracy: number } };
  heldout: ClaimsReport['labelled'];
  attribution: Record<string, { all: AttributionScore; byGenre: Record<string, AttributionScore> }>;
}

const f = (x: number) => x.toFixed(2);

/** The README's "Who said what" tables, generated from the committed `npm run claims-eval -- --out` file. */
export function claimsMarkdown(file: string, shown = 'bench/results/claims-eval.json'): string {
  const r = JSON.parse(readFileSync(file, 'utf8')) as ClaimsReport;
  const rows = ['| attribution relations (GUM, dev) | relations | content P / R / F1 | speaker on found (pronoun sources) | end-to-end F1 |', '|---|---|---|---|---|'];
  for (const [name, a] of Object.entries(r.attribution)) {
    for (const [genre, s] of Object.entries({ ...a.byGenre, 'all genres': a.all })) {
      rows.push(`| ${name.replace('attribution/', '')}, ${genre} | ${s.gold} | ${f(s.content.precision)} / ${f(s.content.recall)} / ${f(s.content.f1)} | `
        + `${f(s.speaker.accuracy)} (${f(s.speaker.pronounAccuracy)}, n=${s.speaker.pronounN}) | ${f(s.endToEnd.f1)} |`);
    }
  }
  const labels = ['', '| labelled sentences (claims/eval) | sentences | speaker, stance and status all right | speaker | stance | status |', '|---|---|---|---|---|---|'];
  for (const [name, s] of [['dev (labelled.jsonl, tuned on)', r.labelled], ['held out (heldout.jsonl, never tuned on)', r.heldout]] as const) {
    labels.push(`| ${name} | ${s.sentences} | ${f(s.joint)} | ${f(s.speaker.accuracy)} | ${f(s.stance.accuracy)} | ${f(s.status.accuracy)} |`);
  }
  return [...rows, ...labels, '', provenance(shown, r.run, r.machine)].join('\n');
}
