import { ButtonStyle, type APIEmbed } from 'discord.js';
import type { Answer, Citation } from '../../core/answer.js';
import { msg } from '../../answer/messages.js';
import { answerId } from './custom-id.js';
import { LIMITS } from './limits.js';
import { button, embedMessage, type BotMessage } from './payload.js';
import { fitSentences } from './sentences.js';
import { escapeAnswer, escapeText, escapeTruncate, inertMentions, isHttpUrl, oneLine, truncate } from './text.js';

const PAGE = LIMITS.description;

/**
 * The part of a long answer from `offset` on, as far as fits one embed, with a "More" button when
 * something is still left. Sent ephemerally by the "More" button.
 */
export function renderMore(answer: Answer, offset: number, key: string): BotMessage {
  const text = answer.answer.slice(Math.max(0, Math.min(offset, answer.answer.length)));
  const fitted = fitSentences(text, PAGE, escapeAnswer);
  const embed: APIEmbed = {
    title: truncate(`(continued) ${inertMentions(oneLine(answer.question))}`, LIMITS.title),
    description: fitted.shown.trim() || '(nothing more)',
  };
  const next = fitted.rest === null ? [] : [button(answerId('more', key, offset + fitted.rest), msg(answer.locale, 'bot.button.more'), ButtonStyle.Secondary)];
  return embedMessage(embed, next);
}

function quoteBlock(text: string): string {
  return text
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n');
}

function header(c: Citation, continued: boolean): string {
  const meta = [c.publisher, c.published].filter((x): x is string => !!x).map(oneLine).join(', ');
  let h = `**[${c.n}]** ${escapeTruncate(oneLine(c.title || c.docId), 200)}`;
  if (meta) h += ` — ${escapeTruncate(meta, 120)}`;
  if (continued) h += ' (continued)';
  if (!continued && isHttpUrl(c.url) && c.url.length <= 600) h += `\n${c.url}`;
  return h;
}

/** One block per citation (split when a quote is longer than a page), each under the page size. */
export function sourceBlocks(citations: readonly Citation[]): string[] {
  const blocks: string[] = [];
  for (const c of citations) {
    let text = c.quote;
    let continued = false;
    for (let guard = 0; guard < 100; guard += 1) {
      const head = header(c, continued);
      const room = PAGE - head.length - 1;
      const fitted = fitSentences(text, room, (s) => quoteBlock(escapeText(s)));
      blocks.push(`${head}\n${fitted.shown || '> (empty quote)'}`);
      if (fitted.rest === null) break;
      text = text.slice(fitted.rest);
      continued = true;
    }
  }
  return blocks;
}

/** Packs blocks into pages of at most one embed description each. */
export function paginate(blocks: readonly string[], size: number = PAGE): string[] {
  const pages: string[] = [];
  let cur = '';
  for (const b of blocks) {
    if (cur && cur.length + 2 + b.length > size) {
      pages.push(cur);
      cur = '';
    }
    cur = cur ? `${cur}\n\n${b}` : b;
  }
  if (cur) pages.push(cur);
  return pages;
}

/** Page `page` (from 0) of the exact quotes behind an answer, with a "Next" button when there are more. */
export function renderSources(answer: Answer, page: number, key: string): BotMessage {
  const pages = paginate(sourceBlocks(answer.citations));
  const locale = answer.locale;
  if (pages.length === 0) return embedMessage({ title: msg(locale, 'bot.sources'), description: msg(locale, 'bot.sourcesNone') });
  const p = Math.max(0, Math.min(page, pages.length - 1));
  const embed: APIEmbed = {
    title: pages.length > 1 ? msg(locale, 'bot.sourcesPage', { page: p + 1, pages: pages.length }) : msg(locale, 'bot.sources'),
    description: pages[p]!,
    footer: { text: msg(locale, 'bot.sourcesFooter') },
  };
  const next = p + 1 < pages.length ? [button(answerId('src', key, p + 1), msg(locale, 'bot.button.next'), ButtonStyle.Secondary)] : [];
  return embedMessage(embed, next);
}
