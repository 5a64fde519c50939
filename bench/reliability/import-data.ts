import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../core/paths.js';

/** The shared evaluation data beside the project, when it is there. */
export function defaultEvalDir(): string {
  return path.resolve(projectRoot(), '..', 'shared', 'eval');
}

/** A small seeded random generator (mulberry32), so that runs can be repeated. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SOURCES = ['state_dept_press', 'wikipedia_current_events', 'un_general_debate'];
const ACTORS = ['Pakistan', 'Norway', 'Kenya', 'Chile', 'Japan', 'the European Union', 'Brazil', 'Indonesia'];
const VERBS = ['condemned', 'welcomed', 'denied', 'called for', 'rejected', 'supported'];
const OBJECTS = ['the attack', 'the ceasefire', 'the new sanctions', 'the grain agreement', 'the talks in Geneva', 'the aid convoy'];

/**
 * Up to `n` JSONL lines of real records (State Department, Wikipedia Current events, UN speeches,
 * interleaved) from `evalDir`; when the folder is missing, synthetic statements instead.
 */
export function importPool(n: number, evalDir = defaultEvalDir(), seed = 1): string[] {
  const lists = SOURCES.map((name) => readLines(path.join(evalDir, name)));
  if (lists.every((l) => l.length === 0)) return syntheticLines(n, seed);
  const out: string[] = [];
  // 6 short news items, 3 press releases, 1 long speech, in turn.
  const pattern = [1, 0, 1, 1, 0, 1, 2, 1, 0, 1];
  const pos = [0, 0, 0];
  for (let i = 0; out.length < n && pos.some((p, k) => p < lists[k]!.length); i++) {
    const k = pattern[i % pattern.length]!;
    const line = lists[k]![pos[k]!++];
    if (line) out.push(line);
  }
  return out;
}

function readLines(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()
    .flatMap((f) => readFileSync(path.join(dir, f), 'utf8').split('\n').filter((l) => l.trim() !== ''));
}

/** Synthetic statements by actors, with ids, titles and dates. */
export function syntheticLines(n: number, seed = 1): string[] {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  return Array.from({ length: n }, (_, i) => {
    const sentences = Array.from({ length: 3 + Math.floor(rnd() * 40) }, () =>
      `${pick(ACTORS)} ${pick(VERBS)} ${pick(OBJECTS)} on day ${1 + Math.floor(rnd() * 28)}, officials said.`);
    const text = sentences.map((s, j) => (j % 5 === 4 ? `${s}\n\n` : `${s} `)).join('').trim();
    return JSON.stringify({ id: `synthetic-${seed}-${i}`, title: `Statement ${i}`, published: '2025-12-01', text });
  });
}

/** Bad lines mixed into every import file: each must be reported by its number and nothing else lost. */
export const BROKEN_LINES = [
  '{ "id": "broken", "text": "unterminated',
  JSON.stringify({ id: 'no-text', title: 'No text' }),
  JSON.stringify({ id: 'absurd-date', text: 'Peru condemned the coup attempt.', published: '3024-13-45' }),
  '[1, 2, 3]',
];

/**
 * Writes `lines` to `file` with the bad lines spread among them, plus a repeated id (the first good
 * line's id with other text). Returns the 1-based numbers of the lines that must be rejected.
 */
export function writeImportFile(file: string, lines: readonly string[]): number[] {
  const out = [...lines];
  const bad: number[] = [];
  BROKEN_LINES.forEach((b, i) => {
    const at = Math.min(out.length, Math.floor(((i + 1) * out.length) / (BROKEN_LINES.length + 1)));
    out.splice(at, 0, b);
  });
  const firstId = (() => { try { return (JSON.parse(lines[0] ?? '{}') as { id?: unknown }).id; } catch { return undefined; } })();
  if (typeof firstId === 'string') out.push(JSON.stringify({ id: firstId, text: 'A different text under an id already used.' }));
  out.forEach((l, i) => { if (BROKEN_LINES.includes(l) || (i === out.length - 1 && typeof firstId === 'string')) bad.push(i + 1); });
  writeFileSync(file, `${out.join('\n')}\n`);
  return bad;
}
