import type { AddResult } from '../app/app.js';
import { createApp } from '../app/create-app.js';
import type { App } from '../app/app.js';
import type { Importer } from '../app/ingestor.js';
import { checkData } from '../app/check.js';
import { openStorage } from '../app/open-storage.js';
import { indexDirOf } from '../app/config.js';
import { openEmbedder } from '../app/embedder.js';
import { UserError } from '../core/errors.js';
import type { DocumentKind, DocumentMeta } from '../core/documents.js';
import { COMMON_OPTIONS, configFrom, parse, printJson, run } from './common.js';
import { importJsonl } from './import.js';

const USAGE = `usage: npm run corpus -- <command> [options]
  add <file|url> [--title T --publisher P --published YYYY-MM-DD --url U --kind K --id ID] [--json]
  list [--json]
  remove <id>
  import <file.jsonl> [--format auto|un-debate|current-events|state-dept|generic] [--batch N] [--json]
  reindex
  check [--json]
  gaps [--all] [--limit N] [--json]      (questions the bot could not answer; --all includes closed ones)
common: --data-dir DIR`;

const OPTIONS = {
  ...COMMON_OPTIONS,
  title: { type: 'string' }, publisher: { type: 'string' }, published: { type: 'string' },
  url: { type: 'string' }, kind: { type: 'string' }, id: { type: 'string' },
  format: { type: 'string', default: 'auto' }, batch: { type: 'string', default: '200' },
  all: { type: 'boolean', default: false }, limit: { type: 'string' },
} as const;

run(async () => {
  const { values, positionals } = parse(process.argv.slice(2), OPTIONS);
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    process.stdout.write(`${USAGE}\n`);
    return command || values.help ? 0 : 1;
  }
  const config = configFrom(values);
  if (command === 'check') {
    // The store is only read: with SQLite it is opened beside any running bot, with PostgreSQL (DATABASE_URL)
    // the shared corpus is checked against this process's index replica.
    const { storage } = await openStorage(config);
    const report = await checkData(storage, indexDirOf(config), (await openEmbedder(config)).id).finally(() => storage.close());
    if (values.json) printJson(report);
    else {
      process.stdout.write(`${report.documents} documents, ${report.chunks} chunks, index ${report.indexSize ?? 'missing'}\n`);
      for (const p of report.problems) process.stdout.write(`problem: ${p.problem}\n  fix: ${p.fix}\n`);
      process.stdout.write(report.ok ? 'ok: store and index agree\n' : '');
    }
    return report.ok ? 0 : 1;
  }
  const app = await createApp(config);
  try {
    return await dispatch(app, command, rest, values);
  } finally {
    await app.close();
  }
});

async function dispatch(app: App & Importer, command: string, args: string[], values: Record<string, unknown>): Promise<number> {
  const json = values.json === true;
  switch (command) {
    case 'add': {
      const target = one(args, 'add <file|url>');
      const source = /^[a-z][a-z0-9+.-]*:/i.test(target) && !/^[a-z]:[\\/]/i.test(target)
        ? { kind: 'url' as const, url: target } : { kind: 'path' as const, path: target };
      const res = await app.addDocument(source, metaFrom(values));
      if (json) printJson(res);
      else process.stdout.write(res.added ? `added ${res.id} (${res.chunks} passages): ${res.title}\n${claimsLine(res)}`
        : `already in the corpus as ${res.id} (identical content): nothing changed\n`);
      return 0;
    }
    case 'list': {
      const docs = await app.listDocuments();
      if (json) printJson(docs);
      else for (const d of docs) {
        process.stdout.write(`${d.id}\t${d.published ?? '-'}\t${d.publisher ?? '-'}\t${d.chunks} passages\t${d.title}\n`);
      }
      return 0;
    }
    case 'remove': {
      const id = one(args, 'remove <id>');
      await app.removeDocument(id);
      process.stdout.write(`removed ${id}\n`);
      return 0;
    }
    case 'import': {
      const file = one(args, 'import <file.jsonl>');
      const batch = Number(values.batch);
      if (!Number.isInteger(batch) || batch < 1 || batch > 10_000) throw new UserError('USAGE', { detail: '--batch must be 1-10000' });
      const report = await importJsonl(app, file, { format: String(values.format), batch, progress: !json && process.stderr.isTTY });
      if (json) printJson(report);
      else {
        process.stdout.write(`imported ${report.added} documents (${report.chunks} passages), ${report.unchanged} unchanged, ` +
          `${report.errors.length} rejected, in ${(report.ms / 1000).toFixed(1)} s\n`);
        for (const e of report.errors.slice(0, 50)) process.stdout.write(`  line ${e.line}: ${e.error}\n`);
        if (report.errors.length > 50) process.stdout.write(`  … ${report.errors.length - 50} more\n`);
      }
      return 0;
    }
    case 'reindex': {
      const res = await app.reindex((done, total) => {
        if (process.stderr.isTTY) process.stderr.write(`\rindexing ${done}/${total}`);
      });
      if (process.stderr.isTTY) process.stderr.write('\n');
      process.stdout.write(`reindexed ${res.chunks} passages in ${(res.ms / 1000).toFixed(1)} s\n`);
      return 0;
    }
    case 'gaps':
      await printGaps(app, values, json);
      return 0;
    default:
      throw new UserError('USAGE', { detail: `unknown command "${command}"\n${USAGE}` });
  }
}

async function printGaps(app: App, values: Record<string, unknown>, json: boolean): Promise<void> {
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) throw new UserError('USAGE', { detail: '--limit must be a positive whole number' });
  const gaps = await app.listGaps({ closed: values.all === true, ...(limit ? { limit } : {}) });
  if (json) {
    printJson({ gaps: gaps.map((g) => ({ question: g.question, count: g.count, lastAsked: g.lastAsked, examples: g.examples,
      ...(g.closedAt ? { closedAt: g.closedAt, closedBy: g.closedBy } : {}) })) });
    return;
  }
  if (gaps.length === 0) process.stdout.write('no open coverage gaps: every question asked so far got an answer\n');
  for (const g of gaps) {
    const closed = g.closedAt ? `\tclosed ${g.closedAt.slice(0, 10)} by ${g.closedBy?.join(', ')}` : '';
    process.stdout.write(`${String(g.count).padStart(4)}×\t${g.lastAsked.slice(0, 16).replace('T', ' ')}\t${g.question}${closed}\n`);
    for (const e of g.examples.slice(1)) process.stdout.write(`\t\t\talso: ${e}\n`);
  }
}

function one(args: string[], usage: string): string {
  if (args.length !== 1) throw new UserError('USAGE', { detail: `usage: npm run corpus -- ${usage}` });
  return args[0]!;
}

function metaFrom(v: Record<string, unknown>): DocumentMeta {
  const s = (k: string) => (typeof v[k] === 'string' ? (v[k] as string) : undefined);
  return { title: s('title'), publisher: s('publisher'), published: s('published'), url: s('url'), kind: s('kind') as DocumentKind | undefined, id: s('id') };
}

/** With CLAIMS_MODE=llm: which extractor gave the document's claims, and why the model's were not used. */
function claimsLine(res: AddResult): string {
  if (!res.claims) return '';
  return res.claims.by === 'llm' ? `${res.claims.count} claims extracted by the model\n`
    : `${res.claims.count} claims extracted by the rules (the model's were not used: ${res.claims.fallback})\n`;
}
