import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { composeWithClaims } from '../answer/claims-answer.js';
import { asyncClaimSource } from '../answer/claim-source.js';
import { composeExtractive } from '../answer/extractive.js';
import { staleNote } from '../answer/freshness.js';
import type { Answer } from '../core/answer.js';
import { Gazetteer, type AliasFile } from '../claims/actors.js';
import { listLedger, refreshLedger } from '../claims/app-ledger.js';
import { syncLedger } from '../claims/pipeline.js';
import { reviewClaim } from '../claims/reviews.js';
import type { LoadOptions } from '../corpus/loaders/index.js';
import { Store } from '../storage/sqlite/store.js';
import { sqliteStorage } from '../storage/sqlite/sqlite-storage.js';
import type { DocumentInput, DocumentMeta } from '../core/documents.js';
import { hybridSearch, widerSpans } from '../retrieval/hybrid.js';
import { analyzeQuestion } from '../retrieval/question.js';
import { chooseLocale } from '../retrieval/languages/locale.js';
import { weighTerms } from '../retrieval/topic.js';
import { IndexReplica } from './index-replica.js';
import type { AddResult, AddSource, App, AskOptions } from './app.js';
import { indexDirOf, type Config } from './config.js';
import { openEmbedder } from './embedder.js';
import { UserError } from '../core/errors.js';
import { createAnalyser } from './analyser.js';
import { passageText } from './analyse.js';
import { ingestDocuments, ledgerOf, pipelineBatches, type IngestDeps } from './ingest.js';
import { bundledDocumentsDir } from '../core/paths.js';
import { listFeedback, logQuestion, questionStats, recordFeedback } from './records.js';
import { recordGap } from './gaps.js';
import { recheckGaps } from './gap-check.js';
import { storyMethods } from './story.js';

const MAX_QUESTION = 1000;
/** Passages searched beyond the top k for ledger answers (every actor with a stance, every figure). */
const WIDER_K = 24;

/** The application plus the internals the command line needs (import, check). */
export interface AppInternals extends App {
  readonly deps: IngestDeps;
  loadOptions: LoadOptions;
  /** Adds many loaded documents in one transaction, without saving the index (call `saveIndex`). */
  importDocuments(docs: DocumentInput[], meta?: DocumentMeta, onReject?: (doc: DocumentInput, err: UserError) => void): Promise<AddResult[]>;
  /**
   * Imports batches as they come, each in its own transaction like `importDocuments`, pipelined: the
   * next batch is analysed (in the import worker) while the previous one is stored. Without saving the index.
   */
  importBatches(batches: AsyncIterable<DocumentInput[]> | Iterable<DocumentInput[]>, onBatch: (results: AddResult[]) => void,
    onReject?: (doc: DocumentInput, err: UserError) => void): Promise<void>;
  saveIndex(): Promise<void>;
}

/** Options of {@link createApp}. */
export interface CreateAppOptions {
  /** Load the bundled documents into an empty store (default true). */
  bundled?: boolean;
  /** Test-only: hosts the URL loader may reach although they are private. */
  allowHosts?: string[];
  /** Batches with at least this many characters are analysed in the import worker (see app/analyser.ts). */
  workerMinChars?: number;
}

/**
 * Builds the application: opens the store in `config.dataDir`, the vector index (caught up or rebuilt
 * from stored vectors), and on first use loads the bundled documents.
 */
