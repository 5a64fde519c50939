import { ButtonStyle, type APIButtonComponent, type APIEmbed, type APIEmbedField } from 'discord.js';
import type { Answer, AnswerClaim, Citation } from '../../core/answer.js';
import { sourceAge } from '../../answer/freshness.js';
import { msg } from '../../answer/messages.js';
import { badge, colourFor, mostDoubtful } from './badges.js';
import { answerId } from './custom-id.js';
import { LIMITS } from './limits.js';
import { button, embedMessage, type BotMessage } from './payload.js';
import { fitSentences } from './sentences.js';
import { escapeAnswer, escapeTruncate, inertMentions, isHttpUrl, oneLine, truncate } from './text.js';

/** The rendered answer and where its unshown remainder starts (for the "More" button). */
export interface RenderedAnswer {
  message: BotMessage;
  /** Offset into `answer.answer` of the part that did not fit, or null. */
  rest: number | null;
}

const BULLET = /^• (.*)$/gm;
const MAX_CLAIM_FIELDS = 3;
const CLAIM_TEXT_MAX = 180;

/** The embed title for a question; also how a follow-up finds the earlier question. */
export function questionTitle(question: string): string {
  return truncate(inertMentions(oneLine(question)), LIMITS.title) || 'Question';
}

/** One line per claim: badge, speaker, stance, text, citation markers and any review note. */
export function claimLine(c: AnswerClaim): string {
  const who = c.speaker ? `**${escapeTruncate(oneLine(c.speaker), 80)}**` : '';
  const stance = c.stance ? ` (${escapeTruncate(oneLine(c.stance), 40)})` : '';
  const head = who || stance ? ` · ${who}${stance}:` : ':';
  const refs = c.citations.length ? ` ${c.citations.slice(0, 8).map((n) => `[${n}]`).join('')}` : '';
  const note = c.note ? ` — ${escapeTruncate(oneLine(c.note), 100)}` : '';
  return `${badge(c.status)}${head} ${escapeTruncate(oneLine(c.text), CLAIM_TEXT_MAX)}${refs}${note}`;
}

/** Citations grouped by document, in order of first appearance. */
export function sourcesByDocument(citations: readonly Citation[]): { ns: number[]; c: Citation }[] {
  const groups = new Map<string, { ns: number[]; c: Citation }>();
  for (const c of citations) {
    const g = groups.get(c.docId);
    if (g) g.ns.push(c.n);
    else groups.set(c.docId, { ns: [c.n], c });
  }
  return [...groups.values()];
}

function sourceField(ns: number[], c: Citation, now: Date, locale?: string): APIEmbedField {
  const markers = ns.slice(0, 10).map((n) => `[${n}]`).join(' ') + (ns.length > 10 ? ' …' : '');
  const name = `${markers} ${escapeTruncate(oneLine(c.title || c.docId), LIMITS.fieldName - markers.length - 1)}`;
  const age = sourceAge(c.published, now);
  const dated = c.published && age ? `${c.published} (${age})` : c.published;
  const meta = [c.publisher, dated].filter((x): x is string => !!x && oneLine(x) !== '').map((x) => oneLine(x));
  const lines = [meta.length ? escapeTruncate(meta.join(' · '), 300) : msg(locale, 'bot.noMeta')];
  if (isHttpUrl(c.url) && c.url.length <= 600) lines.push(c.url);
  return { name: truncate(name, LIMITS.fieldName), value: lines.join('\n') };
}

function claimFields(claims: readonly AnswerClaim[], budget: number, locale?: string): APIEmbedField[] {
  const fields: APIEmbedField[] = [];
  let value = '';
  let used = 0;
  let shown = 0;
  const flush = () => {
    if (value) fields.push({ name: msg(locale, fields.length ? 'bot.claimsContinued' : 'bot.claims'), value });
    value = '';
  };
  for (const c of claims) {
    const line = claimLine(c);
    const sep = value ? '\n' : '';
    const room = LIMITS.fieldValue - value.length - sep.length;
    if (line.length > room) {
      if (fields.length + 1 >= MAX_CLAIM_FIELDS) break;
      flush();
    }
    const cost = line.length + (value ? 1 : 30);
    if (used + cost > budget) break;
    value += (value ? '\n' : '') + line;
    used += cost;
    shown += 1;
  }
  const hidden = claims.length - shown;
  if (hidden > 0) {
    const note = msg(locale, 'bot.moreClaims', { count: hidden });
    if (value.length + note.length + 1 <= LIMITS.fieldValue) value += (value ? '\n' : '') + note;
  }
  flush();
  return fields;
}

function fieldsLength(fields: readonly APIEmbedField[]): number {
  return fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
}

