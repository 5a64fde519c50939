import type { ClaimStatus } from '../core/answer.js';
import type { ReviewInput } from '../core/claims.js';
import { UserError } from '../core/errors.js';
import type { Store } from '../storage/sqlite/store.js';
import { audit, type ClaimLedger, type LedgerEntry } from './ledger-store.js';

/** Statuses a moderator may set. */
export const REVIEW_STATUSES = ['verified', 'refuted', 'disputed', 'unverified'] as const;

/** Every status a claim can have. */
export const CLAIM_STATUSES: readonly ClaimStatus[] = ['verified', 'refuted', 'disputed', 'unverified', 'corroborated', 'reported'];

/** One line of a claim's audit log. */
export interface AuditEntry {
  at: string;
  actor: string;
  action: 'derived' | 'review' | 'removed';
  oldStatus?: string;
  newStatus?: string;
  detail?: string;
}

const MAX_NOTE = 2000;

/**
 * Records a moderator's review of the claim behind a ledger entry (or of a claim by its id): who, when,
 * why and the evidence link. The review overrides the derived status of the whole claim; the review and
 * the status change are appended to the audit log, in one transaction.
 */
export function reviewClaim(store: Store, ledger: ClaimLedger, input: ReviewInput): LedgerEntry {
  const status = input.status as string;
  if (!(REVIEW_STATUSES as readonly string[]).includes(status)) throw new UserError('REVIEW_BAD_STATUS', { status });
  const note = input.note?.trim() ?? '';
  if (!note) throw new UserError('REVIEW_NOTE_REQUIRED');
  const evidence = input.evidence?.trim() || undefined;
  if (evidence && !isHttpUrl(evidence)) throw new UserError('REVIEW_BAD_EVIDENCE', { evidence: evidence.slice(0, 80) });
  const reviewer = input.reviewer?.trim() || 'unknown';
  return store.transaction(() => {
    ledger.refresh();
    const entry = ledger.get(input.claimId.trim());
    if (!entry) throw new UserError('CLAIM_NOT_FOUND', { id: input.claimId });
    const at = new Date().toISOString();
    store.db.prepare('INSERT INTO claim_reviews (claim_id, mention_id, status, note, evidence, reviewer, at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(entry.claimId, entry.id === entry.claimId ? null : entry.id, status, note.slice(0, MAX_NOTE), evidence ?? null, reviewer.slice(0, 200), at);
    store.db.prepare('UPDATE claims SET status = ?, updated_at = ? WHERE id = ?').run(status, at, entry.claimId);
    audit(store, entry.claimId, at, reviewer.slice(0, 200), 'review', entry.status, status,
      JSON.stringify({ note: note.slice(0, MAX_NOTE), evidence, entry: entry.id }));
    return ledger.get(entry.id)!;
  });
}

/** The audit log of the claim behind a ledger entry (or a claim id), oldest first. */
export function claimHistory(store: Store, ledger: ClaimLedger, id: string): { claimId: string; entries: AuditEntry[] } {
  const entry = ledger.get(id.trim());
  const claimId = entry?.claimId ?? id.trim();
  const rows = store.db.prepare('SELECT at, actor, action, old_status, new_status, detail FROM claim_audit WHERE claim_id = ? ORDER BY id')
    .all(claimId) as { at: string; actor: string; action: AuditEntry['action']; old_status: string | null; new_status: string | null; detail: string | null }[];
  if (!entry && rows.length === 0) throw new UserError('CLAIM_NOT_FOUND', { id });
  return {
    claimId,
    entries: rows.map((r) => ({ at: r.at, actor: r.actor, action: r.action, oldStatus: r.old_status ?? undefined,
      newStatus: r.new_status ?? undefined, detail: r.detail ?? undefined })),
  };
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
