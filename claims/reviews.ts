import type { ClaimStatus } from '../core/answer.js';
import type { ReviewInput } from '../core/claims.js';
import { UserError } from '../core/errors.js';
import type { ClaimStore } from '../core/ledger-ports.js';
import type { AuditEntry } from '../core/ledger.js';
import type { Storage } from '../core/ports.js';
import type { ClaimLedger, LedgerEntry } from './ledger-store.js';

/** Statuses a moderator may set. */
export const REVIEW_STATUSES = ['verified', 'refuted', 'disputed', 'unverified'] as const;

/** Every status a claim can have. */
export const CLAIM_STATUSES: readonly ClaimStatus[] = ['verified', 'refuted', 'disputed', 'unverified', 'corroborated', 'reported'];

export type { AuditEntry } from '../core/ledger.js';

const MAX_NOTE = 2000;

/**
 * Records a moderator's review of the claim behind a ledger entry (or of a claim by its id): who, when,
 * why and the evidence link. The review overrides the derived status of the whole claim; the review and
 * the status change are appended to the audit log, in one transaction.
 */
export async function reviewClaim(storage: Storage, ledger: ClaimLedger, input: ReviewInput): Promise<LedgerEntry> {
  const status = input.status as string;
  if (!(REVIEW_STATUSES as readonly string[]).includes(status)) throw new UserError('REVIEW_BAD_STATUS', { status });
  const note = input.note?.trim() ?? '';
  if (!note) throw new UserError('REVIEW_NOTE_REQUIRED');
  const evidence = input.evidence?.trim() || undefined;
  if (evidence && !isHttpUrl(evidence)) throw new UserError('REVIEW_BAD_EVIDENCE', { evidence: evidence.slice(0, 80) });
  const reviewer = input.reviewer?.trim().slice(0, 200) || 'unknown';
  return storage.withTransaction(async ({ claims }) => {
    await ledger.refresh(claims);
    const entry = await ledger.get(input.claimId.trim(), claims);
    if (!entry) throw new UserError('CLAIM_NOT_FOUND', { id: input.claimId });
    const at = new Date().toISOString();
    await claims.addReview({ claimId: entry.claimId, mentionId: entry.id === entry.claimId ? undefined : entry.id, status: input.status,
      note: note.slice(0, MAX_NOTE), evidence, reviewer, at });
    await claims.appendAudit([{ claimId: entry.claimId, at, actor: reviewer, action: 'review', oldStatus: entry.status, newStatus: status,
      detail: JSON.stringify({ note: note.slice(0, MAX_NOTE), evidence, entry: entry.id }) }]);
    return (await ledger.get(entry.id, claims))!;
  });
}

/** The audit log of the claim behind a ledger entry (or a claim id), oldest first. */
export async function claimHistory(claims: ClaimStore, id: string): Promise<{ claimId: string; entries: AuditEntry[] }> {
  const entry = await claims.entry(id.trim());
  const claimId = entry?.claimId ?? id.trim();
  const entries = await claims.auditOf(claimId);
  if (!entry && entries.length === 0) throw new UserError('CLAIM_NOT_FOUND', { id });
  return { claimId, entries };
}

const RATING: Record<string, { value: number; name: string }> = {
  refuted: { value: 1, name: 'False' }, disputed: { value: 2, name: 'Disputed' },
  unverified: { value: 3, name: 'Unverified' }, verified: { value: 5, name: 'True' },
};

/**
 * schema.org ClaimReview objects (JSON-LD) for the reviewed claims: one per claim, the claim's first
 * entry as `claimReviewed`, its speaker as the claim's author, the latest review as the rating.
 */
export function claimReviewJsonLd(entries: readonly LedgerEntry[], publisher = 'diplomacy-desk'): object[] {
  const seen = new Set<string>();
  return entries.filter((e) => e.review && !seen.has(e.claimId) && seen.add(e.claimId)).map((e) => {
    const r = e.review!;
    const rating = RATING[r.status]!;
    return {
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      identifier: e.claimId,
      datePublished: r.at.slice(0, 10),
      claimReviewed: e.text,
      author: { '@type': 'Person', name: r.reviewer },
      publisher: { '@type': 'Organization', name: publisher },
      reviewBody: r.note,
      ...(r.evidence ? { isBasedOn: r.evidence } : {}),
      reviewRating: { '@type': 'Rating', ratingValue: rating.value, bestRating: 5, worstRating: 1, alternateName: rating.name },
      itemReviewed: {
        '@type': 'Claim',
        ...(e.speaker ? { author: { '@type': 'Organization', name: e.speaker } } : {}),
        ...(e.published ? { datePublished: e.published } : {}),
        appearance: { '@type': 'CreativeWork', ...(e.url ? { url: e.url } : {}), ...(e.title ? { headline: e.title } : {}) },
      },
    };
  });
}

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}