export async function createApp(config: Config, opts: CreateAppOptions = {}): Promise<AppInternals> {
  const store = Store.open(config.dataDir);
  try {
    const embedder = await openEmbedder(config);
    // ANSWER_MODE=llm: settings checked now, the provider package loaded on the first question.
    // Model code loads only when configured: it is a third of start-up otherwise.
    const llm = config.ANSWER_MODE === 'llm' ? (await import('../answer/llm/index.js')).llmComposerFrom(config) : undefined;
    const aliases = readAliases(config.dataDir);
    const gazetteer = new Gazetteer(aliases);
    // CLAIMS_MODE=llm: the model extracts claims at ingest, merged with and falling back to the rules'.
    const claimExtractor = config.CLAIMS_MODE === 'llm'
      ? (await import('../answer/llm/claims-ingest.js')).llmClaimExtractorFrom(config, gazetteer) : undefined;
    const indexDir = indexDirOf(config);
    const storage = sqliteStorage(store, { closeStore: false });
    const replica = await IndexReplica.open(storage, embedder, indexDir);
    const analyser = createAnalyser({ gazetteer, aliases, embedder, workerMinChars: opts.workerMinChars });
    const deps: IngestDeps = {
      storage, store, embedder, gazetteer, analyser, ...(claimExtractor && { claimExtractor }),
      get index() { return replica.index; },
    };
    const ledger = ledgerOf(store);
    // The composers read the ledger through the async ClaimSource (the ledger may be in PostgreSQL).
    const claimSource = asyncClaimSource(ledger);
    syncLedger(store, gazetteer);
    const loadOptions: LoadOptions = {
      maxBytes: config.MAX_UPLOAD_BYTES, fetchTimeoutMs: config.FETCH_TIMEOUT_MS, allowHosts: opts.allowHosts,
    };
    let closed = false;
    const saveIndex = () => replica.save();
    // A question answered without logging it (the app's answer, and the re-check of coverage gaps at ingest).
    const compose = async (q: string, ask: AskOptions) => {
      // Behind the store: catch up (another process wrote), unless our own import is adding vectors right now.
      await replica.catchUp();
      const prev = ask.followUp ? analyzeQuestion(ask.followUp.question, gazetteer) : undefined;
      const { index } = replica;
      const analysis = await weighTerms(analyzeQuestion(q, gazetteer, prev), storage.lexical, { total: index.size, version: index.storeVersion });
      analysis.locale = chooseLocale(q, { override: ask.localeOverride, fallbacks: ask.locales });
      const t1 = performance.now();
      const chunks = await hybridSearch(deps, analysis, { k: config.RETRIEVAL_K, mode: config.RETRIEVAL_MODE });
      const t2 = performance.now();
      refreshLedger(store, ledger);
      const wider = () => widerSpans(deps, analysis, WIDER_K);
      const composed = await composeWithClaims(analysis, chunks, claimSource, () => composeExtractive(analysis, chunks), wider);
      // The LLM's answer, checked against its citations; the extractive one when it fails or is late.
      const llmResult = llm && chunks.length ? await llm.compose({ question: q, chunks, extractive: composed }) : undefined;
      const picked = llmResult?.answer ?? composed;
      const stale = picked.abstained ? undefined : staleNote(picked, new Date(), config.STALE_SOURCE_DAYS, analysis.locale);
      const sent = stale ? { ...picked, answer: `${picked.answer}\n${stale}` } : picked;
      return { sent, mode: llmResult?.mode ?? 'extractive' as const, t1, t2, locale: analysis.locale };
    };
    // After documents are committed: open coverage gaps that an answer now covers are closed.
    const gapsAfterIngest = async (added: boolean, texts?: string[]) => {
      if (added) await recheckGaps(store, async (q) => (await compose(q, {})).sent, texts);
    };
    const importDocuments: AppInternals['importDocuments'] = async (docs, meta, onReject) => {
      const res = await ingestDocuments(deps, docs, meta, onReject);
      if (res.some((r) => r.added)) replica.changed();
      await gapsAfterIngest(res.some((r) => r.added), docs.length <= 1000 ? docs.map((d) => `${d.meta.title ?? ''} ${d.text}`) : undefined);
      return res;
    };
    const importBatches: AppInternals['importBatches'] = async (batches, onBatch, onReject) => {
      let added = false;
      await pipelineBatches(deps, batches, (res) => {
        if (res.some((r) => r.added)) { replica.changed(); added = true; }
        onBatch(res);
      }, onReject);
      await gapsAfterIngest(added);
    };
    if ((opts.bundled ?? true) && await storage.meta.get('bundled_loaded') === undefined && (await storage.documents.counts()).documents === 0) {
      await importDocuments(await loadBundled(loadOptions));
      await storage.meta.set('bundled_loaded', new Date().toISOString());
    }
    // A replica rebuilt or caught up at start is saved now, so the next start (of this shard) loads it.
    await saveIndex();

    const app: AppInternals = {
      config, deps, loadOptions, importDocuments, importBatches, saveIndex,
      async answer(question: string, ask: AskOptions = {}): Promise<Answer> {
        const t0 = performance.now();
        const q = question.trim();
        if (!q) throw new UserError('QUESTION_EMPTY');
        if (q.length > MAX_QUESTION) throw new UserError('QUESTION_TOO_LONG', { length: q.length, limit: MAX_QUESTION });
        const { sent, mode, t1, t2, locale } = await compose(q, ask);
        const t3 = performance.now();
        const timings = { analyzeMs: t1 - t0, retrieveMs: t2 - t1, composeMs: t3 - t2, totalMs: t3 - t0 };
        logQuestion(store, ask.channel ?? 'api', sent.abstained, timings.totalMs);
        if (sent.abstained && ask.channel !== 'eval') recordGap(store, q);
        return { ...sent, question: q, mode, timings, locale };
      },
      async addDocument(source: AddSource, meta?: DocumentMeta) {
        const doc = await loadSource(source, loadOptions);
        const [res] = await importDocuments([doc], meta);
        await saveIndex();
        return res!;
      },
      async removeDocument(id: string) {
        // The document's claims go with it (cascade); the claims they fed are derived again in the same transaction.
        const { removed, version } = await storage.withTransaction(async (tx) => {
          const ids = await tx.documents.removeDocument(id);
          ledger.refresh();
          return { removed: ids, version: await tx.documents.version() };
        });
        replica.changed(removed, version);
        await saveIndex();
      },
      listDocuments: () => storage.documents.listDocuments(),
      async reindex(onProgress) {
        const t0 = performance.now();
        const docs = await storage.documents.listDocuments();
        const rows: { id: number; vec: Float32Array }[] = [];
        for (const d of docs) {
          await new Promise<void>((resolve) => setImmediate(resolve));
          const chunks = await storage.documents.passagesOf(d.id);
          const vecs = await embedder.embedDocuments(chunks.map((c) => passageText(d.title, c.text)));
          chunks.forEach((c, i) => rows.push({ id: c.id, vec: Float32Array.from(vecs[i]!) }));
        }
        await storage.withTransaction(async (tx) => {
          await tx.vectors.replaceVectors(rows);
          await tx.meta.set('embedder', embedder.id);
        });
        await replica.rebuild(onProgress);
        return { chunks: rows.length, ms: performance.now() - t0 };
      },
      async stats() {
        const { documents, passages } = await storage.documents.counts();
        return { documents, chunks: passages, claims: ledger.count(), indexSize: replica.index.size, ...questionStats(store) };
      },
      recordFeedback: (input) => recordFeedback(store, input),
      ...storyMethods(store, ledger, gazetteer, config),
      listFeedback: (limit) => listFeedback(store, limit),
      listClaims: (filter) => listLedger(store, ledger, gazetteer, filter),
      reviewClaim: (input) => reviewClaim(store, ledger, input),
      async close() {
        if (closed) return;
        closed = true;
        try { await saveIndex(); } finally {
          await analyser.close();
          store.close();
        }
      },
    };
    return app;
  } catch (err) {
    store.close();
    throw err;
  }
}

