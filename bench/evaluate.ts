import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../app/config.js';
import { createApp, type AppInternals } from '../app/create-app.js';
import { UserError } from '../app/errors.js';
import { readJsonl } from '../corpus/loaders/index.js';
import type { DocumentInput } from '../corpus/types.js';
import { percentile } from './stats.js';

/** One line of the questions file. */
export interface EvalQuestion {
  id: string;
  kind: 'speaker' | 'event' | 'abstain';
  question: string;
  gold_doc_ids: string[];
  gold_contains?: string;
}

interface KindSummary { n: number; hitAt1: number | null; hitAt5: number | null; containsGold: number | null; wrongfulAbstentions: number | null }

/** The evaluation report; other tools read these names. */
export interface EvalReport {
  summary: {
    questions: number; corpusChunks: number;
    speaker: KindSummary; event: KindSummary; abstain: { n: number; abstained: number | null };
    latency: { p50Ms: number; p95Ms: number };
  };
  results: { id: string; kind: string; abstained: boolean; citedDocIds: string[]; ms: number; hitAt1: boolean; hitAt5: boolean }[];
}

const CORPORA = ['un_general_debate', 'wikipedia_current_events', 'state_dept_press'];

/**
 * Builds (once, cached in `<dataDir>/eval`) a store over the three corpora of the evaluation folder,
 * answers every question and scores the citations against the gold documents.
 */
export async function evaluate(opts: { config: Config; questions: EvalQuestion[]; corpusDir: string; progress?: (m: string) => void }): Promise<EvalReport> {
  const app = await evalApp(opts.config, opts.corpusDir, opts.progress);
  try {
    const results: EvalReport['results'] = [];
    const rows: { q: EvalQuestion; abstained: boolean; cited: string[]; quotes: string[] }[] = [];
    for (const q of opts.questions) {
      const a = await app.answer(q.question, { channel: 'eval' });
      const cited = a.citations.map((c) => c.docId);
      const gold = new Set(q.gold_doc_ids);
      results.push({
        id: q.id, kind: q.kind, abstained: a.abstained, citedDocIds: cited, ms: a.timings.totalMs ?? 0,
        hitAt1: cited.slice(0, 1).some((d) => gold.has(d)), hitAt5: cited.slice(0, 5).some((d) => gold.has(d)),
      });
      rows.push({ q, abstained: a.abstained, cited, quotes: a.citations.map((c) => c.quote) });
    }
    const kind = (k: 'speaker' | 'event'): KindSummary => {
      const rs = results.filter((r) => r.kind === k);
      const withGold = rows.filter((r) => r.q.kind === k && r.q.gold_contains);
      return {
        n: rs.length,
        hitAt1: ratio(rs.filter((r) => r.hitAt1).length, rs.length),
        hitAt5: ratio(rs.filter((r) => r.hitAt5).length, rs.length),
        containsGold: ratio(withGold.filter((r) => r.quotes.some((x) => x.toLowerCase().includes(r.q.gold_contains!.toLowerCase()))).length, withGold.length),
        wrongfulAbstentions: ratio(rs.filter((r) => r.abstained).length, rs.length),
      };
    };
    const abst = results.filter((r) => r.kind === 'abstain');
    const ms = results.map((r) => r.ms);
    return {
      summary: {
        questions: results.length, corpusChunks: app.stats().chunks,
        speaker: kind('speaker'), event: kind('event'),
        abstain: { n: abst.length, abstained: ratio(abst.filter((r) => r.abstained).length, abst.length) },
        latency: { p50Ms: ms.length ? percentile(ms, 0.5) : 0, p95Ms: ms.length ? percentile(ms, 0.95) : 0 },
      },
      results,
    };
  } finally {
    await app.close();
  }
}

/** The app over the evaluation corpora, built once and cached under `<dataDir>/eval`. */
export async function evalApp(config: Config, corpusDir: string, progress?: (m: string) => void): Promise<AppInternals> {
  const files = CORPORA.flatMap((d) => {
    const dir = path.join(corpusDir, d);
    try { return readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort().map((f) => path.join(dir, f)); } catch { return []; }
  });
  if (files.length === 0) throw new UserError('FILE_NOT_FOUND', { path: `${corpusDir}/{${CORPORA.join(',')}}/*.jsonl` });
  const key = files.map((f) => `${path.basename(f)}:${statSync(f).size}`).join('|');
  const app = await createApp({ ...config, dataDir: path.join(config.dataDir, 'eval') }, { bundled: false });
  if (app.deps.store.getMeta('eval_corpus_key') === key) return app;
  for (const file of files) {
    let batch: DocumentInput[] = [];
    let n = 0;
    for await (const item of readJsonl(file, { ...app.loadOptions, format: 'auto' })) {
      if (item.doc) batch.push(item.doc);
      if (batch.length >= 500) { await app.importDocuments(batch, undefined, () => {}); n += batch.length; batch = []; progress?.(`${path.basename(file)}: ${n}`); }
    }
    await app.importDocuments(batch, undefined, () => {});
  }
  app.deps.store.setMeta('eval_corpus_key', key);
  await app.saveIndex();
  return app;
}

function ratio(a: number, b: number): number | null {
  return b === 0 ? null : a / b;
}
