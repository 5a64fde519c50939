/**
 * `node dist/bench/profile-summary.js <file.cpuprofile> [top] [filter]`: where the time of a
 * `node --cpu-prof` profile goes, by function (self and inclusive, recursion counted once) and by file.
 * `filter` keeps the samples whose stack contains a function whose name includes it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

/** Self and inclusive milliseconds by function, and self milliseconds by file. */
export function summarize(profile: Profile, filter?: string): { totalMs: number; byFunction: { key: string; selfMs: number; totalMs: number }[]; byFile: { file: string; selfMs: number }[] } {
  const parent = new Map<number, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const keyOf = (n: ProfileNode) => {
    const file = n.callFrame.url ? path.basename(n.callFrame.url.replace(/^file:\/\//, '')) : '';
    return `${n.callFrame.functionName || '(anonymous)'} ${file}${file ? `:${n.callFrame.lineNumber + 1}` : ''}`;
  };
  const self = new Map<string, number>();
  const incl = new Map<string, number>();
  const files = new Map<string, number>();
  let totalMs = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const stack: ProfileNode[] = [];
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) stack.push(byId.get(cur)!);
    const keys = new Set(stack.map(keyOf));
    if (filter && ![...keys].some((k) => k.includes(filter))) return;
    totalMs += ms;
    const leaf = stack[0]!;
    self.set(keyOf(leaf), (self.get(keyOf(leaf)) ?? 0) + ms);
    const file = leaf.callFrame.url ? leaf.callFrame.url.replace(/^file:\/\/.*?\/(node_modules|dist)\//, '$1/') : `(${leaf.callFrame.functionName || 'native'})`;
    files.set(file, (files.get(file) ?? 0) + ms);
    for (const k of keys) incl.set(k, (incl.get(k) ?? 0) + ms);
  });
  const byFunction = [...incl.entries()].map(([key, t]) => ({ key, selfMs: self.get(key) ?? 0, totalMs: t }));
  return { totalMs, byFunction, byFile: [...files.entries()].map(([file, selfMs]) => ({ file, selfMs })).sort((a, b) => b.selfMs - a.selfMs) };
}

const isMain = process.argv[1] && path.resolve(process.argv[1]).endsWith(path.join('bench', 'profile-summary.js'));
if (isMain) {
  const [file, topArg, filter] = process.argv.slice(2);
  if (!file) {
    process.stderr.write('usage: node dist/bench/profile-summary.js <file.cpuprofile> [top] [filter]\n');
    process.exit(1);
  }
  const top = Number(topArg ?? 30);
  const s = summarize(JSON.parse(readFileSync(file, 'utf8')) as Profile, filter);
  const pct = (ms: number) => `${((100 * ms) / s.totalMs).toFixed(1).padStart(5)}%`;
  const lines = [`total ${s.totalMs.toFixed(0)} ms${filter ? ` (stacks through "${filter}")` : ''}`, '', 'inclusive (self) by function:'];
  for (const f of [...s.byFunction].sort((a, b) => b.totalMs - a.totalMs).slice(0, top)) {
    lines.push(`  ${pct(f.totalMs)} ${f.totalMs.toFixed(0).padStart(8)} ms  (self ${f.selfMs.toFixed(0).padStart(6)} ms)  ${f.key}`);
  }
  lines.push('', 'self by function:');
  for (const f of [...s.byFunction].sort((a, b) => b.selfMs - a.selfMs).slice(0, top)) lines.push(`  ${pct(f.selfMs)} ${f.selfMs.toFixed(0).padStart(8)} ms  ${f.key}`);
  lines.push('', 'self by file:');
  for (const f of s.byFile.slice(0, top)) lines.push(`  ${pct(f.selfMs)} ${f.selfMs.toFixed(0).padStart(8)} ms  ${f.file}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}
