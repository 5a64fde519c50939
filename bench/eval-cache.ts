import { UserError } from '../core/errors.js';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../app/config.js';
import { createApp, type AppInternals } from '../app/create-app.js';
import { projectRoot } from '../core/paths.js';
import { CLAIMS_VERSION } from '../claims/pipeline.js';
import { MIGRATIONS } from '../storage/sqlite/migrations.js';
import { DEFAULT_HNSW } from '../retrieval/vector-index.js';

/** What an evaluation store was built from and by; a store whose key differs in anything is rebuilt. */
export interface EvalStoreKey {
  /** sha256 over the names and contents of the input files. */
  inputs: string;
  /** Schema migrations applied (corpus/migrations.ts). */
  schema: number;
  /** CLAIMS_VERSION of claims/pipeline.ts, and the claims mode. */
  claims: string;
  /** sha256 of the code that turns documents into stored passages (chunking, attribution, claims, embedding). */
  code: string;
  /** The embedder's id. */
  embedder: string;
  /** The HNSW parameters a new index is built with. */
  index: string;
}

const KEY_META = 'eval_store_key';
const CODE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The code a stored passage depends on; the answer, bot and CLI code do not change the store.
const CODE = ['corpus', 'claims', 'core/language', 'app/analyse', 'app/ingest', 'retrieval/builtin-embeddings', 'retrieval/speakers', 'retrieval/text'];
// Data files that code reads while it builds a store (the curated actors of the gazetteer, their names in
// other languages, the reporting verbs of other languages).
const DATA = ['claims/data/bodies.json', 'claims/data/actors-lang.json', 'claims/data/cues-lang.json'];

/** sha256 over the names and contents of `files` (in the order given). */
export function digestFiles(files: readonly string[], base = ''): string {
  const h = createHash('sha256');
  for (const f of files) h.update(`${base ? path.relative(base, f) : path.basename(f)}\0`).update(readFileSync(f)).update('\0');
  return h.digest('hex').slice(0, 16);
}

/** Compiled (.js) or source (.ts, under vitest) files of `entries` under `root`, sorted. */
export function codeFiles(root = CODE_DIR, entries: readonly string[] = CODE): string[] {
  const ext = existsSync(path.join(root, 'corpus', 'store.js')) ? '.js' : '.ts';
  const out: string[] = [];
  const walk = (p: string) => {
    if (existsSync(p) && statSync(p).isDirectory()) for (const e of readdirSync(p).sort()) walk(path.join(p, e));
    else if (p.endsWith(ext) && !p.endsWith('.d.ts') && existsSync(p)) out.push(p);
  };
  for (const e of entries) walk(existsSync(path.join(root, e)) ? path.join(root, e) : path.join(root, `${e}${ext}`));
  return out.sort();
}

/** The key of a store built now from `files` by this code and `app`'s embedder and index. */
export function currentKey(files: readonly string[], app: AppInternals, config: Config): EvalStoreKey {
  return {
    inputs: digestFiles(files),
    schema: MIGRATIONS.length,
    claims: `${CLAIMS_VERSION}/${config.CLAIMS_MODE}`,
    code: `${digestFiles(codeFiles(), CODE_DIR)}/${digestFiles(DATA.map((f) => path.join(projectRoot(), f)).filter((f) => existsSync(f)))}`,
    embedder: app.deps.embedder.id,
    // The parameters a new index gets now (an opened index keeps those it was built with).
    index: JSON.stringify(DEFAULT_HNSW),
  };
}

/** The names of the parts of `a` that differ from `b`. */
export function keyDifferences(a: EvalStoreKey, b: EvalStoreKey): string[] {
  return (Object.keys(a) as (keyof EvalStoreKey)[]).filter((k) => a[k] !== b[k]);
}

/** Options of {@link openEvalStore}. */
export interface OpenEvalStoreOptions {
  config: Config;
  /** The store's own folder (deleted and built again when stale). */
  dataDir: string;
  files: readonly string[];
  /** Fills an empty store from `files`. */
  build: (app: AppInternals) => Promise<void>;
  /** Replaces parts of the current key (tests: another code version). */
  override?: Partial<EvalStoreKey>;
  progress?: (message: string) => void;
}

/**
 * Opens the cached evaluation store in `dataDir` when it was built from the same input contents by the
 * same code versions, else deletes it and builds it again from scratch: nothing built by older code
 * survives (importing into the old store would keep its passages and claims). `rebuilt` names the
 * parts of the key that differed ('store' for a store without a key, or one that does not open).
 */
export async function openEvalStore(opts: OpenEvalStoreOptions): Promise<{ app: AppInternals; rebuilt: string[] }> {
  const open = () => createApp({ ...opts.config, dataDir: opts.dataDir }, { bundled: false });
  const keyOf = (a: AppInternals) => ({ ...currentKey(opts.files, a, opts.config), ...opts.override });
  let stale = ['store'];
  let app: AppInternals | null = await open().catch(() => null); // e.g. an index of another embedder
  if (app) {
    const have = await readKey(app);
    if (have) stale = keyDifferences(keyOf(app), have);
    if (stale.length === 0) return { app, rebuilt: [] };
    // A shared PostgreSQL corpus is never emptied by an evaluation: it must start empty.
    const held = opts.config.DATABASE_URL ? (await app.deps.storage.documents.counts()).documents : 0;
    await app.close();
    if (held > 0) {
      throw new UserError('CONFIG_INVALID', { detail: `the database of DATABASE_URL holds ${held} documents not built by this evaluation (${stale.join(', ')}): point DATABASE_URL at an empty database` });
    }
  }
  opts.progress?.(`eval store out of date (${stale.join(', ')}): rebuilding`);
  rmSync(opts.dataDir, { recursive: true, force: true });
  app = await open();
  try {
    const want = keyOf(app);
    await opts.build(app);
    await app.deps.storage.meta.set(KEY_META, JSON.stringify(want));
    await app.saveIndex();
    return { app, rebuilt: stale };
  } catch (err) {
    await app.close();
    throw err;
  }
}

async function readKey(app: AppInternals): Promise<EvalStoreKey | null> {
  const raw = await app.deps.storage.meta.get(KEY_META);
  if (!raw) return null;
  try { return JSON.parse(raw) as EvalStoreKey; } catch { return null; }
}
