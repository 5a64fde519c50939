import { readdirSync } from 'node:fs';
import type { Config } from '../../app/config.js';
import { checkData } from '../../app/check.js';
import { createApp } from '../../app/create-app.js';
import { createEmbedder } from '../../app/embedder.js';
import { isUserError } from '../../core/errors.js';
import { openStorage } from '../../app/open-storage.js';
import { indexDirOf } from '../../app/config.js';
import { documentProblems } from './fingerprint.js';
import { answerProblems } from './load.js';

/** What a data folder looked like after a crash, and whether it is sound. */
export interface CrashCheck {
  ok: boolean;
  problems: string[];
  documents: number;
  chunks: number;
  /** `corpus check` found the index on disk behind the store (expected after a kill; repaired on open). */
  indexLagged: boolean;
}

/**
 * Verifies a data folder the way an operator would after a crash: `corpus check` semantics (only an
 * index that lags the store is allowed; with SQLite it runs the integrity and
 * `foreign_key_check`), no half-added document, then opening the app must catch the index up to exactly the store's chunks and
 * answer a question with exact quotes.
 */
export async function verifyDataDir(config: Config): Promise<CrashCheck> {
  const problems: string[] = [];
  const { storage } = await openStorage(config);
  let counts = { documents: 0, chunks: 0 };
  let lagged = false;
  try {
    const report = await checkData(storage, indexDirOf(config), createEmbedder(config).id);
    const lag = report.problems.filter((p) => p.fix.startsWith('none needed'));
    lagged = lag.length > 0;
    for (const p of report.problems) if (!lag.includes(p)) problems.push(`corpus check: ${p.problem}`);
    problems.push(...await documentProblems(storage));
    counts = { documents: report.documents, chunks: report.chunks };
  } finally {
    await storage.close();
  }
  const app = await createApp(config, { bundled: false });
  try {
    const stored = await app.deps.storage.vectors.ids();
    const live = new Set(app.deps.index.ids());
    const missing = stored.filter((id) => !live.has(id)).length;
    const extra = live.size - (stored.length - missing);
    if (missing || extra) problems.push(`after open the index lacks ${missing} chunks and holds ${extra} removed ones`);
    try {
      problems.push(...await answerProblems(app, await app.answer('What did the ministry say about the ceasefire?')));
    } catch (err) {
      if (!isUserError(err)) problems.push(`answer failed: ${(err as Error).message}`);
    }
  } finally {
    await app.close();
  }
  return { ok: problems.length === 0, problems, ...counts, indexLagged: lagged };
}

/** Temporary index files left behind by processes killed while saving (`index.hnsw.tmp-<pid>`). */
export function leftoverTempFiles(dataDir: string): string[] {
  return readdirSync(dataDir).filter((f) => /\.tmp(-\d+)?$/.test(f));
}
