import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { composeWithClaims } from '../answer/claims-answer.js';
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
import { sqliteClaims } from '../storage/sqlite/sqlite-claims.js';
import type { DocumentInput, DocumentMeta } from '../core/documents.js';
import { hybridSearch, widerSpans } from '../retrieval/hybrid.js';
import { openIndex, rebuildIndex, syncIndex } from '../retrieval/index-sync.js';
import { analyzeQuestion } from '../retrieval/question.js';
import { chooseLocale } from '../retrieval/languages/locale.js';
import { weighTerms } from '../retrieval/topic.js';
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
    const opened = await openIndex(store, embedder, indexDir);
    const { index } = opened;
    const analyser = createAnalyser({ gazetteer, aliases, embedder, workerMinChars: opts.workerMinChars });
    const storage = sqliteStorage(store, { closeStore: false });
    const deps: IngestDeps = { storage, store, embedder, index, gazetteer, analyser, ...(claimExtractor && { claimExtractor }) };
    const ledger = ledgerOf(storage);
    await syncLedger(storage, gazetteer);
    // TEMPORARY synchronous ledger reads on SQLite, until the answer composers read an async ClaimSource
    // (answer/claims-builder.ts) and stats() is async: the same SQL as storage.claims, without the queue.
    const syncClaims = sqliteClaims(store);
    const claimSource = { inSpan: syncClaims.inSpan, list: syncClaims.entries };
    const loadOptions: LoadOptions = {
      maxBytes: config.MAX_UPLOAD_BYTES, fetchTimeoutMs: config.FETCH_TIMEOUT_MS, allowHosts: opts.allowHosts,
    };
    // A replica rebuilt or caught up at start is saved now, so the next start (of this shard) loads it.
    let dirty = opened.rebuilt || opened.added + opened.removed > 0;
    let closed = false;
    const saveIndex = async () => {
      if (!dirty) return;
      dirty = false;
      await deps.index.save(indexDir);
    };
    // A question answered without logging it (the app's answer, and the re-check of coverage gaps at ingest).
    const compose = async (q: string, ask: AskOptions) => {
      if (deps.index.adding === 0 && deps.index.storeVersion !== store.version()) syncIndex(deps.index, store);
      const prev = ask.followUp ? analyzeQuestion(ask.followUp.question, gazetteer) : undefined;
      const analysis = weighTerms(analyzeQuestion(q, gazetteer, prev), store, deps.index.size);
      analysis.locale = chooseLocale(q, { override: ask.localeOverride, fallbacks: ask.locales });
      const t1 = performance.now();
      const chunks = await hybridSearch(deps, analysis, { k: config.RETRIEVAL_K, mode: config.RETRIEVAL_MODE });
      const t2 = performance.now();
      await refreshLedger(storage, ledger);
      const wider = () => widerSpans(deps, analysis, WIDER_K);
      const composed = composeWithClaims(analysis, chunks, claimSource, () => composeExtractive(analysis, chunks), wider);
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
      if (res.some((r) => r.added)) dirty = true;
      await gapsAfterIngest(res.some((r) => r.added), docs.length <= 1000 ? docs.map((d) => `${d.meta.title ?? ''} ${d.text}`) : undefined);
      return res;
    };
    const importBatches: AppInternals['importBatches'] = async (batches, onBatch, onReject) => {
      let added = false;
      await pipelineBatches(deps, batches, (res) => {
        if (res.some((r) => r.added)) dirty = added = true;
        onBatch(res);
      }, onReject);
      await gapsAfterIngest(added);
    };
    if ((opts.bundled ?? true) && store.getMeta('bundled_loaded') === undefined && store.counts().documents === 0) {
      await importDocuments(await loadBundled(loadOptions));
      store.setMeta('bundled_loaded', new Date().toISOString());
    }
    await saveIndex();

    const app: AppInternals = {
      config, deps, loadOptions, importDocuments, importBatches, saveIndex,
      async answer(question: string, ask: AskOptions = {}): Promise<Answer> {
        const t0 = performance.now();
        const q = question.trim();
        if (!q) throw new UserError('QUESTION_EMPTY');
        if (q.length > MAX_QUESTION) throw new UserError('QUESTION_TOO_LONG', { length: q.length, limit: MAX_QUESTION });
        // Behind the store: catch up (another process wrote), unless our own import is adding vectors right now.
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
        deps.index.remove(await storage.withTransaction(async (tx) => {
          const removed = await tx.documents.removeDocument(id);
          await ledger.refresh(tx.claims);
          return removed;
        }));
        deps.index.storeVersion = store.version();
        dirty = true;
        await saveIndex();
      },
      listDocuments: () => store.listDocuments(),
      async reindex(onProgress) {
        const t0 = performance.now();
        const docs = store.listDocuments();
        const rows: { id: number; vec: Float32Array }[] = [];
        for (const d of docs) {
          await new Promise<void>((resolve) => setImmediate(resolve));
          const chunks = store.chunksOf(d.id);
          const vecs = await embedder.embedDocuments(chunks.map((c) => passageText(d.title, c.text)));
          chunks.forEach((c, i) => rows.push({ id: c.id, vec: Float32Array.from(vecs[i]!) }));
        }
        store.transaction(() => {
          store.replaceVectors(rows);
          store.setMeta('embedder', embedder.id);
        });
        const fresh = rebuildIndex(store, embedder, deps.index.params, onProgress);
        await fresh.save(indexDir);
        deps.index = fresh;
        return { chunks: rows.length, ms: performance.now() - t0 };
      },
      stats() {
        const { documents, chunks } = store.counts();
        return { documents, chunks, claims: syncClaims.count(), indexSize: deps.index.size, ...questionStats(store) };
      },
      recordFeedback: (input) => recordFeedback(store, input),
      ...storyMethods(store, storage, ledger, gazetteer, config),
      listFeedback: (limit) => listFeedback(store, limit),
      listClaims: (filter) => listLedger(storage, ledger, gazetteer, filter),
      reviewClaim: (input) => reviewClaim(storage, ledger, input),
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
