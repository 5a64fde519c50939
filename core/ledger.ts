import type { ClaimStatus } from './answer.js';
import type { ClaimEntry } from './claims.js';

/** How a mention bears on its claim. */
export type MentionRole = 'assertion' | 'denial' | 'reaction';

/** How certain the content of a statement is presented. */
export type Certainty = 'asserted' | 'hedged' | 'no-evidence' | 'denied'
  /** In a language the claim rules do not read: who says it, and how, is not known. */
  | 'unread';

/** A ledger entry with everything the ledger knows about it (a superset of the app's `ClaimEntry`). */
export interface LedgerEntry extends ClaimEntry {
  /** The claim (cluster) this statement belongs to; reviews apply to the whole claim. */
  claimId: string;
  kind: 'event' | 'statement';
  role: MentionRole;
  cue?: string;
  cameo: string;
  certainty: string;
  hedges: string[];
  speakerId?: string;
  /** An unnamed source ("diplomats") or a person no actor is known for, when no actor speaks. */
  source?: string;
  /** The actor's name (the state or body the speaker speaks for), when the text supports one. */
  actor?: string;
  speakerKind?: string;
  also: string[];
  via: string;
  /** Why the claim has its derived status. */
  reason: string;
  derivedStatus: ClaimStatus;
  /** The event claim a reaction is about ("the attack" Pakistan condemned), with its status. */
  about?: { id: string; status: ClaimStatus };
  title?: string;
  url?: string;
  publisher?: string;
  published?: string;
}

/** Ledger filters (actor already resolved to an id where possible). */
export interface LedgerFilter {
  actorId?: string;
  actorText?: string;
  status?: ClaimStatus;
  docId?: string;
  claimId?: string;
  limit?: number;
}

/** One line of a claim's audit log. */
export interface AuditEntry {
  at: string;
  actor: string;
  action: 'derived' | 'review' | 'removed';
  oldStatus?: string;
  newStatus?: string;
  detail?: string;
}

/** A mention as status resolution reads it (claims/status.ts). */
export interface StatusMention {
  role: MentionRole;
  certainty: Certainty;
  speakerId?: string;
  /** The speaker's name, for the reason given in words. */
  speakerName?: string;
  /** Independent-source keys: the speaker for a party's claim, else the outlets that report it. */
  sources: string[];
  /** Normalised text, to recognise syndicated copies (one source however many outlets print it). */
  text: string;
  factive: boolean;
}

/** One mention as a timeline reads it: where and when it was said, and what status resolution needs. */
export interface TimelineMention extends StatusMention {
  id: string;
  claimId: string;
  aboutId?: string;
  kind: 'event' | 'statement';
  /** YYYY-MM-DD: the mention's date, else its document's publication date, else the day it was added. */
  date: string;
  docId: string;
  start: number;
  end: number;
  quote: string;
  stance: string;
  speakerName?: string;
  /** The speaker as named ("Sergey Lavrov"), beside the actor's name in `speakerName`. */
  speakerLabel?: string;
  sourceText?: string;
  title: string;
  publisher?: string;
  url?: string;
}

/** A moderator's review, as the timeline's status replay applies it. */
export interface TimelineReview { claimId: string; status: ClaimStatus; note: string; evidence?: string; reviewer: string; at: string }

/** A claim a member watches. */
export interface WatchEntry {
  claimId: string;
  /** The claim's first statement. */
  text: string;
  status: ClaimStatus;
  watchedAt: string;
}

/** What pressing Watch did. */
export interface WatchResult {
  added: WatchEntry[];
  /** Claims already watched. */
  already: number;
  /** The member's watches after it, and the limit. */
  total: number;
  limit: number;
}

/** A status change to tell one member about, from the outbox. */
export interface WatchNotice {
  id: number;
  userId: string;
  /** Where they pressed Watch: the fallback when direct messages fail. */
  channelId?: string;
  claimId: string;
  claimText?: string;
  oldStatus?: ClaimStatus;
  /** 'removed' when the documents stating it were removed (the watch ends with this notice). */
  newStatus: ClaimStatus | 'removed';
  /** Why: the derivation's reason, or the moderator's note. */
  reason: string;
  review: boolean;
  evidence?: string;
  /** The newest statement of the claim (exact text) and its source. */
  quote?: string;
  docId?: string;
  start?: number;
  end?: number;
  title?: string;
  publisher?: string;
  url?: string;
  published?: string;
  createdAt: string;
  attempts: number;
}
