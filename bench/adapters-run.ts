import path from 'node:path';
import type { Config } from '../app/config.js';
import { projectRoot } from '../core/paths.js';
import { measureAdapter, type AdaptersReport } from './adapters.js';
import { evalDifferences, evalOn, readEvalQuestions } from './adapters-eval.js';
import { loadEvalCorpus } from './corpus-source.js';
import { loadQuestions } from './run-bench.js';
import { machineInfo, runFinished, runStarted } from './run-info.js';
import { progressDone } from './stats.js';

/**
 * `npm run bench -- adapters`: the same corpus (the evaluation corpora, cycled to `size` passages), the
 * same import path and the same questions on SQLite and on PostgreSQL, one after the other in this process.
 */
export async function runAdapters(opts: { config: Config; size: number; evalDir?: string; rounds?: number; command: string; devEval?: boolean }):
Promise<AdaptersReport> {
  const started = runStarted(opts.command);
  const evalDir = opts.evalDir ?? path.resolve(projectRoot(), '..', 'shared', 'eval');
  const corpus = await loadEvalCorpus(evalDir, { maxBytes: opts.config.MAX_UPLOAD_BYTES, fetchTimeoutMs: opts.config.FETCH_TIMEOUT_MS });
  const questions = loadQuestions();
  try {
    const results = [];
    for (const adapter of ['sqlite', 'postgres'] as const) {
      results.push(await measureAdapter(adapter, opts.size, corpus, opts.config, questions, opts.rounds ?? 2));
    }
    const [a, b] = results;
    const same = a!.firstCited.filter((d, i) => d === b!.firstCited[i]).length;
    let devEval: AdaptersReport['eval'];
    if (opts.devEval ?? true) {
      const qs = readEvalQuestions(path.join(evalDir, 'dev-questions.jsonl'));
      const evals = [await evalOn('sqlite', opts.config, qs, evalDir), await evalOn('postgres', opts.config, qs, evalDir)];
      devEval = { results: evals, differences: evalDifferences(evals[0]!, evals[1]!) };
    }
    return { run: runFinished(started), machine: machineInfo(), size: opts.size, questions: questions.length, results, sameFirstCitation: same,
      ...(devEval ? { eval: devEval } : {}) };
  } finally {
    progressDone();
  }
}
