import type { ClaimStatus } from './answer.js';

/** A claim in the ledger (one proposition, with its derived or reviewed status). */
export interface ClaimEntry {
  id: string;
  /** The exact sentence that states it. */
  text: string;
  /** Who spoke, as named: "Sergey Lavrov", "a senior European diplomat", "Pakistan". */
  speaker?: string;
  /** Whom the speaker speaks for, when the text supports it: "Russia". */
  actor?: string;
  speakerKind?: string;
  stance?: string;
  status: ClaimStatus;
  docId: string;
  start: number;
  end: number;
  review?: { status: ClaimStatus; note: string; evidence?: string; reviewer: string; at: string };
}

/** Filters for the claim ledger. */
export interface ClaimFilter {
  actor?: string;
  status?: ClaimStatus;
  limit?: number;
}

/** A moderator's review of a claim. */
export interface ReviewInput {
  claimId: string;
  status: 'verified' | 'refuted' | 'disputed' | 'unverified';
  note: string;
  evidence?: string;
  reviewer: string;
}
