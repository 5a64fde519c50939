import { createHash } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { NewDocumentWithPassages, Storage } from '../../core/ports.js';
import type { StoredDocument } from '../../core/documents.js';
import { openPostgresStorage } from '../../storage/postgres/postgres-storage.js';
import { openSqliteStorage } from '../../storage/sqlite/sqlite-storage.js';
import { POSTGRES_MISSING, postgresBinaries, startTempPostgres, type TempPostgres } from '../helpers/postgres.js';
import { tempDir } from '../helpers/temp.js';

/** A backend under test: how to open a fresh, empty storage for one test. */
export interface Backend {
  name: string;
  /** Set when the backend cannot run here and may be skipped (never in CI). */
  skipReason?: string;
  setup(): Promise<void>;
  teardown(): Promise<void>;
  /** A new empty store, a way to open another connection to it (as another process would), and cleanup. */
  fresh(): Promise<{ storage: Storage; second: () => Promise<Storage>; dispose: () => Promise<void> }>;
}

const inCi = !!process.env.CI && process.env.CI !== 'false';

export const sqliteBackend: Backend = {
  name: 'sqlite',
  setup: async () => undefined,
  teardown: async () => undefined,
  fresh: async () => {
    const { dir, cleanup } = tempDir('dd-storage-');
    const storage = openSqliteStorage(dir);
    return { storage, second: async () => openSqliteStorage(dir), dispose: async () => { await storage.close(); cleanup(); } };
  },
};

let cluster: TempPostgres | undefined;
let admin: pg.Pool | undefined;
let databases = 0;

/**
 * PostgreSQL on a throw-away cluster started once for the file; each test gets its own new database
 * (so migrations run every time). Without server binaries it fails in CI and is skipped elsewhere.
 */
export const postgresBackend: Backend = {
  name: 'postgres',
  skipReason: !postgresBinaries && !inCi ? `skipped outside CI: ${POSTGRES_MISSING}` : undefined,
  setup: async () => {
    if (!postgresBinaries) throw new Error(POSTGRES_MISSING);
    cluster = startTempPostgres();
    admin = new pg.Pool({ connectionString: cluster.url, max: 1 });
  },
  teardown: async () => {
    await admin?.end();
    cluster?.stop();
  },
  fresh: async () => {
    const name = `conformance_${++databases}`;
    await admin!.query(`CREATE DATABASE ${name}`);
    const url = cluster!.url.replace('/postgres?', `/${name}?`);
    const storage = await openPostgresStorage(url);
    return { storage, second: () => openPostgresStorage(url), dispose: () => storage.close() };
  },
};

/** A document with its passages laid end to end (vectors from `vecs`, or small distinct ones). */
export function docWith(
  id: string, title: string, passages: string[],
  extra: Partial<Pick<StoredDocument, 'speaker' | 'sources' | 'url' | 'published' | 'publisher'>> & {
    speakerId?: string; vecs?: Float32Array[]; attribs?: string[];
  } = {},
): NewDocumentWithPassages {
  const text = passages.join(' ');
  let start = 0;
  const chunks = passages.map((p, ord) => {
    const c = { ord, start, end: start + p.length, text: p, vec: extra.vecs?.[ord] ?? new Float32Array([ord, 1, -1, 0.5]),
      ...(extra.attribs?.[ord] ? { attrib: extra.attribs[ord] } : {}) };
    start += p.length + 1;
    return c;
  });
  const { vecs: _v, attribs: _a, ...meta } = extra;
  return {
    doc: { id, title, kind: 'news report', language: 'en', contentHash: createHash('sha256').update(text).digest('hex'), text, ...meta },
    chunks,
  };
}

// An invented corpus. Passage numbers in comments are the order of insertion (ids ascend with it).
export const HARBOUR = docWith('harbour', 'Harbour talks', [
  'The ministers of Veloria and Kestrand met at the harbour to discuss fishing quotas.', // h0
  'A ceasefire along the northern border was announced by the Kestrand foreign ministry.', // h1
]);
export const GRAIN = docWith('grain', 'Grain corridor', [
  'Veloria said the grain corridor would reopen next week after inspections.', // g0
  'Shipping insurers welcomed the statement from Veloria.', // g1
], { speakerId: 'VEL', speaker: 'Veloria', sources: [{ outlet: 'Coastal Wire', url: 'https://example.org/a' }] });
export const ROAD = docWith('road', 'Ceasefire holds', [
  'Observers counted convoys on the coastal road near Veloria.', // r0
], { url: 'https://example.org/road', published: '2026-03-02', publisher: 'Coastal Wire', attribs: ['[{"s":0,"speaker":"observers"}]'] });

/**
 * A fresh store of `backend` plus `raw(sql)`, which runs SQL on it behind the adapter's back (another
 * connection; on SQLite without foreign keys, on PostgreSQL without triggers), to plant problems.
 */
export async function freshWithRaw(backend: Backend): Promise<{ storage: Storage; raw: (sql: string) => Promise<void>; dispose: () => Promise<void> }> {
  if (backend === sqliteBackend) {
    const { dir, cleanup } = tempDir('dd-storage-');
    const storage = openSqliteStorage(dir);
    const raw = async (sql: string) => {
      const db = new Database(path.join(dir, 'store.sqlite'));
      try {
        db.pragma('foreign_keys = OFF');
        db.exec(sql);
      } finally { db.close(); }
    };
    return { storage, raw, dispose: async () => { await storage.close(); cleanup(); } };
  }
  const name = `conformance_${++databases}`;
  await admin!.query(`CREATE DATABASE ${name}`);
  const url = cluster!.url.replace('/postgres?', `/${name}?`);
  const storage = await openPostgresStorage(url);
  const raw = async (sql: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query("SET session_replication_role = 'replica'");
      await client.query(sql);
    } finally { await client.end(); }
  };
  return { storage, raw, dispose: () => storage.close() };
}
