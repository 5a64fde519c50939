import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Answer } from '../core/answer.js';
import type { Config } from '../app/config.js';
import { createApp, type AppInternals } from '../app/create-app.js';
import { projectRoot } from '../core/paths.js';
import type { DocumentInput } from '../core/documents.js';
import { evalApp } from './evaluate.js';
import { percentile } from './stats.js';

/** A question of one failure class (bench/data/dev-questions-classes.jsonl). */
export interface ClassQuestion {
  id: string;
  class: string;
  kind: 'speaker' | 'event' | 'abstain';
  question: string;
  gold_doc_ids: string[];
  /** The earlier question this one follows up (as a reply on Discord). */
  after?: string;
  /** 'invented': asked of the invented documents (bench/data/invented-documents.jsonl), not the eval corpora. */
  corpus?: 'invented';
  /** Phrases the quotes must all contain. */
  gold_contains?: string | string[];
  /** A phrase no quote may contain (another actor's statement substituted). */
  must_not_contain?: string;
  answer_contains?: string;
  answer_not_contains?: string;
}

interface ClassSummary {
  n: number; answerable: number; hitAt1: number | null; hitAt5: number | null;
  /** Share of answerable questions whose answer meets every check (gold cited, phrases quoted, nothing substituted). */
  correct: number | null; wrongfulAbstentions: number | null;
  unanswerable: number; abstained: number | null;
}

/** The per-class report. */
export interface ClassReport {
  summary: { questions: number; classes: Record<string, ClassSummary>; latency: { p50Ms: number; p95Ms: number } };
  results: { id: string; class: string; abstained: boolean; hitAt1: boolean; hitAt5: boolean; correct: boolean; citedDocIds: string[] }[];
}

/** Answers every class question (the real ones over the cached eval store, the rest over the invented documents). */
export async function evaluateClasses(opts: { config: Config; questions: ClassQuestion[]; corpusDir: string; progress?: (m: string) => void }): Promise<ClassReport> {
  const real = opts.questions.some((q) => q.corpus !== 'invented') ? (await evalApp(opts.config, opts.corpusDir, opts.progress)).app : undefined;
  const invented = opts.questions.some((q) => q.corpus === 'invented') ? await inventedApp(opts.config) : undefined;
  try {
    const results: ClassReport['results'] = [];
    const ms: number[] = [];
    for (const q of opts.questions) {
      const app = (q.corpus === 'invented' ? invented : real)!;
      const a = await app.answer(q.question, { channel: 'eval', ...(q.after ? { followUp: { question: q.after } } : {}) });
      ms.push(a.timings.totalMs ?? 0);
      results.push(score(q, a));
    }
    const classes: Record<string, ClassSummary> = {};
    for (const c of [...new Set(opts.questions.map((q) => q.class))]) {
      const rs = results.filter((r) => r.class === c);
      const qs = opts.questions.filter((q) => q.class === c);
      const ans = rs.filter((_, i) => qs[i]!.kind !== 'abstain');
      const un = rs.filter((_, i) => qs[i]!.kind === 'abstain');
      const r = (xs: typeof rs, f: (x: (typeof rs)[number]) => boolean) => (xs.length ? xs.filter(f).length / xs.length : null);
      classes[c] = {
        n: rs.length, answerable: ans.length, hitAt1: r(ans, (x) => x.hitAt1), hitAt5: r(ans, (x) => x.hitAt5),
        correct: r(ans, (x) => x.correct), wrongfulAbstentions: r(ans, (x) => x.abstained),
        unanswerable: un.length, abstained: r(un, (x) => x.abstained),
      };
    }
    const p = (x: number) => (ms.length ? percentile(ms, x) : 0);
    return { summary: { questions: results.length, classes, latency: { p50Ms: p(0.5), p95Ms: p(0.95) } }, results };
  } finally {
    await real?.close();
    await invented?.close();
  }
}

function score(q: ClassQuestion, a: Answer): ClassReport['results'][number] {
  const cited = a.citations.map((c) => c.docId);
  const gold = new Set(q.gold_doc_ids);
  const quotes = a.citations.map((c) => c.quote.toLowerCase()).join('\n');
  const phrases = q.gold_contains === undefined ? [] : [q.gold_contains].flat();
  const hitAt5 = cited.slice(0, 5).some((d) => gold.has(d));
  const correct = q.kind === 'abstain' ? a.abstained : !a.abstained && hitAt5
    && phrases.every((x) => quotes.includes(x.toLowerCase()))
    && (!q.must_not_contain || !quotes.includes(q.must_not_contain.toLowerCase()))
    && (!q.answer_contains || a.answer.includes(q.answer_contains))
    && (!q.answer_not_contains || !a.answer.includes(q.answer_not_contains));
  return { id: q.id, class: q.class, abstained: a.abstained, hitAt1: cited.slice(0, 1).some((d) => gold.has(d)), hitAt5, correct, citedDocIds: cited };
}

/** A fresh app over the invented documents (a handful; rebuilt on every run under `<dataDir>/eval-invented`). */
async function inventedApp(config: Config): Promise<AppInternals> {
  const dir = path.join(config.dataDir, 'eval-invented');
  const app = await createApp({ ...config, dataDir: dir }, { bundled: false });
  const file = path.join(projectRoot(), 'bench', 'data', 'invented-documents.jsonl');
  const docs = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l): DocumentInput => {
    const r = JSON.parse(l) as { id: string; title: string; kind: string; publisher?: string; published?: string; text: string };
    return { meta: { id: r.id, title: r.title, kind: r.kind as DocumentInput['meta']['kind'], publisher: r.publisher, published: r.published }, text: r.text, origin: r.id };
  });
  await app.importDocuments(docs);
  return app;
}
