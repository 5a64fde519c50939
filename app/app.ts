import type { Answer, ClaimStatus } from '../core/answer.js';
import type { AuditEntry } from '../core/ledger.js';
import type { ClaimEntry, ClaimFilter, ReviewInput } from '../core/claims.js';
export type { ClaimEntry, ClaimFilter, ReviewInput } from '../core/claims.js';
import type { DocumentInput, DocumentMeta, StoredDocument } from '../core/documents.js';
import type { Config } from './config.js';
import type { FeedbackEntry, FeedbackInput, GapEntry } from '../core/record-ports.js';
export type { FeedbackEntry, FeedbackInput, GapEntry } from '../core/record-ports.js';
import type { Timeline } from '../claims/timeline.js';
import type { TimelineQuery } from './timeline.js';
import type { WatchEntry, WatchNotice, WatchResult } from './watches.js';

/** Context of a follow-up question: the earlier exchange it replies to. */
export interface FollowUp {
  question: string;
  answer?: Answer;
}

/** Options for one question. */
export interface AskOptions {
  followUp?: FollowUp;
  /** Where the question came from, for the question log and stats ('cli', 'discord', 'eval'). */
  channel?: string;
  /** The asker's locales, best first (Discord: the member's, then the server's): used when the question shows no language. */
  locales?: (string | undefined)[];
  /** A language to answer in whatever the question's (the CLI's `--locale`). */
  localeOverride?: string;
}

/** What adding a document did. */
export interface AddResult {
  id: string;
  title: string;
  /** False when identical content was already stored (nothing changed). */
  added: boolean;
  chunks: number;
  /** With CLAIMS_MODE=llm: who extracted the claims, and why the rules did when the model failed. */
  claims?: { by: 'llm' | 'rules'; count: number; fallback?: string };
}

/** Something to add: a loaded document, a file path, a URL, raw bytes (an upload) or pasted text. */
export type AddSource =
  | { kind: 'document'; document: DocumentInput }
  | { kind: 'path'; path: string }
  | { kind: 'url'; url: string }
  | { kind: 'bytes'; bytes: Uint8Array; filename: string; contentType?: string }
  | { kind: 'text'; text: string };

/** A document in listings (no text). */
export type DocumentSummary = Omit<StoredDocument, 'text'> & { chunks: number; chars: number };

/** Figures for `/stats` and `corpus check`. */
export interface Stats {
  documents: number;
  chunks: number;
  claims: number;
  indexSize: number;
  questionsAnswered: number;
  medianLatencyMs: number | null;
}

/**
 * The application as the adapters (CLI, Discord bot) see it. Built by `createApp(config)`;
 * adapters parse input, call these, and render the results.
 */
export interface App {
  readonly config: Config;
  answer(question: string, opts?: AskOptions): Promise<Answer>;
  addDocument(source: AddSource, meta?: DocumentMeta): Promise<AddResult>;
  removeDocument(id: string): Promise<void>;
  listDocuments(): Promise<DocumentSummary[]>;
  reindex(onProgress?: (done: number, total: number) => void): Promise<{ chunks: number; ms: number }>;
  stats(): Promise<Stats>;
  listClaims(filter?: ClaimFilter): Promise<ClaimEntry[]>;
  reviewClaim(input: ReviewInput): Promise<ClaimEntry>;
  /** The audit log of the claim behind a ledger entry (or a claim id), oldest first. */
  claimHistory(id: string): Promise<{ claimId: string; entries: AuditEntry[] }>;
  recordFeedback(input: FeedbackInput): Promise<FeedbackEntry>;
  listFeedback(limit?: number): Promise<FeedbackEntry[]>;
  /** Who said what about one story (or one actor's statements), in date order, with the status after each entry. */
  timeline(query: TimelineQuery): Promise<Timeline>;
  /** Watches claims for a member (ids from an answer or the ledger), at most WATCH_MAX_PER_MEMBER. */
  watchClaims(input: { userId: string; channelId?: string; ids: string[] }): Promise<WatchResult>;
  listWatches(userId: string): Promise<WatchEntry[]>;
  /** False when the member did not watch it. */
  unwatch(userId: string, id: string): Promise<boolean>;
  /** Status changes of watched claims not yet delivered (the outbox). */
  pendingNotices(limit: number): Promise<WatchNotice[]>;
  markNoticeSent(id: number, to: 'dm' | 'channel'): Promise<void>;
  markNoticeFailed(id: number, error: string): Promise<void>;
  /** Questions the bot abstained on, grouped by wording (open ones; closed too with `closed`). */
  listGaps(opts?: { closed?: boolean; limit?: number }): Promise<GapEntry[]>;
  /** Writes the index and closes the store. Safe to call twice. */
  close(): Promise<void>;
}
