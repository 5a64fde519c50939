import type { ClaimStatus } from './answer.js';
import type { ClaimEntry } from './claims.js';
import type {
  AuditEntry, Certainty, LedgerEntry, LedgerFilter, MentionRole, StatusMention, TimelineMention, TimelineReview, WatchEntry, WatchNotice,
} from './ledger.js';

/**
 * Storage ports of the claim ledger (claims/), its reviews and audit log, timelines and watches: plain
 * data in and out. The clustering, status derivation and review rules stay in claims/ and app/; the
 * ports read and write rows. Adapters: storage/sqlite/sqlite-claims.ts, storage/postgres/pg-claims.ts.
 */

/** A mention as stored: the ledger builds it from an extracted mention and the claim it was placed in. */
export interface MentionRecord {
  id: string;
  claimId: string;
  aboutId?: string;
  docId: string;
  start: number;
  end: number;
  text: string;
  speakerId?: string;
  speakerName?: string;
  sourceText?: string;
  coSpeakers: string[];
  cue?: string;
  stance: string;
  cameo: string;
  also: string[];
  certainty: string;
  hedges: string[];
  role: MentionRole;
  via: string;
  factive: boolean;
  /** Independent-source keys (claims/sources.ts). */
  sources: string[];
  /** The day (YYYY-MM-DD) of the mention's document, when it has a full date. */
  published?: string;
  /** The clustering signature, as JSON (parsed and cached by the ledger). */
  sig: string;
  speakerLabel?: string;
  speakerKind?: string;
  /** Signature keys the mention is found by in later clustering lookups, on the day `published` ('' without one). */
  terms: string[];
}

/** A stored mention as clustering compares it. */
export interface PlacedMentionRecord {
  id: string;
  claimId: string;
  docId: string;
  /** The signature as JSON. */
  sig: string;
  speakerId?: string;
  role: MentionRole;
  stance: string;
  aboutId?: string;
}

/** The fields of a stored mention that status derivation reads. */
export interface MentionStatusRecord {
  role: MentionRole;
  certainty: Certainty;
  speakerId?: string;
  speakerName?: string;
  sourceText?: string;
  sources: string[];
  /** The mention's exact text. */
  text: string;
  factive: boolean;
}

/** What deriving one claim's status reads: the claim, its latest review's status and its mentions. */
export interface DeriveInput {
  id: string;
  kind: 'event' | 'statement';
  status: ClaimStatus;
  derivedStatus: ClaimStatus;
  /** '' for a claim never derived. */
  reason: string;
  reviewStatus?: ClaimStatus;
  mentions: MentionStatusRecord[];
}

/** A claim's status after derivation (the stale mark is cleared with it). */
export interface DerivedUpdate {
  id: string;
  status: ClaimStatus;
  derivedStatus: ClaimStatus;
  reason: string;
  at: string;
}

/** A line appended to a claim's audit log. */
export interface AuditRecord extends AuditEntry {
  claimId: string;
}

/** A moderator's review as stored. */
export interface ReviewRecord {
  claimId: string;
  /** The entry the moderator pressed, when not the claim itself. */
  mentionId?: string;
  status: 'verified' | 'refuted' | 'disputed' | 'unverified';
  note: string;
  evidence?: string;
  reviewer: string;
  at: string;
}

/** A mention as a timeline reads it, before status resolution's reading of it (claims/status.ts). */
export type TimelineMentionRecord = Omit<TimelineMention, keyof StatusMention | 'sourceText'> & MentionStatusRecord;

/** A mention found inside a passage, with the story claim it bears on (its event, for a reaction). */
export interface SpanMention { id: string; claimId: string; storyId: string; text: string }

