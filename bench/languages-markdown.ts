import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { provenance } from './markdown.js';
import type { BenchResult, RunInfo } from './types.js';

/** The committed results of the multilingual dev questions. */
export const LANGUAGE_RESULTS = 'bench/results/multilingual-dev.json';

interface ByLanguage { n: number; hitAt1: number | null; hitAt5: number | null; abstained: number | null; framed: number | null; p50Ms: number }
interface Stored { run: RunInfo; machine: BenchResult['machine']; summary: { byLanguage: Record<string, ByLanguage>; latency: { p50Ms: number; p95Ms: number } } }

const NAMES: Record<string, string> = { ru: 'Russian', uk: 'Ukrainian', ur: 'Urdu', ar: 'Arabic', zh: 'Chinese', hi: 'Hindi', fr: 'French', es: 'Spanish', de: 'German', en: 'English' };
const rate = (x: number | null) => (x === null ? '–' : x.toFixed(2));

/** The README's per-language table, generated from the committed multilingual results file. */
export function languagesMarkdown(root: string): string {
  const file = path.join(root, LANGUAGE_RESULTS);
  if (!existsSync(file)) return `No results file yet: run \`npm run eval -- --questions bench/data/dev-questions-multilingual.jsonl --out ${LANGUAGE_RESULTS}\`.`;
  const r = JSON.parse(readFileSync(file, 'utf8')) as Stored;
  const rows = ['| language | questions | cited right: hit@1 / hit@5 | absent topic abstained | framed in the language | latency p50 |', '|---|---|---|---|---|---|'];
  for (const [lang, s] of Object.entries(r.summary.byLanguage)) {
    rows.push(`| ${NAMES[lang] ?? lang} | ${s.n} | ${rate(s.hitAt1)} / ${rate(s.hitAt5)} | ${rate(s.abstained)} | ${rate(s.framed)} | ${Math.round(s.p50Ms)} ms |`);
  }
  const l = r.summary.latency;
  return [provenance(LANGUAGE_RESULTS, r.run, r.machine), '', ...rows, '', `All these questions: p50 ${Math.round(l.p50Ms)} ms, p95 ${Math.round(l.p95Ms)} ms.`].join('\n');
}
