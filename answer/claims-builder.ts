import type { LedgerEntry } from '../claims/ledger-store.js';
import type { ClaimSource } from './claim-source.js';
import { citationOf, sideLabel } from './claims-phrases.js';
import { msg } from './messages.js';
import { quoted } from './speaker-label.js';
import type { Answer, AnswerClaim, Citation } from '../core/answer.js';

export type { ClaimSource } from './claim-source.js';

/** An answer without the fields `answer()` adds. */
export type ComposedAnswer = Omit<Answer, 'timings' | 'mode'>;

/** Collects citations (one per exact span) and the claims an answer touches, with their citation numbers. */
export class AnswerBuilder {
  readonly citations: Citation[];
  readonly claims: AnswerClaim[];

  constructor(base?: Pick<Answer, 'citations' | 'claims'>) {
    this.citations = [...(base?.citations ?? [])];
    this.claims = (base?.claims ?? []).map((c) => ({ ...c, citations: [...c.citations] }));
  }

  /** The citation number of an entry's text, adding a citation when the span is not cited yet. */
  cite(e: LedgerEntry): number {
    const same = this.citations.find((c) => c.docId === e.docId && c.start === e.start && c.end === e.end);
    if (same) {
      this.claim(e, same.n);
      return same.n;
    }
    const n = this.citations.length + 1;
    this.citations.push(citationOf(e, n));
    this.claim(e, n);
    return n;
  }

  /** Records that the answer touches an entry's claim, citing `n`. */
  claim(e: LedgerEntry, n: number): void {
    const existing = this.claims.find((c) => c.id === e.id);
    if (existing) {
      if (!existing.citations.includes(n)) existing.citations.push(n);
      return;
    }
    this.claims.push({
      id: e.id, text: e.text, speaker: e.speaker, ...(e.actor && { actor: e.actor }),
      ...(e.speakerKind && { speakerKind: e.speakerKind as AnswerClaim['speakerKind'] }), stance: e.stance,
      status: e.status, citations: [n], note: noteOf(e),
    });
  }

  /** "• Russia alleges it: “...” [1]" */
  bullet(e: LedgerEntry, locale?: string): string {
    return `• ${sideLabel(e, locale)}: ${quoted(e.text, locale)} [${this.cite(e)}]`;
  }
}

function noteOf(e: LedgerEntry): string | undefined {
  const parts: string[] = [];
  if (e.review) parts.push(`reviewed by ${e.review.reviewer}: ${e.review.note}${e.review.evidence ? ` (${e.review.evidence})` : ''}`);
  if (e.about) parts.push(`refers to claim ${e.about.id}, which is ${e.about.status}`);
  // A reason true of this line: a denial is not "asserted by ..." itself.
  if (!e.review && e.status === 'disputed') parts.push(msg(undefined, e.role === 'denial' ? 'reason.denial' : 'reason.denied'));
  else if (!e.review && e.status === 'unverified') parts.push(e.reason);
  return parts.length ? parts.join('; ') : undefined;
}

/** Entries of a claim, best representatives first: per (speaker, role) group the longest text, assertions before denials. */
export function representatives(entries: readonly LedgerEntry[], perGroup = 1, max = 4): LedgerEntry[] {
  const groups = new Map<string, LedgerEntry[]>();
  for (const e of entries) {
    const key = `${e.role}:${e.speakerId ?? e.source ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  const order = { assertion: 0, denial: 1, reaction: 2 } as const;
  return [...groups.values()]
    .sort((x, y) => order[x[0]!.role] - order[y[0]!.role])
    .flatMap((g) => [...g].sort((x, y) => y.text.length - x.text.length).slice(0, perGroup))
    .slice(0, max);
}

/** Ledger entries inside the retrieved passages, in passage order, each once (the passages read together). */
export async function entriesIn(source: ClaimSource, chunks: readonly { docId: string; start: number; end: number }[]): Promise<LedgerEntry[]> {
  const seen = new Set<string>();
  const read = await Promise.all(chunks.map((c) => source.inSpan(c.docId, c.start, c.end)));
  return read.flat().filter((e) => !seen.has(e.id) && seen.add(e.id));
}

/** The members of each claim, read together: claim id -> its entries. */
export async function membersOf(source: ClaimSource, claimIds: Iterable<string>): Promise<Map<string, LedgerEntry[]>> {
  const ids = [...new Set(claimIds)];
  const read = await Promise.all(ids.map((claimId) => source.list({ claimId })));
  return new Map(ids.map((id, i) => [id, read[i]!]));
}
