import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Gazetteer, type AliasFile } from '../claims/actors.js';
import { listLedger, refreshLedger } from '../claims/app-ledger.js';
import { syncLedger } from '../claims/pipeline.js';
import { claimHistory, reviewClaim } from '../claims/reviews.js';
import type { LoadOptions } from '../corpus/loaders/index.js';
import { openStorage } from './open-storage.js';
import type { DocumentInput } from '../core/documents.js';
import { UserError } from '../core/errors.js';
import { bundledDocumentsDir } from '../core/paths.js';
import { IndexReplica } from './index-replica.js';
import type { AddSource, App } from './app.js';
import { createAnswerer } from './answerer.js';
import { cachedFrequencies } from '../retrieval/frequencies.js';
import type { SearchDeps } from '../retrieval/hybrid.js';
import { indexDirOf, type Config } from './config.js';
import { openEmbedder } from './embedder.js';
import { createAnalyser } from './analyser.js';
import { ledgerOf, type IngestDeps } from './ingest.js';
import { createIngestor, type Importer } from './ingestor.js';
import { listFeedback, logQuestion, questionStats, recordFeedback } from './records.js';
import { listGaps, recordGap } from './gaps.js';
import { recheckGaps } from './gap-check.js';
import { storyMethods } from './story.js';

/** The application plus what the command line and the bench need: importing, and the ingest dependencies. */
export interface AppInternals extends App, Importer {
  readonly deps: IngestDeps;
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
 * Builds the application: opens the store (PostgreSQL at DATABASE_URL, else SQLite in `config.dataDir`),
 * this process's vector index replica (caught up or rebuilt from stored vectors), and on first use
 * loads the bundled documents.
 */
export async function createApp(config: Config, opts: CreateAppOptions = {}): Promise<AppInternals> {
  const { storage } = await openStorage(config);
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
    const replica = await IndexReplica.open(storage, embedder, indexDir);
    const analyser = createAnalyser({ gazetteer, aliases, embedder, workerMinChars: opts.workerMinChars });
    const deps: IngestDeps = {
      storage, embedder, gazetteer, analyser, ...(claimExtractor && { claimExtractor }),
      get index() { return replica.index; },
    };
    const ledger = ledgerOf(storage);
    await syncLedger(storage, gazetteer);
    const loadOptions: LoadOptions = {
      maxBytes: config.MAX_UPLOAD_BYTES, fetchTimeoutMs: config.FETCH_TIMEOUT_MS, allowHosts: opts.allowHosts,
    };
    let closed = false;
    // Answers read document frequencies through a cache that lasts until the store changes.
    const search: SearchDeps = {
      storage: { documents: storage.documents, vectors: storage.vectors, lexical: cachedFrequencies(storage.lexical, () => replica.index.storeVersion) },
      embedder, get index() { return replica.index; },
    };
    const answerer = createAnswerer({
      config, gazetteer, search, replica, llm,
      // The composers read the ledger through the async ClaimSource (the ledger may be in PostgreSQL).
      claims: ledger,
      refreshClaims: () => refreshLedger(storage, ledger),
      onAnswered: async (q, a, ask) => {
        await logQuestion(storage.records, ask.channel ?? 'api', a.abstained, a.timings?.totalMs ?? 0);
        if (a.abstained && ask.channel !== 'eval') await recordGap(storage, q);
      },
    });
    const ingestor = createIngestor({
      ingest: deps, storage, replica, loadOptions, load: loadSource,
      onRemoved: async (tx) => { await ledger.refresh(tx.claims); },
      // After documents are committed: open coverage gaps that an answer now covers are closed.
      afterIngest: async (texts) => { await recheckGaps(storage.gaps, async (q) => (await answerer.compose(q, {})).sent, texts); },
    });
    if ((opts.bundled ?? true) && await storage.meta.get('bundled_loaded') === undefined && (await storage.documents.counts()).documents === 0) {
      // Two processes starting at once on an empty shared database both try: the second one's insert
      // fails on the first one's rows, which is fine once the documents are there.
      await ingestor.importDocuments(await loadBundled(loadOptions)).catch(async (err: unknown) => {
        if ((await storage.documents.counts()).documents === 0) throw err;
      });
      await storage.meta.set('bundled_loaded', new Date().toISOString());
    }
    // A replica rebuilt or caught up at start is saved now, so the next start (of this shard) loads it.
    await replica.save();

    const app: AppInternals = {
      config, deps, ...ingestor,
      answer: (question, ask) => answerer.answer(question, ask),
      listDocuments: () => storage.documents.listDocuments(),
      async stats() {
        const { documents, passages } = await storage.documents.counts();
        return { documents, chunks: passages, claims: await ledger.count(), indexSize: replica.index.size, ...await questionStats(storage.records) };
      },
      recordFeedback: (input) => recordFeedback(storage.records, input),
      ...storyMethods(storage, ledger, gazetteer, config),
      listFeedback: (limit) => listFeedback(storage.records, limit),
      listGaps: (opts) => listGaps(storage.gaps, opts),
      listClaims: (filter) => listLedger(storage, ledger, gazetteer, filter),
      reviewClaim: (input) => reviewClaim(storage, ledger, input),
      async claimHistory(id) {
        await refreshLedger(storage, ledger);
        return claimHistory(storage.claims, id);
      },
      async close() {
        if (closed) return;
        closed = true;
        try { await replica.save(); } finally {
          await analyser.close();
          await storage.close();
        }
      },
    };
    return app;
  } catch (err) {
    await storage.close();
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
