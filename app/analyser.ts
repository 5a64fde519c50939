import { Worker } from 'node:worker_threads';
import type { AliasFile, Gazetteer } from '../claims/actors.js';
import type { PreparedDocument } from '../corpus/prepare.js';
import { BuiltinEmbeddings, type NamedEmbeddings } from '../retrieval/builtin-embeddings.js';
import { analyseDocument, type Analysis } from './analyse.js';
import { compiledWorker } from '../core/paths.js';

/** Runs {@link analyseDocument} over a batch: in the import worker when the batch is large, else inline. */
export interface Analyser {
  analyse(docs: readonly PreparedDocument[], opts?: { attributions?: boolean }): Promise<Analysis[]>;
  /** Batches analysed so far, by where. */
  readonly counts: { worker: number; inline: number };
  /** Stops the worker (idempotent). */
  close(): Promise<void>;
}

/** Options of {@link createAnalyser}. */
export interface AnalyserOptions {
  gazetteer: Gazetteer;
  /** The maintainers' aliases the gazetteer was built with (the worker builds its own). */
  aliases: AliasFile;
  embedder: NamedEmbeddings;
  /** Batches with at least this many characters of text go to the worker (default 200,000; 0 = always; Infinity = never). */
  workerMinChars?: number;
}

/**
 * The analyser of an app. Large batches (an import) are analysed in a worker thread, which also embeds
 * with the built-in embedder: the main thread stays free to answer, and a pipelined import
 * (`importBatches`) stores one batch while the worker analyses the next. Small batches (one upload)
 * are analysed inline, where a worker's start-up would cost more than it saves.
 */
export function createAnalyser(opts: AnalyserOptions): Analyser {
  const minChars = opts.workerMinChars ?? 200_000;
  const builtin = opts.embedder instanceof BuiltinEmbeddings ? opts.embedder : undefined;
  const embed = builtin ? (t: string) => builtin.embed(t) : undefined;
  let worker: Worker | undefined;
  let seq = 0;
  const pending = new Map<number, { resolve: (a: Analysis[]) => void; reject: (e: Error) => void }>();

  const fail = (err: Error) => {
    for (const p of pending.values()) p.reject(err);
    pending.clear();
    worker = undefined;
  };
  const start = (): Worker | undefined => {
    if (worker) return worker;
    const file = compiledWorker(import.meta.url, 'app/analyse-worker.js');
    if (!file) return undefined;
    const w = new Worker(file, { workerData: { aliases: opts.aliases, dimensions: builtin?.dimensions } });
    w.on('message', (msg: { id: number; out?: Analysis[]; error?: string }) => {
      const p = pending.get(msg.id);
      if (!p) return;
      pending.delete(msg.id);
      if (pending.size === 0) w.unref();
      if (msg.error !== undefined) p.reject(new Error(`import worker: ${msg.error}`));
      else p.resolve(msg.out!);
    });
    w.on('error', (err) => { if (worker === w) fail(err); });
    w.on('exit', (code) => { if (worker === w) fail(new Error(`the import worker stopped (exit code ${code})`)); });
    w.unref();
    worker = w;
    return w;
  };

  const counts = { worker: 0, inline: 0 };
  return {
    counts,
    async analyse(docs, o = {}) {
      const chars = docs.reduce((s, d) => s + d.doc.text.length, 0);
      const w = chars >= minChars && chars > 0 ? start() : undefined;
      if (!w) {
        counts.inline++;
        const out: Analysis[] = [];
        for (const d of docs) {
          // Let timers and sockets run between documents: a long import must not starve the bot's gateway.
          await new Promise<void>((resolve) => setImmediate(resolve));
          out.push(analyseDocument(d, opts.gazetteer, { embed, attributions: o.attributions }));
        }
        return out;
      }
      counts.worker++;
      const id = ++seq;
      const result = new Promise<Analysis[]>((resolve, reject) => pending.set(id, { resolve, reject }));
      w.ref();
      w.postMessage({ id, docs, attributions: !!o.attributions });
      return result;
    },
    async close() {
      const w = worker;
      worker = undefined;
      fail(new Error('the app is closing'));
      if (w) await w.terminate();
    },
  };
}
