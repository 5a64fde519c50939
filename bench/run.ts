/**
 * `npm run bench -- reliability [...]` runs the reliability suite (bench/reliability/run.ts);
 * `npm run bench -- [--sizes 10000,100000] [--full] [--quick] [--json] [--out FILE] [--eval-dir DIR] [--keep]`: speed
 * and scale of the project against the fair floor, the plain exact scan and LangChain's MemoryVectorStore;
 * `npm run bench -- adapters [--size 100000] [--out FILE]`: the same corpus and questions on SQLite and on a
 * throw-away PostgreSQL cluster (ingest rate, answer() and retrieval latency, first citations);
 * `npm run bench -- --markdown [--readme]`: the README's Speed tables from bench/results/bench-*.json
 * (printed, or written between the README's markers), without measuring anything.
 */
import { configFrom, parse, printJson, run } from '../cli/common.js';
import { UserError } from '../core/errors.js';
import { formatTable } from './report.js';
import { renderBlock, writeReadmeBlock, writeResult } from './results-files.js';
import { removeTempDirs, runBench } from './run-bench.js';

const USAGE = 'usage: npm run bench -- [--sizes 10000,100000] [--full] [--quick] [--json] [--out FILE] [--eval-dir DIR] [--keep]\n' +
  '       npm run bench -- --markdown [--readme]';
const OPTIONS = {
  out: { type: 'string' }, markdown: { type: 'boolean', default: false }, readme: { type: 'boolean', default: false },
  sizes: { type: 'string' }, full: { type: 'boolean', default: false }, quick: { type: 'boolean', default: false },
  json: { type: 'boolean', default: false }, 'eval-dir': { type: 'string' }, keep: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false },
} as const;

if (process.argv[2] === 'reliability') {
  process.argv.splice(2, 1);
  await import('./reliability/run.js');
} else if (process.argv[2] === 'adapters') {
  process.argv.splice(2, 1);
  adapters();
} else {
  speed();
}

function speed(): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      removeTempDirs();
      process.exit(130);
    });
  }

  run(async () => {
    const { values } = parse(process.argv.slice(2), OPTIONS);
    if (values.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (values.markdown) {
      if (values.readme) writeReadmeBlock('speed');
      else process.stdout.write(`${renderBlock('speed')}\n`);
      return 0;
    }
    const sizes = values.sizes?.split(',').map((s) => Number(s.trim().replace(/_/g, '')));
    if (sizes?.some((n) => !Number.isInteger(n) || n < 1)) throw new UserError('USAGE', { detail: `--sizes takes whole numbers: ${USAGE}` });
    const result = await runBench({
      config: configFrom({}), sizes, full: values.full, quick: values.quick, evalDir: values['eval-dir'], keep: values.keep,
      command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
    });
    if (values.out) writeResult(values.out, result);
    if (values.json) printJson(result);
    else process.stdout.write(`${formatTable(result)}\n`);
    return 0;
  });
}

function adapters(): void {
  run(async () => {
    const { values } = parse(process.argv.slice(2), {
      size: { type: 'string', default: '100000' }, out: { type: 'string' }, 'eval-dir': { type: 'string' },
      json: { type: 'boolean', default: false }, 'no-eval': { type: 'boolean', default: false },
      markdown: { type: 'boolean', default: false }, readme: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false },
    });
    if (values.help) {
      process.stdout.write('usage: npm run bench -- adapters [--size 100000] [--no-eval] [--out FILE] [--eval-dir DIR] [--json]\n' +
        '       npm run bench -- adapters --markdown [--readme]\n');
      return 0;
    }
    if (values.markdown) {
      if (values.readme) writeReadmeBlock('adapters');
      else process.stdout.write(`${renderBlock('adapters')}\n`);
      return 0;
    }
    const size = Number(values.size.replace(/_/g, ''));
    if (!Number.isInteger(size) || size < 1) throw new UserError('USAGE', { detail: '--size takes a whole number of passages' });
    const { runAdapters } = await import('./adapters-run.js');
    const report = await runAdapters({ config: configFrom({}), size, evalDir: values['eval-dir'], devEval: !values['no-eval'],
      command: `npm run bench -- adapters ${process.argv.slice(2).join(' ')}`.trim() });
    if (values.out) writeResult(values.out, report);
    if (values.json) printJson(report);
    else for (const r of report.results) {
      process.stdout.write(`${r.adapter}\t${r.chunks} passages\tingest ${r.ingestChunksPerS}/s\tanswer p50 ${r.answerP50Ms} ms p99 ${r.answerP99Ms} ms\n`);
    }
    return 0;
  });
}
