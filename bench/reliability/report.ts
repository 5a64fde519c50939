import type { InputOutcome } from './inputs.js';
import type { ReliabilityResult } from './stages.js';

/** Failures in total, over every part. */
export function failureCount(r: ReliabilityResult): number {
  const inputs = Object.values(r.inputs).flat().filter((x) => !x.ok).length;
  return inputs + r.kills.failures.length + r.load.errors + r.heavy.filter((h) => !h.ok).length + r.watches.lost + r.watches.extra;
}

const ms = (x: number) => (Number.isFinite(x) ? `${Math.round(x)} ms` : '-');

function inputRow(label: string, xs: InputOutcome[]): string[] {
  return [label, String(xs.length), String(xs.filter((x) => !x.ok).length), `slowest ${ms(Math.max(0, ...xs.map((x) => x.ms)))}`];
}

/** The watches part in one line. */
export function formatWatches(w: ReliabilityResult['watches']): string {
  return `watch notices: ${w.watches} watches, ${w.changes} status changes: sent ${w.sent}/${w.expected}, lost ${w.lost}, extra ${w.extra}; ` +
    `${w.failedSends} sends refused and retried, ${w.restarts} restarts, ${w.repeats} repeats after a kill absorbed by the nonce; ${ms(w.ms)}`;
}

/** The table `npm run reliability` prints, then one line per failure. */
export function formatReport(r: ReliabilityResult, totalMs: number): string {
  const k = r.kills;
  const l = r.load;
  const rows: string[][] = [
    ['part', 'tried', 'failures', 'figures'],
    inputRow('bad documents (app.addDocument)', r.inputs.app),
    inputRow('bad documents (corpus add)', r.inputs.cli),
    inputRow('bad URLs (app.addDocument)', r.inputs.urls),
    inputRow('bad URLs (corpus add)', r.inputs.cliUrls),
    ['import killed with SIGKILL', String(k.tried), String(k.tried - k.survived),
      `survived ${k.survived}/${k.tried}; a whole import took ${ms(k.calibrationMs)}; finished before the kill ${k.finishedFirst} (${k.finishedOk} ok); index behind the store ${k.indexLagged}x, caught up on open; ${k.leftoverTempFiles} temp files left`],
    ['questions during an import', String(l.served + l.refused + l.errors), String(l.errors),
      `served ${l.served} (${l.duringImport} while importing), refused ${l.refused}, p50 ${ms(l.p50Ms)}, p99 ${ms(l.p99Ms)}, max ${ms(l.maxMs)}, event loop blocked up to ${ms(l.loopBlockMaxMs)}, imported ${l.imported} docs in ${ms(l.importMs)}`],
    ['watch notices (1,000 watches, 50 status changes)', String(r.watches.expected), String(r.watches.lost + r.watches.extra),
      `sent ${r.watches.sent}/${r.watches.expected}, lost ${r.watches.lost}, extra ${r.watches.extra}; ${r.watches.failedSends} sends refused and retried, ${r.watches.restarts} restarts, ${r.watches.repeats} repeats after a kill absorbed by the nonce; ${ms(r.watches.ms)}`],
    ['heavy documents within the size cap', String(r.heavy.length), String(r.heavy.filter((h) => !h.ok).length),
      r.heavy.length ? 'see below (budget: event loop blocked < 3 s)' : 'skipped'],
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  const line = (row: string[]) => row.map((cell, c) => (c === row.length - 1 ? cell : cell.padEnd(widths[c]!))).join('  ');
  const out = [line(rows[0]!), widths.map((w) => '-'.repeat(Math.min(w, 60))).join('  '), ...rows.slice(1).map(line)];
  if (r.heavy.length) {
    out.push('', 'heavy documents (child process, 1.5 GB heap):');
    for (const h of r.heavy) {
      out.push(`  ${h.ok ? 'ok  ' : 'FAIL'} ${h.name}: ${h.outcome}, ${ms(h.ms)}, event loop blocked ${ms(h.loopBlockMs)}, peak RSS ${Number.isFinite(h.rssMb) ? `${Math.round(h.rssMb)} MB` : '-'}`);
    }
  }
  const failed = Object.values(r.inputs).flat().filter((x) => !x.ok);
  if (failed.length || k.failures.length || l.errorSamples.length) out.push('', 'failures:');
  for (const f of failed) out.push(`  ${f.via} "${f.name}": ${f.problems.join('; ')}`);
  for (const f of k.failures) out.push(`  kill run ${f.run}: ${f.problems.join('; ')}`);
  for (const e of l.errorSamples) out.push(`  load: ${e}`);
  out.push('', `total failures: ${failureCount(r)}; ${(totalMs / 1000).toFixed(0)} s`);
  return out.join('\n');
}
