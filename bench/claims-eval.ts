import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../core/paths.js';
import { Gazetteer } from '../claims/actors.js';
import { isUncertain } from '../claims/hedges.js';
import { ATTRIBUTION_FILES, scoreAttribution } from './attribution-eval.js';
import { claimsMarkdown } from './claims-markdown.js';
import { writeReadmeBlock, writeResult } from './results-files.js';
import { machineInfo, runFinished, runStarted } from './run-info.js';
import { ClaimLedger, type LedgerEntry } from '../claims/ledger-store.js';
import { extractStored, ledgerDoc } from '../claims/pipeline.js';
import { loadPath } from '../corpus/loaders/index.js';
import { recordToDocument } from '../corpus/loaders/jsonl-formats.js';
import { prepareDocument } from '../corpus/prepare.js';
import { openSqliteStorage } from '../storage/sqlite/sqlite-storage.js';
import type { DocumentInput, StoredDocument } from '../core/documents.js';
import type { AttributionScore } from './attribution-score.js';

/** One labelled sentence of claims/eval/labelled.jsonl. */
interface Label {
  id: string; source: 'bundled' | keyof typeof DEV_FILES; doc: string; sentence: string;
  speaker: string | null; speakerAlt?: string[]; stance: string; status: string; certainty: string;
}
interface ClassScore { label: string; precision: number | null; recall: number | null; support: number }
interface FieldScore { precision: number | null; recall: number | null; accuracy: number; perClass?: ClassScore[] }

// The labelled set (labelled.jsonl) draws on the dev split; the held-out set (heldout.jsonl) on the test split.
const DEV_FILES = {
  'wce-2025H1': 'wikipedia_current_events/current_events_2025H1.jsonl',
  'ungd-78': 'un_general_debate/ungdc_session78_2023.jsonl',
  'state-dept-1': 'state_dept_press/state_dept_press_part1_2021-05-20_to_2022-02-04.jsonl',
  'wce-2025H2': 'wikipedia_current_events/current_events_2025H2.jsonl',
  'ungd-79': 'un_general_debate/ungdc_session79_2024.jsonl',
  'state-dept-2': 'state_dept_press/state_dept_press_part2_2022-02-04_to_2022-05-09.jsonl',
} as const;
const SETS = { labelled: 'claims/eval/labelled.jsonl', heldout: 'claims/eval/heldout.jsonl' } as const;

/**
 * Scores claim extraction against the hand-labelled sentences: the bundled documents and the dev records
 * they come from are extracted into a scratch ledger, and each labelled sentence's first ledger entry is
 * compared field by field (speaker, stance, status, certainty). Then hedge detection on the Wikipedia
 * weasel-word sentences (train: tuned on; test: held out).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: {
    'eval-dir': { type: 'string', default: '../shared/eval' }, json: { type: 'boolean', default: false }, out: { type: 'string' },
    markdown: { type: 'boolean', default: false }, readme: { type: 'boolean', default: false },
  } });
  const root = projectRoot();
  if (values.markdown || values.readme) {
    if (values.readme) writeReadmeBlock('claims', root);
    else process.stdout.write(`${claimsMarkdown(path.join(root, CLAIMS_RESULTS))}\n`);
    return;
  }
  const run = runStarted('npm run claims-eval');
  const evalDir = path.resolve(values['eval-dir']!);
  const sets: Record<string, SetReport> = {};
  for (const [name, file] of Object.entries(SETS)) {
    const labels = readFileSync(path.join(root, file), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Label);
    sets[name] = scoreSet(labels, await extractAll(labels, evalDir, root));
  }
  const attribution = Object.fromEntries(ATTRIBUTION_FILES.map((f) => { const s = scoreAttribution(evalDir, f); return [f, { all: s.all, byGenre: s.byGenre }]; }));
  const weasels = { train: weasel(path.join(evalDir, 'wiki_weasel_hedge/wiki_weasel_train.csv')), test: weasel(path.join(evalDir, 'wiki_weasel_hedge/wiki_weasel_test.csv')) };
  const report = { run: runFinished(run), machine: machineInfo(), ...sets, attribution, weasel: weasels };
  if (values.out) writeResult(values.out, report);
  if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else process.stdout.write(`${Object.entries(sets).map(([k, r]) => render(k, r)).join('\n')}\n${renderAttribution(attribution)}${renderWeasel(weasels)}`);
}

/** The committed results file of `npm run claims-eval -- --out`. */
export const CLAIMS_RESULTS = 'bench/results/claims-eval.json';