/** The claim ledger's rows: mentions, claims, clustering terms, reviews and the audit log. */
export interface ClaimStore {
  /** Mention ids per signature key dated `from`..`to`, at most `perTerm` per key, the latest days first. */
  termMentions(keys: readonly string[], from: string, to: string, perTerm: number): Promise<Map<string, string[]>>;
  /** Stored mentions by id, as clustering compares them (unknown ids skipped, any order). */
  placedMentions(ids: readonly string[]): Promise<PlacedMentionRecord[]>;
  /** New claims (status 'unverified', not derived yet); ids already stored are left alone. */
  addClaims(claims: readonly { id: string; kind: 'event' | 'statement' }[], at: string): Promise<void>;
  /** Stores mentions with their clustering terms; ids already stored are left alone. */
  addMentions(mentions: readonly MentionRecord[]): Promise<void>;
  /** What deriving each claim reads, in the order of `claimIds` (unknown ids skipped). */
  deriveInputs(claimIds: readonly string[]): Promise<DeriveInput[]>;
  /** Saves derived statuses; each claim is no longer stale. */
  saveDerived(updates: readonly DerivedUpdate[]): Promise<void>;
  /** Claims whose mentions changed since they were derived (a document was removed). */
  staleClaims(): Promise<string[]>;
  /** Deletes claims (a watched claim's watchers are told it was removed, outside a ledger rebuild). */
  removeClaims(ids: readonly string[]): Promise<void>;
  /**
   * Marks (with the time) or, with undefined, unmarks a rebuild of the ledger: meanwhile deleting and
   * deriving claims again queues no watch notice (meta 'ledger_rebuild').
   */
  setLedgerRebuild(since: string | undefined): Promise<void>;
  /** Deletes every mention and claim, for extracting the ledger again; reviews and the audit log stay. */
  clearLedger(): Promise<void>;
  appendAudit(lines: readonly AuditRecord[]): Promise<void>;
  /** A claim's audit log, oldest first. */
  auditOf(claimId: string): Promise<AuditEntry[]>;
  /** Appends a review and sets the claim's status to it (updated at the review's time). */
  addReview(review: ReviewRecord): Promise<void>;
  /** The latest review of a claim. */
  latestReview(claimId: string): Promise<ClaimEntry['review']>;

  /** Ledger entries (each with its claim's latest review), documents by date added, then by position. */
  entries(filter: LedgerFilter): Promise<LedgerEntry[]>;
  /** One entry by its id, else the first entry (by position) of the claim of that id. */
  entry(id: string): Promise<LedgerEntry | undefined>;
  /** Entries of a document overlapping `start..end`, by position. */
  inSpan(docId: string, start: number, end: number): Promise<LedgerEntry[]>;
  /** The entries of several spans at once (one read), in the order of `spans`. */
  inSpans(spans: readonly { docId: string; start: number; end: number }[]): Promise<LedgerEntry[][]>;
  /** Number of mentions. */
  count(): Promise<number>;

  /** The mentions of a claim and the reactions about it, in date order (date, date added, document, position). */
  storyMentions(claimId: string, limit: number): Promise<TimelineMentionRecord[]>;
  /** The mentions of one claim, in date order. */
  claimMentions(claimId: string): Promise<TimelineMentionRecord[]>;
  /**
   * With `actorId`, the mentions that actor speaks; else those whose actor name, unnamed source or
   * speaker as named is `name` (case-insensitive); in date order.
   */
  actorMentions(actorId: string | undefined, name: string, limit: number): Promise<TimelineMentionRecord[]>;
  /** The mentions overlapping each span, span after span. */
  mentionsInSpans(spans: readonly { docId: string; start: number; end: number }[]): Promise<SpanMention[]>;
  /** The claim of a mention id, or the claim of that id itself. */
  claimOf(id: string): Promise<string | undefined>;
  /** A claim's kind, and for a statement claim the claim its first reaction with one is about. */
  claimKind(claimId: string): Promise<{ kind: 'event' | 'statement'; aboutId?: string } | undefined>;
  /** Every review of the claims, oldest first. */
  reviewsOf(claimIds: readonly string[]): Promise<TimelineReview[]>;
}

/**
 * Members' watched claims and the outbox of notices. The storage queues a notice for every watcher, in
 * the transaction that changes a claim's status or removes the claim (the watch ends then), except
 * while meta 'ledger_rebuild' is set.
 */
export interface WatchStore {
  isWatching(userId: string, claimId: string): Promise<boolean>;
  /** How many claims a member watches. */
  countOf(userId: string): Promise<number>;
  /** Starts a watch, remembering the claim's current status (nothing when the claim is unknown or already watched). */
  add(watch: { userId: string; claimId: string; channelId?: string; at: string }): Promise<void>;
  /** A member's watches, newest first, each with its claim's status and first statement. */
  list(userId: string): Promise<WatchEntry[]>;
  /** Ends a watch; false when there was none. */
  remove(userId: string, claimId: string): Promise<boolean>;
  /** Notices not yet delivered, the fewest failed attempts first, then the oldest. */
  pending(limit: number): Promise<WatchNotice[]>;
  /** Marks a notice delivered, once (a notice already marked stays as it was). */
  markSent(id: number, to: 'dm' | 'channel', at: string): Promise<void>;
  /** Counts a failed delivery attempt with its error. */
  markFailed(id: number, error: string): Promise<void>;
  outboxCounts(): Promise<{ queued: number; sent: number }>;
}
