import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { UserError } from '../core/errors.js';
import path from 'node:path';
import { projectRoot } from '../core/paths.js';
import { foreignNames } from './actors-lang.js';

/** A party that can make statements: a country, an international body or a group. */
export interface Actor {
  id: string;
  name: string;
  kind: 'country' | 'body';
}

/** How a mention refers to its actor. */
export type MentionKind = 'name' | 'demonym' | 'capital' | 'person' | 'alias';

/** An actor mentioned in a text, with the exact span. */
export interface ActorMention {
  actor: Actor;
  start: number;
  end: number;
  surface: string;
  via: MentionKind;
}

interface Entry { actor: Actor; via: MentionKind; caseSensitive: boolean }

/**
 * Extra aliases a maintainer can add without code (`DATA_DIR/aliases.json`, see claims/README.md):
 * `{ "RUS": ["Rossiya"] }` adds aliases to a known actor (ISO 3166 alpha-3 code or body id);
 * `{ "WAGNER": { "name": "Wagner Group", "aliases": ["Wagner"] } }` adds a new body.
 */
export type AliasFile = Record<string, string[] | { name: string; aliases?: string[] }>;

interface CountryRecord {
  cca3: string; name: { common: string; official: string }; altSpellings: string[];
  capital?: string[]; demonyms?: { eng?: { m: string; f: string } }; independent?: boolean;
}
interface BodiesFile {
  bodies: { id: string; name: string; aliases: string[] }[];
  countryAliases: Record<string, string[]>;
  persons: Record<string, string[]>;
}

const MAX_WORDS = 7;

/**
 * The actor gazetteer: countries from the `world-countries` package (names, official names, demonyms,
 * capitals as metonyms), curated international bodies, leaders and metonyms from `claims/data/bodies.json`,
 * and optional maintainer aliases.
 */
export class Gazetteer {
  private readonly entries = new Map<string, Entry>();
  /** First word of every alias key -> the most words an alias starting with it has. */
  private readonly firstWords = new Map<string, number>();
  private readonly actors = new Map<string, Actor>();