/** Loads any kind of source into a document. */
export async function loadSource(source: AddSource, opts: LoadOptions): Promise<DocumentInput> {
  const { loadBytes, loadPath, loadText, loadUrl } = await loaders();
  switch (source.kind) {
    case 'document': return source.document;
    case 'path': return loadPath(source.path, opts);
    case 'url': return loadUrl(source.url, opts);
    case 'bytes': return loadBytes(source.bytes, source.filename, source.contentType, opts);
    case 'text': return loadText(source.text, {}, 'text');
  }
}

async function loadBundled(opts: LoadOptions): Promise<DocumentInput[]> {
  const dir = bundledDocumentsDir();
  const files = readdirSync(dir).filter((f) => /\.(md|txt)$/.test(f) && f !== 'README.md').sort();
  const { loadPath } = await loaders();
  return Promise.all(files.map((f) => loadPath(path.join(dir, f), opts)));
}

/** The loaders (HTML, PDF, URL parsing) are imported on the first document, not at start-up. */
function loaders(): Promise<typeof import('../corpus/loaders/index.js')> {
  return import('../corpus/loaders/index.js');
}

/** The maintainer aliases of `DATA_DIR/aliases.json` (none when the file is missing; bad JSON is a configuration error). */
export function readAliases(dataDir: string): AliasFile {
  const file = path.join(dataDir, 'aliases.json');
  if (!existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as AliasFile;
  } catch (err) {
    throw new UserError('CONFIG_INVALID', { detail: `${file} is not valid JSON (${(err as Error).message})` });
  }
}
