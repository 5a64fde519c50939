import { createRequire } from 'node:module';
import type { Country } from 'world-countries';
import type { DocumentInput, DocumentMeta } from '../../core/documents.js';
import { isMetaStringKey, mergeMeta } from './metadata.js';
import { assertTextual, requireText } from './normalize.js';

/** The record layouts `readJsonl` knows; `auto` recognises the first three by their fields. */
export type JsonlFormat = 'auto' | 'un-debate' | 'current-events' | 'state-dept' | 'generic';

type JsonRecord = Record<string, unknown>;
type Concrete = Exclude<JsonlFormat, 'auto'>;

// The package's typings and its CommonJS entry disagree on the default export: read the JSON directly.
const countries = createRequire(import.meta.url)('world-countries/countries.json') as Country[];
const COUNTRY_NAMES = new Map<string, string>(countries.map((c) => [c.cca3, c.name.common]));
// Speakers at the General Debate that are not countries.
COUNTRY_NAMES.set('EU', 'European Union');

const UN_LICENCE = 'UN General Debate Corpus (Baturo, Dasandi, Mikhaylov/Jankin), CC0';
const WIKI_LICENCE = 'CC BY-SA 4.0, Wikipedia contributors, Portal:Current events';
const STATE_LICENCE = 'US federal government work: public domain';

/** A record that does not fit its format; the message names what is wrong. */
export class RecordError extends Error {}

/** Which known layout a record has, judged by its fields. */
export function detectFormat(rec: JsonRecord): Concrete {
  if ('country_iso3' in rec && 'session' in rec) return 'un-debate';
  if ('topic_path' in rec || ('date' in rec && 'category' in rec && 'sources' in rec)) return 'current-events';
  if ('author' in rec && 'categories' in rec && 'url' in rec) return 'state-dept';
  return 'generic';
}

/** Turns one parsed JSONL record into a document; throws RecordError or UserError when it does not fit. */
export function recordToDocument(value: unknown, format: JsonlFormat, origin: string): DocumentInput {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new RecordError('the line is not a JSON object');
  const rec = value as JsonRecord;
  const chosen = format === 'auto' ? detectFormat(rec) : format;
  const raw = str(rec, 'text', true);
  assertTextual(raw, origin);
  const text = requireText(raw, origin);
  return { meta: mergeMeta(MAPPERS[chosen](rec)), text, origin };
}

const MAPPERS: Record<Concrete, (rec: JsonRecord) => DocumentMeta> = {
  'un-debate': (rec) => {
    const code = str(rec, 'country_iso3', true).toUpperCase();
    const session = int(rec, 'session');
    const year = int(rec, 'year');
    const country = COUNTRY_NAMES.get(code) ?? code;
    return {
      id: str(rec, 'id') ?? `${code}_${session}_${year}`,
      title: `${country} at the UN General Debate, session ${session} (${year})`,
      publisher: 'United Nations General Assembly',
      kind: 'transcript',
      published: String(year),
      speaker: country,
      language: 'en',
      licence: UN_LICENCE,
    };
  },
  'current-events': (rec) => {
    const date = str(rec, 'date', true);
    const path = rec.topic_path;
    const topics = Array.isArray(path) ? path.filter((t): t is string => typeof t === 'string' && t.trim() !== '') : [];
    const topic = topics.length > 0 ? topics.join(' – ') : (str(rec, 'category') ?? 'Current events');
    const sources = sourcesOf(rec.sources);
    return {
      id: str(rec, 'id'),
      title: `${topic} (${date})`,
      publisher: 'Wikipedia, Portal:Current events',
      kind: 'encyclopedia item',
      published: date,
      url: sources.find((s) => s.url)?.url,
      sources: sources.length > 0 ? sources : undefined,
      language: 'en',
      licence: WIKI_LICENCE,
    };
  },
  'state-dept': (rec) => ({
    id: str(rec, 'id'),
    title: str(rec, 'title', true),
    url: str(rec, 'url'),
    published: str(rec, 'published'),
    publisher: 'U.S. Department of State',
    kind: 'official statement',
    speaker: 'United States',
    language: 'en',
    licence: STATE_LICENCE,
  }),
  generic: (rec) => {
    const meta: Record<string, unknown> = {};
    for (const key of Object.keys(rec)) if (isMetaStringKey(key)) meta[key] = str(rec, key);
    const sources = 'sources' in rec ? sourcesOf(rec.sources) : [];
    if (sources.length > 0) meta.sources = sources;
    return meta as DocumentMeta;
  },
};

function str(rec: JsonRecord, key: string, required: true): string;
function str(rec: JsonRecord, key: string, required?: false): string | undefined;
function str(rec: JsonRecord, key: string, required = false): string | undefined {
  const v = rec[key];
  if (v === undefined || v === null || v === '') {
    if (required) throw new RecordError(`"${key}" is missing`);
    return undefined;
  }
  if (typeof v === 'number' && key !== 'text') return String(v);
  if (typeof v !== 'string') throw new RecordError(`"${key}" must be a string`);
  return v;
}

function int(rec: JsonRecord, key: string): number {
  const v = typeof rec[key] === 'string' ? Number(rec[key]) : rec[key];
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new RecordError(`"${key}" must be a whole number`);
  return v;
}

function sourcesOf(value: unknown): { outlet: string; url?: string }[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new RecordError('"sources" must be a list');
  const out: { outlet: string; url?: string }[] = [];
  for (const s of value) {
    if (typeof s !== 'object' || s === null || typeof (s as JsonRecord).outlet !== 'string') {
      throw new RecordError('each source needs an "outlet"');
    }
    const { outlet, url } = s as { outlet: string; url?: unknown };
    out.push(typeof url === 'string' && url ? { outlet: outlet.trim(), url } : { outlet: outlet.trim() });
  }
  return out;
}