  constructor(extra: AliasFile = {}) {
    const require = createRequire(import.meta.url);
    // Independent states first: a demonym or name they share with a territory ("American", "French") is theirs.
    const countries = [...(require('world-countries/countries.json') as CountryRecord[])].sort((a, b) => Number(!!b.independent) - Number(!!a.independent));
    const data = JSON.parse(readFileSync(path.join(projectRoot(), 'claims', 'data', 'bodies.json'), 'utf8')) as BodiesFile;
    for (const c of countries) {
      const actor: Actor = { id: c.cca3, name: c.name.common, kind: 'country' };
      this.actors.set(actor.id, actor);
      this.add(c.name.common, actor, 'name');
      this.add(c.name.official, actor, 'name');
      for (const s of c.altSpellings) if (s.length > 3 && /^[\p{L} .,'’-]+$/u.test(s)) this.add(s, actor, 'alias');
      for (const cap of c.capital ?? []) this.add(cap, actor, 'capital');
      const dem = c.demonyms?.eng;
      if (dem) { this.add(dem.m, actor, 'demonym'); this.add(dem.f, actor, 'demonym'); }
    }
    for (const b of data.bodies) {
      const actor: Actor = { id: b.id, name: b.name, kind: 'body' };
      this.actors.set(actor.id, actor);
      for (const a of [b.name, ...b.aliases]) this.add(a, actor, 'name');
    }
    for (const [id, aliases] of Object.entries(data.countryAliases)) this.addAll(id, aliases, 'alias');
    for (const [id, names] of Object.entries(data.persons)) this.addAll(id, names, 'person');
    for (const [id, value] of Object.entries(extra)) this.addExtra(id, value);
  }

  private addExtra(id: string, value: unknown): void {
    const bad = (detail: string) => new UserError('CONFIG_INVALID', { detail: `aliases.json, "${id}": ${detail}` });
    const strings = (x: unknown): x is string[] => Array.isArray(x) && x.every((a) => typeof a === 'string' && a.trim() !== '');
    if (strings(value)) {
      if (!this.actors.has(id)) throw bad('unknown actor id; give {"name": ..., "aliases": [...]} to add a new one');
      this.addAll(id, value, 'alias', true);
      return;
    }
    const v = value as { name?: unknown; aliases?: unknown } | null;
    if (!v || typeof v !== 'object' || typeof v.name !== 'string' || !v.name.trim() || (v.aliases !== undefined && !strings(v.aliases))) {
      throw bad('expected a list of aliases or {"name": "...", "aliases": ["..."]}');
    }
    if (!/^[A-Z0-9_]{2,20}$/.test(id)) throw bad('a new actor id is 2-20 capital letters, digits or _');
    const actor = this.actors.get(id) ?? { id, name: v.name.trim(), kind: 'body' as const };
    this.actors.set(id, actor);
    this.addAll(id, [v.name, ...((v.aliases as string[] | undefined) ?? [])], 'name', true);
  }

  /** The actor with this id, or whose name or alias this is. */
  resolve(nameOrId: string): Actor | undefined {
    return this.actors.get(nameOrId.toUpperCase()) ?? this.lookup(nameOrId.trim(), false)?.actor
      // Names in other scripts or with other letters ("МИД России", "Pakistán"); plain ASCII is English here.
      ?? (/[^\x00-\x7F]/.test(nameOrId) ? foreignNames(this).resolve(nameOrId) : undefined);
  }

  get(id: string): Actor | undefined {
    return this.actors.get(id);
  }

  /**
   * Every actor mention in `text`, longest match first, left to right. With `lenient` (questions
   * typed casually) single-word aliases match in any case; otherwise they must be capitalised.
   */
  find(text: string, lenient = false): ActorMention[] {
    const words = [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}.'’-]*/gu)].map((m) => ({
      start: m.index, end: m.index + trimWord(m[0]).length,
    }));
    const out: ActorMention[] = [];
    for (let i = 0; i < words.length; i++) {
      // Most words start no alias: one map lookup rules them out before any n-gram is built.
      const longest = this.firstWords.get(norm(stripPossessive(text.slice(words[i]!.start, words[i]!.end))));
      if (longest === undefined) continue;
      for (let n = Math.min(longest, words.length - i); n >= 1; n--) {
        const start = words[i]!.start;
        const end = words[i + n - 1]!.end;
        const surface = stripPossessive(text.slice(start, end));
        const hit = this.lookup(surface, lenient);
        if (hit) {
          out.push({ actor: hit.actor, start, end: start + surface.length, surface, via: hit.via });
          i += n - 1;
          break;
        }
      }
    }
    return out;
  }

  private lookup(surface: string, lenient: boolean): Entry | undefined {
    const e = this.entries.get(norm(surface));
    if (!e) return undefined;
    if (e.caseSensitive) return isAllCaps(surface) ? e : undefined;
    if (!lenient && !/^[\p{Lu}\p{N}]/u.test(surface) && !/^the /i.test(surface)) return undefined;
    return e;
  }

  private addAll(id: string, aliases: string[], via: MentionKind, override = false): void {
    const actor = this.actors.get(id);
    if (!actor) throw new Error(`Unknown actor id in gazetteer data: ${id}`);
    for (const a of aliases) this.add(a, actor, via, override);
  }

  /** Registers an alias; the first registration wins unless `override` (a maintainer's alias). */
  private add(alias: string, actor: Actor, via: MentionKind, override = false): void {
    const key = norm(alias);
    if (!key || (!override && this.entries.has(key))) return;
    // Short all-capital aliases (US, UN, WHO, AU) must match in capitals: "us" and "who" are words.
    const caseSensitive = /^[A-Z.]{2,5}$/.test(alias);
    this.entries.set(key, { actor, via, caseSensitive });
    const parts = key.split(' ');
    this.firstWords.set(parts[0]!, Math.min(MAX_WORDS, Math.max(parts.length, this.firstWords.get(parts[0]!) ?? 0)));
  }
}

function isAllCaps(surface: string): boolean {
  const letters = surface.replace(/[^\p{L}]/gu, '');
  return letters === letters.toUpperCase();
}

function trimWord(w: string): string {
  return w.replace(/[.'’-]+$/u, (m) => (/^\p{Lu}(\.\p{Lu})+\.$/u.test(w) ? m : ''));
}

function stripPossessive(s: string): string {
  return s.replace(/['’]s?$/u, '');
}

/** Lower-cased, accents folded, curly quotes straightened, periods of initialisms dropped, leading "the" dropped. */
export function norm(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').replace(/’/g, "'").toLowerCase()
    .replace(/^the\s+/, '').replace(/\.(?=\w|$)/g, '').replace(/\s+/g, ' ').trim();
}
