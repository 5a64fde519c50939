import { readFileSync } from 'node:fs';
import path from 'node:path';
import { COMMON_OPTIONS, configFrom, parse, printJson, run } from './common.js';
import type { Config } from '../app/config.js';
import { UserError } from '../core/errors.js';
import { evaluate, type EvalQuestion } from '../bench/evaluate.js';
import { renderBlock, writeReadmeBlock, writeResult } from '../bench/results-files.js';
import { machineInfo, runFinished, runStarted } from '../bench/run-info.js';
import { evaluateClasses, type ClassQuestion, type ClassReport } from '../bench/evaluate-classes.js';

const USAGE = 'usage: npm run eval -- --questions FILE [--corpus-dir ../shared/eval] [--data-dir DIR] [--json] [--out FILE]\n' +
  '       npm run eval -- --markdown [--readme]   (the README table from bench/results/eval-*.json)';

run(async () => {
  const { values } = parse(process.argv.slice(2), {
    ...COMMON_OPTIONS,
    questions: { type: 'string' },
    'corpus-dir': { type: 'string', default: '../shared/eval' },
    out: { type: 'string' }, markdown: { type: 'boolean', default: false }, readme: { type: 'boolean', default: false },
  });
  if (values.help) { process.stdout.write(`${USAGE}\n`); return 0; }
  if (values.markdown) {
    if (values.readme) for (const b of ['eval', 'classes', 'languages'] as const) writeReadmeBlock(b);
    else process.stdout.write(`${renderBlock('eval')}\n\n${renderBlock('classes')}\n\n${renderBlock('languages')}\n`);
    return 0;
  }
  if (!values.questions) throw new UserError('USAGE', { detail: USAGE });
  const questions = readQuestions(values.questions);
  const config = configFrom(values);
  // Questions with a "class" (bench/data/dev-questions-classes.jsonl) are scored per failure class.
  if (questions.length && questions.every((q) => 'class' in q)) {
    const run = runStarted(`${settingsPrefix(config)}npm run eval -- ${process.argv.slice(2).join(' ')}`);
    const scored = await evaluateClasses({ config, questions: questions as unknown as ClassQuestion[], corpusDir: path.resolve(values['corpus-dir']) });
    const report = { ...scored, run: runFinished(run), machine: machineInfo() };
    if (values.out) writeResult(values.out, report);
    if (values.json) printJson(report);
    else process.stdout.write(classTable(report));
    return 0;
  }
  const report = await evaluate({
    config, questions, corpusDir: path.resolve(values['corpus-dir']),
    progress: !values.json && process.stderr.isTTY ? (msg) => process.stderr.write(`\r${msg}   `) : undefined,
    command: `${settingsPrefix(config)}npm run eval -- ${process.argv.slice(2).join(' ')}`,
  });
  if (values.out) writeResult(values.out, report);
  if (values.json) printJson(report);
  else {
    const s = report.summary;
    const pct = (x: number | null) => (x === null ? '-' : `${(100 * x).toFixed(1)}%`);
    process.stdout.write([
      `questions: ${s.questions} (speaker ${s.speaker.n}, event ${s.event.n}, abstain ${s.abstain.n}); corpus: ${s.corpusChunks} passages`,
      `speaker: hit@1 ${pct(s.speaker.hitAt1)}  hit@5 ${pct(s.speaker.hitAt5)}  contains ${pct(s.speaker.containsGold)}  wrongful abstentions ${pct(s.speaker.wrongfulAbstentions)}`,
      `event:   hit@1 ${pct(s.event.hitAt1)}  hit@5 ${pct(s.event.hitAt5)}  contains ${pct(s.event.containsGold)}  wrongful abstentions ${pct(s.event.wrongfulAbstentions)}`,
      `abstain: correctly abstained ${pct(s.abstain.abstained)}`,
      `latency: p50 ${s.latency.p50Ms.toFixed(1)} ms  p95 ${s.latency.p95Ms.toFixed(1)} ms`,
      `store: ${report.storeRebuilt.length ? `rebuilt (${report.storeRebuilt.join(', ')} changed)` : 'cached, built from the same inputs by the same code'}`,
      ...Object.entries(s.byLanguage ?? {}).map(([l, x]) =>
        `${l.padEnd(3)} n ${x.n}  hit@1 ${pct(x.hitAt1)}  hit@5 ${pct(x.hitAt5)}  abstained ${pct(x.abstained)}  framed in ${l} ${pct(x.framed)}  p50 ${x.p50Ms.toFixed(1)} ms`),
      ...(s.nonEnglishP50Ms !== undefined ? [`non-English questions: latency p50 ${s.nonEnglishP50Ms.toFixed(1)} ms`] : []),
    ].join('\n') + '\n');
  }
  return 0;
});

function readQuestions(file: string): EvalQuestion[] {
  let text: string;
  try { text = readFileSync(file, 'utf8'); } catch { throw new UserError('FILE_NOT_FOUND', { path: file }); }
  return text.split('\n').filter((l) => l.trim()).map((l, i) => {
    try { return JSON.parse(l) as EvalQuestion; } catch { throw new UserError('BAD_DOCUMENT', { what: `${file} line ${i + 1}`, detail: 'invalid JSON' }); }
  });
}

// The settings that change the answers, as the environment a reader must set to reproduce a run.
function settingsPrefix(c: Config): string {
  const set = [['RETRIEVAL_MODE', c.RETRIEVAL_MODE, 'hybrid'], ['ANSWER_MODE', c.ANSWER_MODE, 'extractive'], ['CLAIMS_MODE', c.CLAIMS_MODE, 'rules'], ['EMBEDDINGS', c.EMBEDDINGS, 'builtin']];
  return set.filter(([, v, d]) => v !== d).map(([k, v]) => `${k}=${v} `).join('');
}

function classTable(r: ClassReport): string {
  const pct = (x: number | null) => (x === null ? '-' : `${(100 * x).toFixed(0)}%`);
  const rows = Object.entries(r.summary.classes).map(([c, s]) =>
    `${c.padEnd(22)} ${String(s.n).padStart(3)}  hit@1 ${pct(s.hitAt1).padStart(4)}  hit@5 ${pct(s.hitAt5).padStart(4)}  correct ${pct(s.correct).padStart(4)}` +
    `  wrongful abstentions ${pct(s.wrongfulAbstentions).padStart(4)}  abstained when unanswerable ${pct(s.abstained).padStart(4)} of ${s.unanswerable}`);
  return `${rows.join('\n')}\nlatency: p50 ${r.summary.latency.p50Ms.toFixed(1)} ms  p95 ${r.summary.latency.p95Ms.toFixed(1)} ms\n`;
}
