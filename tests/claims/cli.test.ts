import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let dir: string;
let cleanup: () => void;
beforeAll(() => {
  ({ dir, cleanup } = tempDir('dd-claims-cli-'));
  // A maintainer's alias file is read by createApp.
  writeFileSync(path.join(dir, 'aliases.json'), JSON.stringify({ PAK: ['Foreign Office of Pakistan'], WAGNER: { name: 'Wagner Group' } }));
});
afterAll(() => cleanup());

/** Runs `npm run claims -- ...` from the TypeScript source (no build needed), with no .env and a temp data dir. */
function claims(...args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/vite-node/vite-node.mjs'), path.join(root, 'cli/claims.ts'), ...args, '--data-dir', dir], {
    cwd: dir, encoding: 'utf8', timeout: 60_000, env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent' },
  });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

describe('npm run claims', { timeout: 120_000 }, () => {
  it('GIVEN list --actor --json THEN the ledger rows with id, exact text, speaker, stance, status, document and offsets', () => {
    const r = claims('list', '--actor', 'Islamabad', '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out) as { id: string; text: string; speaker: string; stance: string; status: string; docId: string; start: number; end: number }[];
    // Three statements of Pakistan's; "Pakistan's condemnation reflects Islamabad's consistent call ..." is the outlet's reading.
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows.every((x) => (x as { actor?: string }).actor === 'Pakistan')).toBe(true);
    const urged = rows.find((x) => x.text.startsWith('The ministry urged all parties'))!;
    expect(urged).toMatchObject({ stance: 'appeal', status: 'reported', docId: 'pakistan-condemns-alleged-attack-on-putin-residence' });
    const doc = readFileSync(path.join(root, 'corpus/documents/pakistan-condemns-alleged-attack-on-putin-residence.md'), 'utf8');
    expect(doc.slice(doc.indexOf('\n---\n') + 5).slice(urged.start, urged.end)).toBe(urged.text);
  });

  it('GIVEN list --status disputed THEN one tab-separated line per entry', () => {
    const r = claims('list', '--status', 'disputed');
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines.every((l) => l.split('\t')[1] === 'disputed')).toBe(true);
    expect(lines.some((l) => /\tRussia\taccuse \(1123\)\t/.test(l))).toBe(true);
  });

  it('GIVEN review, history and the ClaimReview export THEN the override, its audit trail and the JSON-LD', () => {
    const id = (JSON.parse(claims('list', '--actor', 'Russia', '--status', 'disputed', '--json').out) as { id: string }[])[0]!.id;
    const rev = claims('review', id, '--status', 'refuted', '--note', 'No damage on imagery', '--evidence', 'https://example.org/img', '--reviewer', 'mod-7');
    expect(rev.code).toBe(0);
    expect(rev.out).toMatch(/is now refuted \(derived: disputed\); reviewed by mod-7/);
    const hist = claims('history', id);
    expect(hist.out).toMatch(/system\tderived\t\(new\) -> disputed/);
    expect(hist.out).toMatch(/mod-7\treview\tdisputed -> refuted\t.*No damage on imagery/);
    const ld = JSON.parse(claims('export', '--format', 'claimreview').out) as Record<string, unknown>[];
    expect(ld).toHaveLength(1);
    expect(ld[0]).toMatchObject({
      '@context': 'https://schema.org', '@type': 'ClaimReview', reviewBody: 'No damage on imagery', isBasedOn: 'https://example.org/img',
      reviewRating: { '@type': 'Rating', ratingValue: 1, alternateName: 'False' }, itemReviewed: { '@type': 'Claim', author: { name: 'Russia' } },
    });
  });

  it('GIVEN bad input THEN a one-line error and exit code 1', () => {
    const bad = claims('review', 'cnothere', '--status', 'verified', '--note', 'x');
    expect(bad.code).toBe(1);
    expect(bad.err).toBe('error: No claim with id "cnothere". See `claims list`.\n');
    expect(claims('review', 'cnothere', '--status', 'true', '--note', 'x').err).toMatch(/one of: verified, refuted, disputed, unverified/);
    expect(claims('list', '--status', 'maybe').err).toMatch(/Unknown claim status "maybe"/);
    expect(claims('frobnicate').code).toBe(1);
  });

  it('GIVEN claims attribute on two files with --json THEN one object per file and line, spans exact, nothing stored', () => {
    const a = path.join(dir, 'a.md');
    const b = path.join(dir, 'b.txt');
    writeFileSync(a, '---\ntitle: Talks\n---\n“We will not sign,” Ms Ortiz said. Foreign Office of Pakistan officials said the talks failed.\n');
    writeFileSync(b, 'Chad Moore said the port would reopen. He added that ships were waiting.\n');
    const r = claims('attribute', a, b, '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l) as { file: string; text: string; relations: Record<string, unknown>[] });
    expect(lines.map((l) => l.file)).toEqual([a, b]);
    for (const l of lines) {
      for (const rel of l.relations) {
        for (const k of ['source', 'cue', 'content'] as const) {
          const sp = rel[k] as { text: string; start: number; end: number } | null;
          if (sp) expect(l.text.slice(sp.start, sp.end)).toBe(sp.text);
        }
      }
    }
    expect(lines[0]!.relations[0]).toMatchObject({ speaker: 'Ortiz', speakerKind: 'person', kind: 'direct', via: 'explicit' });
    // The maintainer's alias (aliases.json in --data-dir) names Pakistan.
    expect(lines[0]!.relations[1]).toMatchObject({ actor: 'Pakistan' });
    expect(lines[1]!.relations.map((x) => [x.speaker, x.actor, x.via])).toEqual([['Chad Moore', null, 'explicit'], ['Chad Moore', null, 'coreference']]);
    const table = claims('attribute', b);
    expect(table.out).toMatch(/Chad Moore\s+said/);
  });

  it('GIVEN claims attribute on a missing or empty file THEN one line on stderr, exit 1 and nothing on stdout', () => {
    const empty = path.join(dir, 'empty.txt');
    writeFileSync(empty, '   \n');
    for (const f of [path.join(dir, 'nope.txt'), empty]) {
      const r = claims('attribute', path.join(dir, 'b.txt'), f, '--json');
      expect(r.code).toBe(1);
      expect(r.out).toBe('');
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
  });

  it('GIVEN timeline --about --json --svg THEN entries in date order with exact quotes and statuses, and the picture written', () => {
    const svg = path.join(dir, 'story.svg');
    const r = claims('timeline', '--about', 'drone attack residence', '--json', '--svg', svg);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const { entries } = JSON.parse(r.out);
    expect(entries.length).toBeGreaterThan(3);
    expect(Object.keys(entries[0]).sort()).toEqual(expect.arrayContaining(['actor', 'date', 'docId', 'end', 'publisher', 'quote', 'speaker', 'stance', 'start', 'status', 'title']));
    const dates = entries.map((e: { date: string }) => e.date);
    expect([...dates].sort()).toEqual(dates);
    const text = readFileSync(path.join(root, 'corpus/documents/pakistan-condemns-alleged-attack-on-putin-residence.md'), 'utf8');
    for (const e of entries) expect(text).toContain(e.quote);
    expect(entries.map((e: { status: string }) => e.status)).toContain('disputed');
    // A person is shown as named, beside the state they speak for.
    expect(entries).toEqual(expect.arrayContaining([expect.objectContaining({ speaker: 'Sergey Lavrov', actor: 'Russia' })]));
    expect(readFileSync(svg, 'utf8')).toMatch(/^<svg/);
    expect(claims('timeline', '--about', 'x', '--actor', 'y').err).toMatch(/exactly one of --about/);
  });
});
