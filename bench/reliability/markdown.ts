import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { provenance } from '../markdown.js';
import type { BenchResult, RunInfo } from '../types.js';
import type { ReliabilityResult } from './stages.js';

/** The committed results of `npm run bench -- reliability --out`. */
export const RELIABILITY_RESULTS = 'bench/results/reliability.json';
/** The committed results of `npm run bench -- reliability --postgres --out`. */
export const RELIABILITY_POSTGRES_RESULTS = 'bench/results/reliability-postgres.json';

type StoredPostgres = { run: RunInfo; machine: BenchResult['machine']; kills: ReliabilityResult['kills']; load: ReliabilityResult['load']; failures: number; ms: number };

type Stored = ReliabilityResult & { run: RunInfo; machine: BenchResult['machine']; failures: number; ms: number };
const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(1)} s` : `${Math.round(x)} ms`);

/** The README's Reliability table, generated from the committed results file. */
export function reliabilityMarkdown(root: string): string {
  const file = path.join(root, RELIABILITY_RESULTS);
  if (!existsSync(file)) return `No results file yet: run \`npm run bench -- reliability --out ${RELIABILITY_RESULTS}\`.`;
  const r = JSON.parse(readFileSync(file, 'utf8')) as Stored;
  const bad = (xs: { ok: boolean }[]) => xs.filter((x) => !x.ok).length;
  const k = r.kills;
  const l = r.load;
  const w = r.watches;
  const rows = [
    '| part | tried | failures | figures |', '|---|---|---|---|',
    `| bad documents through \`addDocument\` / \`corpus add\` | ${r.inputs.app.length} / ${r.inputs.cli.length} | ${bad(r.inputs.app)} / ${bad(r.inputs.cli)} | one-line error each, store unchanged (fingerprint compared) |`,
    `| bad URLs (loopback, private, link-local, metadata, redirects, DNS names, \`file:\`/\`data:\`, huge, endless, slow) | ${r.inputs.urls.length} / ${r.inputs.cliUrls.length} | ${bad(r.inputs.urls)} / ${bad(r.inputs.cliUrls)} | refused before connecting, or cut at the size cap / time-out |`,
    `| import killed with SIGKILL at random moments | ${k.tried} | ${k.tried - k.survived} | ${k.survived}/${k.tried} survived: store sound, no half-added document, index caught up on open |`,
    `| questions during a large import (in-process) | ${l.served + l.refused + l.errors} | ${l.errors} | p50 ${ms(l.p50Ms)}, p99 ${ms(l.p99Ms)} while importing ${l.imported} documents; event loop blocked up to ${ms(l.loopBlockMaxMs)} |`,
    `| heavy documents within the size cap (event loop must not block 3 s) | ${r.heavy.length} | ${bad(r.heavy)} | longest block ${ms(Math.max(0, ...r.heavy.map((h) => h.loopBlockMs)))} |`,
    `| watch notices: ${w.watches} watches, ${w.changes} status changes, refused sends, ${w.restarts} restarts | ${w.expected} owed | ${w.lost} lost, ${w.extra} extra | ${w.sent}/${w.expected} delivered once; ${w.failedSends} refused sends retried; ${w.repeats} repeats after a kill absorbed by the nonce |`,
  ];
  return [provenance(RELIABILITY_RESULTS, r.run, r.machine), '', ...rows, '', `Total failures: ${r.failures}; ${ms(r.ms)} in all.`,
    ...postgresRows(root)].join('\n');
}

/** The stages that depend on the store, run again on PostgreSQL (when that results file is committed). */
function postgresRows(root: string): string[] {
  const file = path.join(root, RELIABILITY_POSTGRES_RESULTS);
  if (!existsSync(file)) return [];
  const r = JSON.parse(readFileSync(file, 'utf8')) as StoredPostgres;
  const { kills: k, load: l } = r;
  return ['', 'The same two store stages on PostgreSQL (a throw-away cluster of this machine):', '',
    provenance(RELIABILITY_POSTGRES_RESULTS, r.run, r.machine), '', '| part | tried | failures | figures |', '|---|---|---|---|',
    `| import killed with SIGKILL at random moments | ${k.tried} | ${k.tried - k.survived} | ${k.survived}/${k.tried} survived: store sound, no half-added document, index caught up on open |`,
    `| questions during a large import (in-process) | ${l.served + l.refused + l.errors} | ${l.errors} | p50 ${ms(l.p50Ms)}, p99 ${ms(l.p99Ms)} while importing ${l.imported} documents; event loop blocked up to ${ms(l.loopBlockMaxMs)} |`,
    '', `Total failures: ${r.failures}; ${ms(r.ms)} in all.`];
}
