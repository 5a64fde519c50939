import type { LedgerEntry } from '../claims/ledger-store.js';
import type { ClaimStatus, Citation } from '../core/answer.js';
import { msg } from './messages.js';
import { actorName, speakerLabel } from './speaker-label.js';

/**
 * The fixed phrases the claim composer joins quotes with. Only actor names, stance words and
 * statuses are filled in; every fact stays inside a quote with its citation.
 */

/** Who says it and how, before a quote: "Russia alleges it", "Ukraine denies it", "The source reports". */
export function sideLabel(e: LedgerEntry, locale?: string): string {
  const who = e.speaker || e.source ? cap(speakerLabel(e, locale)) : undefined;
  if (!who) return msg(locale, 'side.outlet', { hedged: e.certainty === 'hedged' ? 'yes' : 'no' });
  const noEvidence = e.stance === 'deny' && (e.certainty === 'no-evidence' || /evidence/i.test(e.text));
  const known = ['accuse', 'deny', 'condemn', 'appeal', 'warn', 'praise', 'reject'];
  const side = noEvidence ? 'noEvidence' : known.includes(e.stance ?? '') ? e.stance! : e.certainty === 'hedged' ? 'hedged' : 'other';
  return msg(locale, 'side.label', { who, side });
}

/** The verb of a stance for "who" answers: "condemned", "denied". */
export function stanceVerb(stance: string): string {
  const verbs: Record<string, string> = {
    condemn: 'condemned', accuse: 'accused', deny: 'denied', appeal: 'appealed', warn: 'warned', praise: 'praised',
    reject: 'rejected', statement: 'stated', report: 'reported',
  };
  return verbs[stance] ?? stance;
}

/** One sentence on a claim's status, naming the parties; `refs` are citation markers like "[1][3]". */
export function statusLine(status: ClaimStatus, entries: readonly LedgerEntry[], refs: string, locale?: string): string {
  const first = entries[0];
  if (first?.kind === 'statement' && (status === 'reported' || status === 'corroborated')) {
    const who = speakerLabel(first, locale);
    return msg(locale, status === 'reported' ? 'status.statementReported' : 'status.statementCorroborated', { who, refs });
  }
  // Parties by the actor they speak for ("Russia", not "Russia and Sergey Lavrov (Russia)"); other sources as named.
  const names = (role: LedgerEntry['role']) => [...new Set(entries.filter((e) => e.role === role).map((e) => (e.actor ? actorName(e.actor, locale) : speakerLabel(e, locale))))];
  const asserted = names('assertion');
  const denied = names('denial');
  const unknown = speakerLabel({}, locale);
  switch (status) {
    case 'disputed':
      return msg(locale, 'status.disputed', { asserted: list(asserted), hasAsserted: asserted.length ? 'yes' : 'no', denied: list(denied), hasDenied: denied.length ? 'yes' : 'no', refs });
    case 'unverified':
      return msg(locale, 'status.unverified', { asserted: list(asserted), named: asserted.some((x) => x !== unknown) ? 'yes' : 'no', refs });
    default: return msg(locale, `status.${status}`, { refs });
  }
}

/**
 * A note for reactions whose underlying claim has its own status, followed by the quoted sides (so that
 * every marker it adds points to a quote shown in the answer): "This is a statement by Pakistan; what it
 * refers to is disputed in the sources:" then "• Russia alleges it: “...” [2]".
 */
export function presuppositionLines(reactions: readonly LedgerEntry[], about: ClaimStatus, sides: readonly string[], locale?: string): string[] {
  const speakers = [...new Set(reactions.map((e) => speakerLabel(e, locale)))];
  const head = speakers.length === 1
    ? msg(locale, 'note.reaction', { who: speakers[0]!, status: about })
    : msg(locale, 'note.reactions', { status: about });
  return [head, ...sides];
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "A, B and C". */
export function list(xs: readonly string[]): string {
  return xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`;
}

/** A citation of a ledger entry (its text is the exact document text at start..end). */
export function citationOf(e: LedgerEntry, n: number): Citation {
  return {
    n, docId: e.docId, title: e.title ?? e.docId, url: e.url, publisher: e.publisher, published: e.published,
    quote: e.text, start: e.start, end: e.end,
  };
}
