import type { LedgerEntry } from '../claims/ledger-store.js';
import type { ClaimStatus, Citation } from './types.js';
import { msg } from './messages.js';
import { speakerLabel } from './speaker-label.js';

/**
 * The fixed phrases the claim composer joins quotes with. Only actor names, stance words and
 * statuses are filled in; every fact stays inside a quote with its citation.
 */

/** Who says it and how, before a quote: "Russia alleges it", "Ukraine denies it", "The source reports". */
export function sideLabel(e: LedgerEntry): string {
  const who = e.speaker || e.source ? cap(speakerLabel(e)) : undefined;
  if (!who) return e.certainty === 'hedged' ? 'The source reports it with a hedge' : 'The source reports';
  switch (e.stance) {
    case 'accuse': return `${who} alleges it`;
    case 'deny': return e.certainty === 'no-evidence' || /evidence/i.test(e.text) ? `${who} says nothing confirms it` : `${who} denies it`;
    case 'condemn': return `${who} condemned it`;
    case 'appeal': return `${who} appealed`;
    case 'warn': return `${who} warned`;
    case 'praise': return `${who} praised it`;
    case 'reject': return `${who} rejected it`;
    default: return e.certainty === 'hedged' ? `${who} asserts it, with a hedge` : `${who} asserts it`;
  }
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
export function statusLine(status: ClaimStatus, entries: readonly LedgerEntry[], refs: string): string {
  const first = entries[0];
  if (first?.kind === 'statement' && (status === 'reported' || status === 'corroborated')) {
    const who = speakerLabel(first);
    return msg(undefined, status === 'reported' ? 'status.statementReported' : 'status.statementCorroborated', { who, refs });
  }
  const names = (role: LedgerEntry['role']) => [...new Set(entries.filter((e) => e.role === role).map((e) => speakerLabel(e)))];
  const asserted = names('assertion');
  const denied = names('denial');
  switch (status) {
    case 'disputed':
      return `Disputed: ${asserted.length ? `asserted by ${list(asserted)}` : 'alleged'}${denied.length ? `, denied by ${list(denied)}` : ''}; no independent source in the corpus confirms it ${refs}.`;
    case 'unverified':
      return `Unverified: ${asserted.filter((x) => x !== 'an unnamed source').length ? `only ${list(asserted)} asserts it or it is hedged` : 'the sources hedge it'}; no independent source in the corpus confirms it ${refs}.`;
    case 'reported': return `Reported as fact by one source only ${refs}.`;
    case 'corroborated': return `Corroborated: independent sources in the corpus report it ${refs}.`;
    case 'verified': return `A moderator reviewed this claim and marked it verified ${refs}.`;
    case 'refuted': return `A moderator reviewed this claim and marked it refuted ${refs}.`;
  }
}

/**
 * A note for reactions whose underlying claim has its own status, followed by the quoted sides (so that
 * every marker it adds points to a quote shown in the answer): "This is a statement by Pakistan; what it
 * refers to is disputed in the sources:" then "• Russia alleges it: “...” [2]".
 */
export function presuppositionLines(reactions: readonly LedgerEntry[], about: ClaimStatus, sides: readonly string[]): string[] {
  const speakers = [...new Set(reactions.map((e) => speakerLabel(e)))];
  const head = speakers.length === 1
    ? msg(undefined, 'note.reaction', { who: speakers[0]!, status: about })
    : msg(undefined, 'note.reactions', { status: about });
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
