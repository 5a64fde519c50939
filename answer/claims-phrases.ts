import type { LedgerEntry } from '../claims/ledger-store.js';
import type { ClaimStatus, Citation } from './types.js';

/**
 * The fixed phrases the claim composer joins quotes with. Only actor names, stance words and
 * statuses are filled in; every fact stays inside a quote with its citation.
 */

/** The speaker as named, with the actor it speaks for when that differs: "Sergey Lavrov (Russia)", "Pakistan". */
export function whoOf(e: Pick<LedgerEntry, 'speaker' | 'actor' | 'source' | 'speakerKind'>): string | undefined {
  // "Sergey Lavrov (Russia)"; "Ukrainian officials" already say whom they speak for.
  if (e.speaker && e.actor && e.speaker !== e.actor && !e.speaker.toLowerCase().includes(e.actor.toLowerCase().slice(0, 5))) return `${e.speaker} (${e.actor})`;
  if (e.speaker) return e.speakerKind === 'unnamed' && !/^(?:an?|the|one|two|three|some|several|many)\b/i.test(e.speaker) ? `unnamed ${e.speaker}` : e.speaker;
  return e.actor ?? (e.source ? `unnamed ${e.source}` : undefined);
}

/** Who says it and how, before a quote: "Russia alleges it", "Ukraine denies it", "The source reports". */
export function sideLabel(e: LedgerEntry): string {
  const raw = whoOf(e);
  const who = raw && raw.charAt(0).toUpperCase() + raw.slice(1);
  if (!who) return e.certainty === 'hedged' ? 'The source reports it with a hedge' : 'The source reports';
  // "Ukrainian officials say", "Russia says".
  const many = e.speakerKind === 'unnamed' && /(?:s|people|police|media)$/i.test(e.speaker ?? '');
  const v = (one: string, more: string) => (many ? more : one);
  switch (e.stance) {
    case 'accuse': return `${who} ${v('alleges', 'allege')} it`;
    case 'deny': return e.certainty === 'no-evidence' || /evidence/i.test(e.text) ? `${who} ${v('says', 'say')} nothing confirms it` : `${who} ${v('denies', 'deny')} it`;
    case 'condemn': return `${who} condemned it`;
    case 'appeal': return `${who} appealed`;
    case 'warn': return `${who} warned`;
    case 'praise': return `${who} praised it`;
    case 'reject': return `${who} rejected it`;
    default: return e.certainty === 'hedged' ? `${who} ${v('asserts', 'assert')} it, with a hedge` : `${who} ${v('asserts', 'assert')} it`;
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
    const who = whoOf(first) ?? 'the speaker';
    return status === 'reported'
      ? `This is ${who}'s statement as one source reports it ${refs}.`
      : `This is ${who}'s statement, reported by independent sources ${refs}.`;
  }
  // Parties by the actor they speak for ("Russia", not "Russia and Sergey Lavrov"); unnamed sources as named.
  const names = (role: LedgerEntry['role']) => [...new Set(entries.filter((e) => e.role === role).map((e) => e.actor ?? whoOf(e) ?? 'an unnamed source'))];
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

/** A note for a reaction whose underlying claim has its own status; `sides` say who asserts and who denies it, with markers. */
export function presuppositionLine(e: LedgerEntry, about: ClaimStatus, sides: string): string {
  const who = whoOf(e) ?? 'the speaker';
  return `This is ${who}'s statement; what it refers to is ${about} in the sources: ${sides}.`;
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
