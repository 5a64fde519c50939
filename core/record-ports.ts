/**
 * Ports for what the app records beside the corpus: the question log, feedback on answers and
 * coverage gaps (questions the bot abstained on). Plain data in and out; the adapters live in
 * storage/sqlite and storage/postgres. The grouping of wordings into gaps stays in app/gaps.ts.
 */

/** A user's reaction to an answer. */
export interface FeedbackInput {
  kind: 'up' | 'down' | 'report';
  question: string;
  answerText?: string;
  userId?: string;
  guildId?: string;
  channelId?: string;
  messageId?: string;
  note?: string;
}

/** Stored feedback. */
export interface FeedbackEntry extends FeedbackInput {
  id: number;
  createdAt: string;
}

/** A question (or group of near-identical wordings) the bot could not answer from the corpus. */
export interface GapEntry {
  id: number;
  /** The first wording asked. */
  question: string;
  count: number;
  lastAsked: string;
  /** Distinct wordings asked, the first one first. */
  examples: string[];
  firstAsked: string;
  /** When a later document answered it, and which documents the answer cites. */
  closedAt?: string;
  closedBy?: string[];
}

/** A stored gap with what it is matched by: its key and its sorted content words. */
export interface GapRecord extends GapEntry {
  key: string;
  terms: string[];
}

/** A gap as it is first recorded (asked once, at `askedAt`). */
export interface NewGap {
  key: string;
  terms: string[];
  question: string;
  askedAt: string;
}

/** Questions answered and their median latency (the lower middle value; null when none). */
export interface QuestionStats {
  questionsAnswered: number;
  medianLatencyMs: number | null;
}

/** One answered question in the log: no text, only when, where, whether it abstained and how long it took. */
export interface QuestionLogEntry {
  askedAt: string;
  channel: string;
  abstained: boolean;
  ms: number;
}

/** The question log and feedback. */
export interface RecordStore {
  logQuestion(entry: QuestionLogEntry): Promise<void>;
  /** The median is the value at position floor((n - 1) / 2) of the latencies in ascending order, rounded to 0.1 ms. */
  questionStats(): Promise<QuestionStats>;
  /** Stores feedback as given (the caller bounds the lengths) and returns it with its new id. */
  recordFeedback(entry: FeedbackInput & { createdAt: string }): Promise<FeedbackEntry>;
  /** The most recent feedback first, at most `limit`. */
  listFeedback(limit: number): Promise<FeedbackEntry[]>;
}

/** Coverage gaps. */
export interface GapStore {
  /**
   * The open gap with exactly this key, if any. Inside a transaction, other transactions recording
   * gaps wait until this one ends, so that two processes asking the same question make one gap.
   */
  findOpen(key: string): Promise<GapRecord | undefined>;
  /** Open gaps, the most recently asked first, at most `limit`. */
  recentOpen(limit: number): Promise<GapRecord[]>;
  /** Records a new open gap asked once; returns its id. */
  insert(gap: NewGap): Promise<number>;
  /** Counts one more asking of gap `id` at `askedAt`, with its wordings now `examples`. */
  askedAgain(id: number, askedAt: string, examples: readonly string[]): Promise<void>;
  /** Closes an open gap, recording the documents that answer it; false when it was not open. */
  close(id: number, docIds: readonly string[], closedAt: string): Promise<boolean>;
  /** The most asked first (then the most recently asked); closed ones too with `closed`. */
  list(opts: { closed?: boolean; limit?: number }): Promise<GapEntry[]>;
}
