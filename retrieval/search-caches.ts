/**
 * What hybrid search remembers between answers, each until the store version changes: small speakers'
 * passages, the stored languages and speakers' passage counts.
 */
import type { SearchDeps } from './hybrid.js';

/** A speaker with at most this many passages has them ranked exactly, in memory (see hybrid.ts). */
export const SMALL_SPEAKER = 2000;

/** Speakers whose passages (text and vector) are kept between answers, the most recently asked last. */
const SPEAKERS_KEPT = 8;
const speakerCache = new WeakMap<object, { version: number; byActor: Map<string, { id: number; text: string; vec: Float32Array }[]> }>();
/**
 * A small speaker's passages with their vectors, kept until the store changes: a speaker asked about
 * again is ranked without reading up to SMALL_SPEAKER vectors from the store again (a round trip of
 * megabytes on PostgreSQL). At most SPEAKERS_KEPT speakers, about 3 MB each.
 */
export async function speakerPassages(deps: SearchDeps, actorId: string): Promise<{ id: number; text: string; vec: Float32Array }[]> {
  const version = deps.index.storeVersion;
  let c = speakerCache.get(deps.storage.vectors);
  if (!c || c.version !== version) speakerCache.set(deps.storage.vectors, (c = { version, byActor: new Map() }));
  const hit = c.byActor.get(actorId);
  if (hit) {
    c.byActor.delete(actorId);
    c.byActor.set(actorId, hit);
    return hit;
  }
  const rows = await deps.storage.vectors.ofSpeaker(actorId);
  c.byActor.set(actorId, rows);
  if (c.byActor.size > SPEAKERS_KEPT) c.byActor.delete(c.byActor.keys().next().value!);
  return rows;
}

const languageCache = new WeakMap<object, { version: number; langs: string[] }>();
/** The languages of the stored documents, read again only when the store changed. */
export async function storedLanguages(deps: SearchDeps): Promise<string[]> {
  const version = deps.index.storeVersion;
  const hit = languageCache.get(deps.storage.documents);
  if (hit && hit.version === version) return hit.langs;
  const langs = await deps.storage.documents.languages();
  languageCache.set(deps.storage.documents, { version, langs });
  return langs;
}

const speakerCounts = new WeakMap<object, Map<string, { count: number; version: number; total: number }>>();
/**
 * How many passages a speaker has. Counting a speaker with half a million passages takes ~100 ms, so a
 * large count is reused while the store grows by less than a tenth: it only chooses how to search.
 */
export async function speakerCount(deps: SearchDeps, actorId: string, total: number): Promise<number> {
  let m = speakerCounts.get(deps.storage);
  if (!m) speakerCounts.set(deps.storage, (m = new Map()));
  const version = deps.index.storeVersion;
  const hit = m.get(actorId);
  if (hit && (hit.version === version || (hit.count > SMALL_SPEAKER && total >= hit.total && total < hit.total * 1.1))) return hit.count;
  if (m.size > 1000) m.clear();
  const count = await deps.storage.vectors.speakerCount(actorId);
  m.set(actorId, { count, version, total });
  return count;
}

