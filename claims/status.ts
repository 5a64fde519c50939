import type { ClaimStatus } from '../core/answer.js';
import type { MentionStatusRecord } from '../core/ledger-ports.js';
import type { StatusMention } from '../core/ledger.js';

/** What status resolution needs to know about one mention of a claim. */
export type { StatusMention } from '../core/ledger.js';

/** A stored mention as status resolution reads it: an unnamed source stands in for a missing speaker. */
export function statusMentionOf(r: MentionStatusRecord): StatusMention {
  return {
    role: r.role, certainty: r.certainty, speakerId: r.speakerId ?? (r.sourceText ? `~${r.sourceText}` : undefined),
    speakerName: r.speakerName ?? r.sourceText ?? undefined, sources: r.sources,
    text: r.text.toLowerCase().replace(/\W+/g, ' ').trim(), factive: r.factive,
  };
}

/** A claim's derived status with the reason in words (kept in the audit log). */
export interface DerivedStatus {
  status: ClaimStatus;
  reason: string;
}

/**
 * The status of an event claim from its mentions. Denied or contradicted by a party -> disputed;
 * asserted firmly by two or more independent primary sources -> corroborated (outlets repeating one
 * party's claim, or printing the same wire copy, are one source); stated as fact by the outlet -> reported;
 * otherwise (one party's word, or hedged) -> unverified.
 */
export function deriveEventStatus(ms: readonly StatusMention[]): DerivedStatus {
  const deniers = unique(ms.filter((m) => m.role === 'denial').map((m) => m.speakerName ?? m.speakerId ?? 'an unnamed source'));
  const support = ms.filter((m) => m.role === 'assertion');
  const asserters = unique(support.map((m) => m.speakerName ?? m.speakerId ?? 'the outlet'));
  if (deniers.length > 0) {
    return { status: 'disputed', reason: `asserted by ${asserters.join(', ') || 'an earlier claim'}; denied or contradicted by ${deniers.join(', ')}` };
  }
  const firm = support.filter((m) => m.certainty === 'asserted');
  const keys = independentSources(firm);
  if (keys >= 2) return { status: 'corroborated', reason: `asserted by ${keys} independent sources` };
  if (firm.length === 0 && support.length > 0 && support.every((m) => m.certainty === 'unread')) {
    return { status: 'unverified', reason: 'in a language the claim rules do not read: who says it is not known' };
  }
  if (firm.length === 0) return { status: 'unverified', reason: 'only hedged or unconfirmed statements (alleged, reportedly, may)' };
  if (firm.some((m) => !m.speakerId || m.factive)) return { status: 'reported', reason: 'stated as fact by one source' };
  return { status: 'unverified', reason: `asserted by one party only (${asserters.join(', ')})` };
}

/**
 * The status of a claim that a party made a statement ("Pakistan condemned ..."): a fact about its words,
 * reported by one outlet or corroborated by several independent ones.
 */
export function deriveStatementStatus(ms: readonly StatusMention[]): DerivedStatus {
  const keys = independentSources(ms);
  if (keys >= 2) return { status: 'corroborated', reason: `the statement is reported by ${keys} independent sources` };
  return { status: 'reported', reason: 'the statement is reported by one source' };
}

/**
 * Counts independent sources: mentions sharing a source key are one source, and so are mentions with the
 * same wording (syndicated copies under different mastheads). Several outlets cited for one item count
 * separately unless they also carry another item's wording.
 */
export function independentSources(ms: readonly Pick<StatusMention, 'sources' | 'text'>[]): number {
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    const p = parent.get(k) ?? k;
    if (p === k) return k;
    const r = find(p);
    parent.set(k, r);
    return r;
  };
  const union = (a: string, b: string) => parent.set(find(a), find(b));
  for (const m of ms) {
    const keys = m.sources.length ? m.sources : ['unknown'];
    for (const k of keys) if (!parent.has(k)) parent.set(k, k);
    union(keys[0]!, `text:${m.text}`);
  }
  return new Set([...parent.keys()].filter((k) => !k.startsWith('text:')).map(find)).size;
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}
