import {
  ApplicationCommandOptionType,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';
import type { AddSource } from '../../app/app.js';
import { UserError } from '../../core/errors.js';
import type { DocumentMeta } from '../../core/documents.js';
import type { BotContext } from '../context.js';
import { ATTACHMENT_TYPES, extensionOf } from '../download.js';
import { renderAdded, renderDocuments } from '../render/ledger.js';
import { textMessage } from '../render/payload.js';
import { isHttpUrl, oneLine, truncate } from '../render/text.js';
import { allowed, PRIVATE, privileged, requireAccess } from './guard.js';

const S = ApplicationCommandOptionType.String;

/** `/corpus add|list|remove|reindex` — manage the documents, for maintainers. */
export const data = {
  name: 'corpus',
  description: 'Maintainers: manage the documents the bot answers from',
  ...privileged('maintainer'),
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'add',
      description: 'Add a document: attach a file, or give a URL, or paste text (exactly one)',
      options: [
        { type: ApplicationCommandOptionType.Attachment, name: 'attachment', description: 'A .md, .txt, .html or .pdf file' },
        { type: S, name: 'url', description: 'An http(s) link to an article', max_length: 2000 },
        { type: S, name: 'text', description: 'The text itself', max_length: 6000 },
        { type: S, name: 'title', description: 'Title (default: taken from the document)', max_length: 300 },
        { type: S, name: 'publisher', description: 'Who published it, e.g. Dawn', max_length: 200 },
        { type: S, name: 'published', description: 'Publication date, YYYY-MM-DD', max_length: 40 },
      ],
    },
    { type: ApplicationCommandOptionType.Subcommand, name: 'list', description: 'List the documents' },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'remove',
      description: 'Remove a document and its passages',
      options: [{ type: S, name: 'id', description: 'The document id (see /corpus list)', required: true, autocomplete: true, max_length: 200 }],
    },
    { type: ApplicationCommandOptionType.Subcommand, name: 'reindex', description: 'Rebuild the search index from the stored documents' },
  ],
} as const satisfies RESTPostAPIApplicationCommandsJSONBody;

/** Runs the subcommand after checking the maintainer permission again. */
export async function execute(i: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const sub = i.options.getSubcommand(true);
  requireAccess(i, ctx, 'maintainer', `/corpus ${sub}`);
  if (sub === 'add') return add(i, ctx);
  if (sub === 'list') {
    await i.reply({ ...renderDocuments(await ctx.app.listDocuments()), ...PRIVATE });
    return;
  }
  if (sub === 'remove') {
    const id = i.options.getString('id', true).trim();
    await i.deferReply(PRIVATE);
    await ctx.app.removeDocument(id);
    ctx.log.info('document removed', { id, by: i.user.id });
    await i.editReply(textMessage(`Removed \`${id.replace(/`/g, "'")}\` and its passages.`));
    return;
  }
  if (sub === 'reindex') return reindex(i, ctx);
  throw new UserError('USAGE', { detail: `Unknown subcommand ${sub}.` });
}

function metaFrom(i: ChatInputCommandInteraction): DocumentMeta {
  const meta: DocumentMeta = {};
  const title = i.options.getString('title')?.trim();
  const publisher = i.options.getString('publisher')?.trim();
  const published = i.options.getString('published')?.trim();
  if (title) meta.title = title;
  if (publisher) meta.publisher = publisher;
  if (published) meta.published = published;
  return meta;
}

async function add(i: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const att = i.options.getAttachment('attachment');
  const url = i.options.getString('url')?.trim() || null;
  const text = i.options.getString('text') || null;
  if ([att, url, text].filter((x) => x !== null).length !== 1) {
    throw new UserError('USAGE', { detail: 'Give exactly one of attachment, url or text.' });
  }
  if (url !== null && !isHttpUrl(url)) throw new UserError('URL_INVALID', { url: truncate(url, 200) });
  if (att) {
    const ext = extensionOf(att.name);
    if (!(ATTACHMENT_TYPES as readonly string[]).includes(ext)) throw new UserError('UNSUPPORTED_TYPE', { type: ext || att.name });
    if (att.size > ctx.config.MAX_UPLOAD_BYTES) {
      throw new UserError('FILE_TOO_LARGE', { what: att.name, size: att.size, limit: ctx.config.MAX_UPLOAD_BYTES });
    }
  }
  await i.deferReply(PRIVATE);
  let source: AddSource;
  if (att) {
    const bytes = await ctx.download({ url: att.url, name: att.name, size: att.size, contentType: att.contentType });
    source = { kind: 'bytes', bytes, filename: att.name, ...(att.contentType ? { contentType: att.contentType } : {}) };
  } else if (url !== null) {
    source = { kind: 'url', url };
  } else {
    source = { kind: 'text', text: text ?? '' };
  }
  const result = await ctx.app.addDocument(source, metaFrom(i));
  ctx.log.info('document added', { id: result.id, added: result.added, chunks: result.chunks, kind: source.kind, by: i.user.id,
    ...(result.claims && { claimsBy: result.claims.by, claimsFallback: result.claims.fallback }) });
  await i.editReply(renderAdded(result));
}

async function reindex(i: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  await i.deferReply(PRIVATE);
  let lastEdit = Date.now();
  let pending: Promise<unknown> = Promise.resolve();
  const r = await ctx.app.reindex((done, total) => {
    if (Date.now() - lastEdit < 2000 || done >= total) return;
    lastEdit = Date.now();
    pending = i.editReply(textMessage(`Reindexing… ${done}/${total} passages`)).catch(() => undefined);
  });
  await pending;
  ctx.log.info('reindexed', { chunks: r.chunks, ms: r.ms, by: i.user.id });
  await i.editReply(textMessage(`Reindexed ${r.chunks} passages in ${(r.ms / 1000).toFixed(1)} s.`));
}

/** Suggests document ids matching what the maintainer typed (only to maintainers). */
export async function autocomplete(i: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  if (!allowed(i, ctx, 'maintainer')) return i.respond([]);
  const typed = i.options.getFocused().toLowerCase();
  const hits = (await ctx.app.listDocuments())
    .filter((d) => d.id.length <= 100 && (d.id.toLowerCase().includes(typed) || d.title.toLowerCase().includes(typed)))
    .slice(0, 25)
    .map((d) => ({ name: truncate(oneLine(`${d.id} — ${d.title}`), 100), value: d.id }));
  await i.respond(hits);
}
