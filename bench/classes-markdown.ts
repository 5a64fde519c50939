import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ClassReport } from './evaluate-classes.js';
import { provenance } from './markdown.js';
import type { BenchResult, RunInfo } from './types.js';

/** The committed per-class results: this code's run, and the same questions on the code issue 12 started from. */
export const CLASS_RESULTS = { after: 'bench/results/classes-dev.json', before: 'bench/results/classes-dev-before.json' } as const;

type Stored = ClassReport & { run?: RunInfo; machine?: BenchResult['machine'] };
const rate = (x: number | null | undefined) => (x === null || x === undefined ? '–' : x.toFixed(2));

/** The README's per-failure-class table (before → after), generated from the committed results files. */
export function classesMarkdown(root: string): string {
  const read = (f: string): Stored | undefined => (existsSync(path.join(root, f)) ? JSON.parse(readFileSync(path.join(root, f), 'utf8')) as Stored : undefined);
  const after = read(CLASS_RESULTS.after);
  if (!after) return `No results file yet: run \`npm run eval -- --questions bench/data/dev-questions-classes.jsonl --out ${CLASS_RESULTS.after}\`.`;
  const before = read(CLASS_RESULTS.before);
  const rows = ['| class | questions (answerable / unanswerable) | hit@1 | hit@5 | correct | wrongful abstentions | abstained when unanswerable |', '|---|---|---|---|---|---|---|'];
  for (const [name, s] of Object.entries(after.summary.classes)) {
    const b = before?.summary.classes[name];
    const pair = (k: 'hitAt1' | 'hitAt5' | 'correct' | 'wrongfulAbstentions' | 'abstained') => (b ? `${rate(b[k])} → ${rate(s[k])}` : rate(s[k]));
    rows.push(`| ${name} | ${s.answerable} / ${s.unanswerable} | ${pair('hitAt1')} | ${pair('hitAt5')} | ${pair('correct')} | ${pair('wrongfulAbstentions')} | ${pair('abstained')} |`);
  }
  const prov = after.run && after.machine ? provenance(CLASS_RESULTS.after, after.run, after.machine) : `- \`${CLASS_RESULTS.after}\``;
  return [prov, `- before: \`${CLASS_RESULTS.before}\` (the same questions on the code issue 12 started from)`, '', ...rows].join('\n');
}
