import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../core/paths.js';
import type { EvalReport } from './evaluate.js';
import { claimsMarkdown } from './claims-markdown.js';
import { classesMarkdown } from './classes-markdown.js';
import { languagesMarkdown } from './languages-markdown.js';
import { reliabilityMarkdown } from './reliability/markdown.js';
import { adaptersMarkdown } from './adapters-markdown.js';
import { evalMarkdown, speedMarkdown, type Results } from './markdown.js';
import type { BenchResult } from './types.js';

/** Where committed results live, relative to the project. */
export const RESULTS_DIR = 'bench/results';

/** The README blocks generated from results files: `<!-- NAME -->` ... `<!-- /NAME -->`. */
export const BLOCKS = { speed: 'bench:speed', eval: 'eval:dev', classes: 'eval:classes', languages: 'eval:languages', claims: 'claims:eval', reliability: 'bench:reliability', adapters: 'bench:adapters' } as const;

/** Every `PREFIX-*.json` in the results folder (of `root`), by name. */
export function readResults<T>(prefix: 'bench' | 'eval', root = projectRoot()): Results<T>[] {
  const dir = path.join(root, RESULTS_DIR);
  let names: string[];
  try { names = readdirSync(dir); } catch { names = []; }
  return names.filter((n) => n.startsWith(`${prefix}-`) && n.endsWith('.json')).sort()
    .map((n) => ({ file: `${RESULTS_DIR}/${n}`, result: JSON.parse(readFileSync(path.join(dir, n), 'utf8')) as T }));
}

const MODE_ORDER = ['hybrid', 'lexical', 'dense'];

/** The generated content of a README block from the committed results files. */
export function renderBlock(block: keyof typeof BLOCKS, root = projectRoot()): string {
  if (block === 'claims') return claimsMarkdown(path.join(root, RESULTS_DIR, 'claims-eval.json'));
  if (block === 'classes') return classesMarkdown(root);
  if (block === 'languages') return languagesMarkdown(root);
  if (block === 'reliability') return reliabilityMarkdown(root);
  if (block === 'adapters') return adaptersMarkdown(root);
  if (block === 'speed') {
    const files = readResults<BenchResult>('bench', root).sort((a, b) => (a.result.sizes[0]?.chunks ?? 0) - (b.result.sizes[0]?.chunks ?? 0));
    return speedMarkdown(files);
  }
  const files = readResults<EvalReport>('eval', root)
    .sort((a, b) => MODE_ORDER.indexOf(a.result.settings.retrievalMode) - MODE_ORDER.indexOf(b.result.settings.retrievalMode));
  return evalMarkdown(files);
}

const open = (name: string) => `<!-- ${name} -->`;
const close = (name: string) => `<!-- /${name} -->`;

/** The text between a block's markers in `text`, trimmed; null when the markers are missing. */
export function readBlock(text: string, name: string): string | null {
  const a = text.indexOf(open(name));
  const b = text.indexOf(close(name));
  if (a < 0 || b < a) return null;
  return text.slice(a + open(name).length, b).trim();
}

/** `text` with the content between a block's markers replaced; throws when the markers are missing. */
export function replaceBlock(text: string, name: string, content: string): string {
  const a = text.indexOf(open(name));
  const b = text.indexOf(close(name));
  if (a < 0 || b < a) throw new Error(`README.md has no ${open(name)} ... ${close(name)} block`);
  return `${text.slice(0, a + open(name).length)}\n${content}\n${text.slice(b)}`;
}

/** Regenerates one block of the project's README.md in place. */
export function writeReadmeBlock(block: keyof typeof BLOCKS, root = projectRoot()): void {
  const file = path.join(root, 'README.md');
  writeFileSync(file, replaceBlock(readFileSync(file, 'utf8'), BLOCKS[block], renderBlock(block, root)));
}

/** Writes a result as pretty JSON (the committed results files). */
export function writeResult(file: string, result: unknown): void {
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
}

/** The text of the `## TITLE` section of a Markdown document (to the next `## ` heading). */
export function section(text: string, title: string): string {
  const start = text.indexOf(`\n## ${title}\n`);
  if (start < 0) return '';
  const end = text.indexOf('\n## ', start + 1);
  return text.slice(start, end < 0 ? undefined : end);
}

/**
 * What keeps the README's Speed and Evaluation figures from being reproducible: a table outside a
 * generated block, a missing block, or a block that differs from what the committed results generate.
 */
export function readmeFigureProblems(readme: string, render: (block: keyof typeof BLOCKS) => string): string[] {
  const problems: string[] = [];
  // Sections with generated blocks; a section with two blocks is checked once per block, its tables outside both reported.
  for (const [title, block] of [['Speed', 'speed'], ['Evaluation', 'eval'], ['Evaluation', 'classes'], ['Languages', 'languages'], ['Who said what', 'claims'], ['Reliability', 'reliability'], ['Beyond one machine', 'adapters']] as const) {
    const text = section(readme, title);
    const name = BLOCKS[block];
    const inside = readBlock(text, name);
    if (inside === null) { problems.push(`${title}: no <!-- ${name} --> block`); continue; }
    const command = { speed: 'npm run bench', eval: 'npm run eval', classes: 'npm run eval', languages: 'npm run eval', claims: 'npm run claims-eval', reliability: 'npm run bench -- reliability', adapters: 'npm run bench -- adapters' }[block];
    if (inside !== render(block).trim()) problems.push(`${title}: the <!-- ${name} --> block is not what \`${command} -- --markdown\` generates from ${RESULTS_DIR}`);
    let outside = text;
    for (const other of Object.values(BLOCKS)) {
      const a = outside.indexOf(`<!-- ${other} -->`);
      const b = outside.indexOf(`<!-- /${other} -->`);
      if (a >= 0 && b > a) outside = outside.slice(0, a) + outside.slice(b);
    }
    for (const line of outside.split('\n')) if (line.trimStart().startsWith('|')) problems.push(`${title}: a table row outside the generated block: ${line.slice(0, 80)}`);
  }
  return problems;
}