/** The buttons under an answer. */
export function answerButtons(key: string, opts: { sources: boolean; more: number | null; watch?: boolean; locale?: string }): APIButtonComponent[] {
  const out: APIButtonComponent[] = [];
  if (opts.sources) out.push(button(answerId('src', key, 0), msg(opts.locale, 'bot.button.sources'), ButtonStyle.Primary, '📚'));
  if (opts.more !== null) out.push(button(answerId('more', key, opts.more), msg(opts.locale, 'bot.button.more'), ButtonStyle.Secondary));
  out.push(button(answerId('up', key), null, ButtonStyle.Secondary, '👍'));
  out.push(button(answerId('down', key), null, ButtonStyle.Secondary, '👎'));
  out.push(button(answerId('report', key), msg(opts.locale, 'bot.button.report'), ButtonStyle.Danger));
  if (opts.watch) out.push(button(answerId('watch', key), msg(opts.locale, 'bot.button.watch'), ButtonStyle.Secondary, '🔔'));
  return out;
}

/**
 * Renders an answer as one embed: the question as title, the answer with its `[n]` markers as the
 * description (cut at a sentence boundary when too long), a badge line per claim and a field per
 * source document. Pure; the result always fits Discord's limits.
 */
export function renderAnswer(answer: Answer, key: string, now: Date = new Date()): RenderedAnswer {
  const title = questionTitle(answer.question);
  const locale = answer.locale;
  if (answer.abstained || answer.citations.length === 0) {
    // The app's own abstention says what is missing ("no statement by Brazil ..."): it is kept.
    const own = answer.answer.trim() ? fitSentences(answer.answer, LIMITS.description - 200, escapeAnswer).shown : msg(locale, 'render.abstainFallback');
    const description = `${own}\n\n${msg(locale, 'render.tryOther')}`;
    const embed: APIEmbed = { title, description, color: 0x95a5a6, footer: { text: msg(locale, 'bot.abstainFooter') } };
    return { message: embedMessage(embed, answerButtons(key, { sources: false, more: null, locale })), rest: null };
  }
  const footer = msg(locale, answer.mode === 'llm' ? 'bot.footerLlm' : 'bot.footer');
  const fixed = title.length + footer.length;
  const wanted = Math.min(escapeAnswer(answer.answer).length, 2400);
  let budget = LIMITS.embedTotal - fixed - wanted - 80;

  // An answer of quoted lines shows each statement once, with its badge; prose (the LLM's) keeps a Claims field.
  const lines = BULLET.test(answer.answer);
  BULLET.lastIndex = 0;
  const transform = lines ? (s: string) => escapeAnswer(withBadges(s, answer.claims)) : escapeAnswer;
  const fields = lines ? [] : claimFields(answer.claims, Math.min(budget, 1600), locale);
  budget -= fieldsLength(fields);
  const groups = sourcesByDocument(answer.citations);
  let shownGroups = 0;
  for (const g of groups) {
    if (fields.length >= LIMITS.fields - 1) break;
    const f = sourceField(g.ns, g.c, now, locale);
    if (f.name.length + f.value.length > budget - 80) break;
    fields.push(f);
    budget -= f.name.length + f.value.length;
    shownGroups += 1;
  }
  const hidden = groups.length - shownGroups;
  if (hidden > 0) {
    fields.push({ name: msg(locale, 'bot.moreSources'), value: msg(locale, 'bot.moreDocuments', { count: hidden, sources: msg(locale, 'bot.button.sources') }) });
  }

  const room = Math.min(LIMITS.description, LIMITS.embedTotal - fixed - fieldsLength(fields));
  const fitted = fitSentences(answer.answer, room, transform);
  const description = fitted.shown.trim() === '' ? '(no text)' : fitted.shown;
  const embed: APIEmbed = {
    title,
    description,
    color: colourFor(answer.claims.map((c) => c.status)),
    fields,
    footer: { text: footer },
  };
  const buttons = answerButtons(key, { sources: true, more: fitted.rest, watch: answer.claims.length > 0, locale });
  return { message: embedMessage(embed, buttons), rest: fitted.rest };
}

/** "• Russia alleges it: ..." -> "• 🔴 disputed · Russia alleges it: ...": the badge of the claims the line cites. */
function withBadges(text: string, claims: readonly AnswerClaim[]): string {
  return text.replace(BULLET, (line, body: string) => {
    const ns = [...body.matchAll(/\[(\d{1,4})\]/g)].map((m) => Number(m[1]));
    const status = mostDoubtful(claims.filter((c) => c.citations.some((n) => ns.includes(n))).map((c) => c.status));
    return status ? `• ${badge(status)} · ${body}` : line;
  });
}
