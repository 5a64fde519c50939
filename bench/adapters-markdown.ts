import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { AdaptersReport } from './adapters.js';
import { provenance } from './markdown.js';

/** The committed result of `npm run bench -- adapters`. */
export const ADAPTERS_RESULTS = 'bench/results/adapters-100k.json';

const pct = (x: number | null) => (x === null ? '-' : x.toFixed(2));
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : '-');

/** The README's table of the two adapters side by side, from the committed results file. */
export function adaptersMarkdown(root: string): string {
  const file = path.join(root, ADAPTERS_RESULTS);
  if (!existsSync(file)) return `No results file yet: run \`npm run bench -- adapters --out ${ADAPTERS_RESULTS}\`.`;
  const r = JSON.parse(readFileSync(file, 'utf8')) as AdaptersReport;
  const [s, p] = [r.results.find((x) => x.adapter === 'sqlite')!, r.results.find((x) => x.adapter === 'postgres')!];
  const row = (name: string, a: number, b: number, unit = '') => `| ${name} | ${a}${unit} | ${b}${unit} | ${ratio(b, a)} |`;
  const lines = [
    provenance(ADAPTERS_RESULTS, r.run, r.machine), '',
    `| at ${s.chunks.toLocaleString('en-US')} passages, ${r.questions} questions × ${s.answerSamples / r.questions} rounds | SQLite | PostgreSQL | PostgreSQL / SQLite |`,
    '|---|---|---|---|',
    row('ingest, passages/s', s.ingestChunksPerS, p.ingestChunksPerS),
    row('`answer()` p50', s.answerP50Ms, p.answerP50Ms, ' ms'),
    row('`answer()` p99', s.answerP99Ms, p.answerP99Ms, ' ms'),
    row('hybrid retrieval p50', s.retrievalP50Ms, p.retrievalP50Ms, ' ms'),
    `| same first citation | ${r.sameFirstCitation} of ${r.questions} | | |`,
  ];
  if (r.eval) {
    const [es, ep] = [r.eval.results.find((x) => x.adapter === 'sqlite')!.summary, r.eval.results.find((x) => x.adapter === 'postgres')!.summary];
    lines.push('', '| dev evaluation (`npm run eval`\'s questions and corpora) | SQLite | PostgreSQL |', '|---|---|---|',
      `| speaker hit@1 / hit@5 | ${pct(es.speaker.hitAt1)} / ${pct(es.speaker.hitAt5)} | ${pct(ep.speaker.hitAt1)} / ${pct(ep.speaker.hitAt5)} |`,
      `| event hit@1 / hit@5 | ${pct(es.event.hitAt1)} / ${pct(es.event.hitAt5)} | ${pct(ep.event.hitAt1)} / ${pct(ep.event.hitAt5)} |`,
      `| abstain questions abstained | ${pct(es.abstain.abstained)} | ${pct(ep.abstain.abstained)} |`,
      `| wrongful abstentions | ${es.wrongful.count} of ${es.wrongful.of} | ${ep.wrongful.count} of ${ep.wrongful.of} |`,
      `| questions whose top five citations differ | ${r.eval.differences.length} of ${es.questions} | |`);
  }
  return lines.join('\n');
}