type SetReport = ReturnType<typeof scoreSet>;

function scoreSet(labels: Label[], entries: Map<string, LedgerEntry | null>) {
  const pairs = labels.map((l) => ({ l, p: entries.get(l.id) }));
  const unmatched = pairs.filter((x) => x.p === null).map((x) => x.l.id);
  return {
    sentences: labels.length, unmatched,
    speaker: speakerScore(pairs),
    /** Speaker, stance and status all right, the sentence's first claim. */
    joint: pairs.filter(({ l, p }) => p && speakerOk(l, p.speakerId ?? null) && p.stance === l.stance && p.status === l.status).length / labels.length,
    stance: classScore(pairs.map(({ l, p }) => [l.stance, p?.stance ?? 'none'])),
    status: classScore(pairs.map(({ l, p }) => [l.status, p?.status ?? 'none'])),
    certainty: classScore(pairs.map(({ l, p }) => [l.certainty, p?.certainty ?? 'none'])),
    errors: pairs.filter(({ l, p }) => !p || !speakerOk(l, p.speakerId ?? null) || p.stance !== l.stance || p.status !== l.status)
      .map(({ l, p }) => ({ id: l.id, gold: [l.speaker, l.stance, l.status, l.certainty], got: p ? [p.speakerId ?? null, p.stance, p.status, p.certainty] : null })),
  };
}

