import type { GapEntry } from '../../app/app.js';
import { listDescription } from './ledger.js';
import { embedMessage, type BotMessage } from './payload.js';
import { escapeTruncate, inertMentions, oneLine } from './text.js';

/** One gap: how often, when last, the wording, and other wordings grouped with it. */
export function gapLine(g: GapEntry): string {
  const also = g.examples.length > 1 ? `\n  also: ${g.examples.slice(1, 3).map((e) => `“${escapeTruncate(inertMentions(oneLine(e)), 80)}”`).join(', ')}` : '';
  return `**${g.count}×** · last ${g.lastAsked.slice(0, 10)} · “${escapeTruncate(inertMentions(oneLine(g.question)), 200)}”${also}`;
}

/** `/gaps`: the open coverage gaps. */
export function renderGaps(gaps: readonly GapEntry[]): BotMessage {
  return embedMessage({
    title: `Coverage gaps (${gaps.length} open)`,
    description: listDescription(gaps.map(gapLine), 'No open gaps: every question asked so far got an answer.'),
    footer: { text: 'Questions I abstained on. A gap closes by itself when a document added later answers it.' },
  });
}
