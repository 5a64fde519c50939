/**
 * The import worker: analyses prepared documents (attribution, rule claims, built-in embedding) off the
 * main thread, so that a large import uses the second core and the bot keeps answering meanwhile.
 * Started by app/analyser.ts; one request at a time, answered in order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Gazetteer, type AliasFile } from '../claims/actors.js';
import type { PreparedDocument } from '../corpus/prepare.js';
import { BuiltinEmbeddings } from '../retrieval/builtin-embeddings.js';
import { analyseDocument, type Analysis } from './analyse.js';

interface Init { aliases: AliasFile; dimensions?: number }
interface Request { id: number; docs: PreparedDocument[]; attributions: boolean }

const init = workerData as Init;
const gazetteer = new Gazetteer(init.aliases);
const embedder = init.dimensions ? new BuiltinEmbeddings(init.dimensions) : undefined;
const embed = embedder ? (t: string) => embedder.embed(t) : undefined;

parentPort!.on('message', (req: Request) => {
  try {
    const out: Analysis[] = req.docs.map((d) => analyseDocument(d, gazetteer, { embed, attributions: req.attributions }));
    const buffers = out.flatMap((a) => a.chunks.flatMap((c) => (c.vec ? [c.vec.buffer as ArrayBuffer] : [])));
    parentPort!.postMessage({ id: req.id, out }, buffers);
  } catch (err) {
    parentPort!.postMessage({ id: req.id, error: err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err) });
  }
});