/** Extracts every document the labels come from into one scratch ledger; maps label id -> first entry of its sentence. */
async function extractAll(labels: Label[], evalDir: string, root: string): Promise<Map<string, LedgerEntry | null>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'claims-eval-'));
  const storage = openSqliteStorage(dir);
  try {
    const gazetteer = new Gazetteer();
    const ledger = new ClaimLedger(storage.claims);
    const inputs = new Map<string, DocumentInput>();
    const docsDir = path.join(root, 'corpus/documents');
    for (const l of labels.filter((x) => x.source === 'bundled')) {
      if (!inputs.has(l.doc)) inputs.set(l.doc, await loadPath(path.join(docsDir, `${l.doc}.md`), { maxBytes: 1e7, fetchTimeoutMs: 1000 }));
    }
    for (const [source, file] of Object.entries(DEV_FILES)) {
      const wanted = new Set(labels.filter((x) => x.source === source).map((x) => x.doc));
      if (wanted.size === 0) continue;
      for (const line of readFileSync(path.join(evalDir, file), 'utf8').split('\n')) {
        if (!line.trim()) continue;
        const rec = JSON.parse(line) as { id: string };
        if (wanted.has(rec.id) && !inputs.has(rec.id)) inputs.set(rec.id, recordToDocument(rec, 'auto', file));
      }
    }
    const texts = new Map<string, string>();
    for (const input of inputs.values()) {
      const { doc } = prepareDocument(input);
      await storage.withTransaction(async (tx) => {
        await tx.documents.insertDocuments([{ doc, chunks: [] }]);
        await ledger.addDocument(tx.claims, ledgerDoc(doc, gazetteer), extractStored({ ...doc, addedAt: '' } as StoredDocument, gazetteer));
      });
      texts.set(doc.id, doc.text);
    }
    const out = new Map<string, LedgerEntry | null>();
    for (const l of labels) {
      const text = texts.get(l.doc) ?? '';
      const at = text.indexOf(l.sentence.slice(0, 60));
      if (at < 0) { out.set(l.id, null); continue; }
      const first = (await ledger.list({ docId: l.doc })).find((e) => e.start >= at && e.start < at + l.sentence.length);
      out.set(l.id, first ?? null);
    }
    return out;
  } finally {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function speakerOk(l: Label, got: string | null): boolean {
  return got === l.speaker || (got !== null && (l.speakerAlt ?? []).includes(got));
}

/** Precision over the sentences given a speaker, recall over the sentences whose gold has one. */
function speakerScore(pairs: { l: Label; p: LedgerEntry | null | undefined }[]): FieldScore {
  const got = pairs.map(({ l, p }) => ({ l, s: p?.speakerId ?? null }));
  const predicted = got.filter((x) => x.s !== null);
  const gold = got.filter((x) => x.l.speaker !== null);
  return {
    precision: ratio(predicted.filter((x) => speakerOk(x.l, x.s)).length, predicted.length),
    recall: ratio(gold.filter((x) => speakerOk(x.l, x.s)).length, gold.length),
    accuracy: got.filter((x) => speakerOk(x.l, x.s)).length / got.length,
  };
}

/** Per-class precision and recall, their macro averages, and accuracy. */
function classScore(pairs: [string, string][]): FieldScore {
  const classes = [...new Set(pairs.map(([g]) => g))].sort();
  const perClass = classes.map((c) => ({
    label: c,
    precision: ratio(pairs.filter(([g, p]) => p === c && g === c).length, pairs.filter(([, p]) => p === c).length),
    recall: ratio(pairs.filter(([g, p]) => g === c && p === c).length, pairs.filter(([g]) => g === c).length),
    support: pairs.filter(([g]) => g === c).length,
  }));
  const mean = (xs: (number | null)[]) => { const v = xs.filter((x): x is number => x !== null); return v.length ? v.reduce((a, b) => a + b, 0) / v.length : null; };
  return {
    precision: mean(perClass.map((c) => c.precision)), recall: mean(perClass.map((c) => c.recall)),
    accuracy: pairs.filter(([g, p]) => g === p).length / pairs.length, perClass,
  };
}

/** Hedge detection on a weasel-word CSV (text,label): precision, recall and F1 of `isUncertain`. */
function weasel(file: string): { n: number; precision: number; recall: number; f1: number } {
  const rows = parseCsv(readFileSync(file, 'utf8')).slice(1).filter((r) => r.length >= 2);
  let tp = 0; let fp = 0; let fn = 0;
  for (const [text, label] of rows) {
    const pred = isUncertain(text!);
    const gold = label!.trim() === '1';
    if (pred && gold) tp++; else if (pred) fp++; else if (gold) fn++;
  }
  const precision = tp / (tp + fp); const recall = tp / (tp + fn);
  return { n: rows.length, precision, recall, f1: (2 * precision * recall) / (precision + recall) };
}

/** A small RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(s: string): string[][] {
  const rows: string[][] = []; let row: string[] = []; let field = ''; let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') { field += '"'; i++; } else if (ch === '"') quoted = false; else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; } else if (ch === '\n') { row.push(field); rows.push(row); row = []; field = ''; } else if (ch !== '\r') field += ch;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

function ratio(a: number, b: number): number | null {
  return b === 0 ? null : a / b;
}

function render(name: string, r: SetReport): string {
  const f = (x: number | null) => (x === null ? '  -  ' : x.toFixed(3));
  const out = [`${name}: ${r.sentences} sentences${r.unmatched.length ? ` (${r.unmatched.length} not found: ${r.unmatched.join(', ')})` : ''}`,
    `speaker, stance and status all right: ${r.joint.toFixed(3)}`, 'field       precision  recall  accuracy'];
  for (const k of ['speaker', 'stance', 'status', 'certainty'] as const) {
    const s = r[k];
    out.push(`${k.padEnd(11)} ${f(s.precision).padStart(9)}  ${f(s.recall).padStart(6)}  ${s.accuracy.toFixed(3).padStart(8)}`);
    for (const c of s.perClass ?? []) out.push(`  ${c.label.padEnd(13)} P ${f(c.precision)}  R ${f(c.recall)}  n=${c.support}`);
  }
  out.push(`disagreements on speaker, stance or status: ${r.errors.length} (see --json)`);
  return `${out.join('\n')}\n`;
}

function renderAttribution(a: Record<string, { all: AttributionScore; byGenre: Record<string, AttributionScore> }>): string {
  const f = (x: number) => x.toFixed(3);
  const rows = Object.entries(a).flatMap(([file, r]) => Object.entries({ ...r.byGenre, all: r.all }).map(([genre, s]) =>
    `${file.replace('attribution/', '').padEnd(24)} ${genre.padEnd(10)} content P ${f(s.content.precision)} R ${f(s.content.recall)} F1 ${f(s.content.f1)}  `
    + `speaker ${f(s.speaker.accuracy)} (pronouns ${f(s.speaker.pronounAccuracy)}, n=${s.speaker.pronounN})  end-to-end F1 ${f(s.endToEnd.f1)}  n=${s.gold}`));
  return `attribution relations (GUM, dev):\n${rows.join('\n')}\n\n`;
}

function renderWeasel(w: Record<'train' | 'test', { n: number; precision: number; recall: number; f1: number }>): string {
  return (['train', 'test'] as const).map((k) => `weasel ${k.padEnd(5)} (n=${w[k].n}): precision ${w[k].precision.toFixed(3)}  recall ${w[k].recall.toFixed(3)}  F1 ${w[k].f1.toFixed(3)}\n`).join('');
}

main().catch((err: unknown) => {
  process.stderr.write(`claims-eval failed: ${(err as Error).message}\n`);
  process.exitCode = 1;
});
