import { writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import type { ClaimStatus } from '../core/answer.js';
import { createApp } from '../app/create-app.js';
import type { App } from '../app/app.js';
import { UserError } from '../core/errors.js';
import type { LedgerEntry } from '../claims/ledger-store.js';
import { claimReviewJsonLd, REVIEW_STATUSES } from '../claims/reviews.js';
import { attributeFiles } from '../app/attribute.js';
import type { Relation } from '../claims/relations.js';
import { COMMON_OPTIONS, configFrom, parse, printJson, run } from './common.js';
import { timelineCommand } from './timeline.js';

const USAGE = `usage: npm run claims -- <command> [options]
  list [--actor NAME] [--status S] [--limit N] [--json] [--format text|json|claimreview]
  review <id> --status verified|refuted|disputed|unverified --note "why" [--evidence URL] [--reviewer NAME]
  history <id> [--json]
  export --format claimreview [--out FILE]     (schema.org ClaimReview JSON-LD of the reviewed claims)
  timeline --about WORDS | --claim ID | --actor NAME [--json] [--png FILE] [--svg FILE]
  attribute FILE... [--json]                   (who said what in files, as corpus add would read them; nothing is stored)
common: --data-dir DIR`;

const OPTIONS = {
  ...COMMON_OPTIONS,
  actor: { type: 'string' }, status: { type: 'string' }, limit: { type: 'string' }, format: { type: 'string' },
  note: { type: 'string' }, evidence: { type: 'string' }, reviewer: { type: 'string' }, out: { type: 'string' },
  about: { type: 'string' }, claim: { type: 'string' }, png: { type: 'string' }, svg: { type: 'string' },
} as const;

type Values = ReturnType<typeof parse<typeof OPTIONS>>['values'];

run(async () => {
  const { values, positionals } = parse(process.argv.slice(2), OPTIONS);
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    process.stdout.write(`${USAGE}\n`);
    return command || values.help ? 0 : 1;
  }
  if (!['list', 'review', 'history', 'export', 'timeline', 'attribute'].includes(command)) throw new UserError('USAGE', { detail: `unknown command "${command}"\n${USAGE}` });
  if (command === 'attribute') return attribute(rest, values);
  const app = await createApp(configFrom(values));
  try {
    if (command === 'timeline') return await timelineCommand(app, values);
    return await dispatch(app, command, rest, values);
  } finally {
    await app.close();
  }
});

async function dispatch(app: App, command: string, args: string[], values: Values): Promise<number> {
  const format = values.format ?? (values.json ? 'json' : 'text');
  if (!['text', 'json', 'claimreview'].includes(format)) throw new UserError('USAGE', { detail: `--format must be text, json or claimreview\n${USAGE}` });
  switch (command) {
    case 'list': {
      const limit = values.limit === undefined ? undefined : Number(values.limit);
      if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) throw new UserError('USAGE', { detail: '--limit must be a positive whole number' });
      const entries = await app.listClaims({ actor: values.actor, status: values.status as ClaimStatus | undefined, limit }) as LedgerEntry[];
      if (format === 'claimreview') printJson(claimReviewJsonLd(entries));
      else if (format === 'json') printJson(entries);
      else if (entries.length === 0) process.stdout.write('no claims match\n');
      else for (const e of entries) process.stdout.write(`${line(e)}\n`);
      return 0;
    }
    case 'review': {
      const id = one(args, 'review <id>');
      if (!values.status) throw new UserError('USAGE', { detail: `review needs --status ${REVIEW_STATUSES.join('|')}` });
      const reviewer = values.reviewer ?? safeUser();
      const e = await app.reviewClaim({ claimId: id, status: values.status as never, note: values.note ?? '', evidence: values.evidence, reviewer }) as LedgerEntry;
      if (format === 'json') printJson(e);
      else process.stdout.write(`claim ${e.claimId} is now ${e.status} (derived: ${e.derivedStatus}); reviewed by ${e.review?.reviewer}\n${line(e)}\n`);
      return 0;
    }
    case 'history': {
      const id = one(args, 'history <id>');
      const h = await app.claimHistory(id);
      if (format === 'json') printJson(h);
      else {
        process.stdout.write(`claim ${h.claimId}\n`);
        for (const x of h.entries) {
          const change = x.action === 'removed' ? `${x.oldStatus} -> removed` : `${x.oldStatus ?? '(new)'} -> ${x.newStatus}`;
          process.stdout.write(`${x.at}\t${x.actor}\t${x.action}\t${change}\t${x.detail ?? ''}\n`);
        }
      }
      return 0;
    }
    default: {
      if (format !== 'claimreview') throw new UserError('USAGE', { detail: 'export needs --format claimreview' });
      const reviews = claimReviewJsonLd(await app.listClaims({}) as LedgerEntry[]);
      const json = `${JSON.stringify(reviews, null, 2)}\n`;
      if (values.out) {
        writeFileSync(values.out, json);
        process.stdout.write(`wrote ${reviews.length} ClaimReview objects to ${values.out}\n`);
      } else process.stdout.write(json);
      return 0;
    }
  }
}

/** One ledger row: id, status, speaker, stance (code), where, and the exact text. */
function line(e: LedgerEntry): string {
  const who = e.speaker ?? (e.source ? `(unnamed: ${e.source})` : '(outlet)');
  const about = e.about ? ` about ${e.about.id} (${e.about.status})` : '';
  return `${e.id}\t${e.status}\t${who}\t${e.stance} (${e.cameo})\t${e.docId}@${e.start}-${e.end}${about}\t${e.text}`;
}

function one(args: string[], what: string): string {
  if (args.length !== 1) throw new UserError('USAGE', { detail: `${what}: give exactly one id\n${USAGE}` });
  return args[0]!;
}

function safeUser(): string {
  try { return `cli:${userInfo().username}`; } catch { return 'cli'; }
}

/** `claims attribute FILE...`: one JSON object per file and line with --json, else a readable table. */
async function attribute(files: string[], values: Values): Promise<number> {
  if (files.length === 0) throw new UserError('USAGE', { detail: `attribute needs at least one file\n${USAGE}` });
  const config = configFrom(values);
  const docs = await attributeFiles(files, config.dataDir, { maxBytes: config.MAX_UPLOAD_BYTES, fetchTimeoutMs: config.FETCH_TIMEOUT_MS });
  for (const d of docs) {
    if (values.json) {
      process.stdout.write(`${JSON.stringify(d)}\n`);
      continue;
    }
    process.stdout.write(`${d.file}: ${d.relations.length} statements\n`);
    for (const r of d.relations) process.stdout.write(`${relationLine(r)}\n`);
  }
  return 0;
}

function relationLine(r: Relation): string {
  const who = r.speaker ? `${r.speaker}${r.actor && r.actor !== r.speaker ? ` (${r.actor})` : ''}` : '(outlet)';
  const flags = [r.kind, r.stance, r.speakerKind ?? '', r.via !== 'explicit' ? `via ${r.via}` : '', r.negated ? 'negated' : ''].filter(Boolean).join(', ');
  const content = r.content.text.length > 110 ? `${r.content.text.slice(0, 107)}…` : r.content.text;
  return `  ${who.padEnd(34)} ${(r.cue?.text ?? '').padEnd(14)} [${flags}] “${content}”`;
}
