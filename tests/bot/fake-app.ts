import type {
  AddResult,
  AddSource,
  App,
  AskOptions,
  ClaimEntry,
  ClaimFilter,
  DocumentSummary,
  FeedbackEntry,
  FeedbackInput,
  ReviewInput,
  Stats,
} from '../../app/app.js';
import type { Config } from '../../app/config.js';
import type { GapEntry } from '../../app/app.js';
import type { WatchEntry, WatchNotice, WatchResult } from '../../app/watches.js';
import type { TimelineQuery } from '../../app/timeline.js';
import type { Timeline } from '../../claims/timeline.js';
import type { Answer } from '../../core/answer.js';
import type { DocumentMeta } from '../../core/documents.js';

const QUOTE_1 =
  'Pakistan has firmly condemned the alleged attack on Russian President Vladimir Putin residence, calling for de-escalation and respect for diplomatic talks.';
const QUOTE_2 = 'Russia accused Ukraine of attempting to strike one of Putin’s state residences in northern Russia, an allegation Kyiv has rejected as fabricated.';

/** A cited answer in the shape the real app returns, about the running example. */
export function sampleAnswer(question: string, overrides: Partial<Answer> = {}): Answer {
  return {
    question,
    answer: 'Pakistan condemned the alleged attack on President Putin’s residence [1]. Russia accused Ukraine; Kyiv rejected the allegation as fabricated [2].',
    citations: [
      { n: 1, docId: 'pakistan-condemns', title: 'Pakistan condemns alleged attack on Putin residence', publisher: 'The Neutral', published: '2025-12-30', url: 'https://theneutral.pk/pakistan-condemns', quote: QUOTE_1, start: 0, end: QUOTE_1.length },
      { n: 2, docId: 'pakistan-condemns', title: 'Pakistan condemns alleged attack on Putin residence', publisher: 'The Neutral', published: '2025-12-30', url: 'https://theneutral.pk/pakistan-condemns', quote: QUOTE_2, start: 200, end: 200 + QUOTE_2.length },
    ],
    claims: [
      { id: 'c-attack', text: 'Ukraine attacked Putin’s residence with drones', speaker: 'Russia', stance: 'alleges', status: 'disputed', citations: [2] },
      { id: 'c-condemn', text: 'Pakistan condemned the alleged attack', speaker: 'Pakistan', stance: 'condemns', status: 'reported', citations: [1] },
    ],
    abstained: false,
    mode: 'extractive',
    timings: { total: 5 },
    ...overrides,
  };
}

/** An in-memory `App` that records every call; `answerWith` decides the answers. */
export class FakeApp implements App {
  readonly calls: { method: string; args: unknown[] }[] = [];
  readonly feedback: FeedbackEntry[] = [];
  readonly added: { source: AddSource; meta?: DocumentMeta }[] = [];
  answerWith: (question: string, opts?: AskOptions) => Answer | Promise<Answer> = (q) => sampleAnswer(q);
  closed = 0;

  constructor(readonly config: Config) {}

  async answer(question: string, opts?: AskOptions): Promise<Answer> {
    this.calls.push({ method: 'answer', args: [question, opts] });
    return this.answerWith(question, opts);
  }
  async addDocument(source: AddSource, meta?: DocumentMeta): Promise<AddResult> {
    this.calls.push({ method: 'addDocument', args: [source, meta] });
    this.added.push({ source, ...(meta ? { meta } : {}) });
    return { id: 'doc-1', title: meta?.title ?? 'Untitled', added: true, chunks: 3 };
  }
  async removeDocument(id: string): Promise<void> {
    this.calls.push({ method: 'removeDocument', args: [id] });
  }
  async listDocuments(): Promise<DocumentSummary[]> {
    return [];
  }
  async reindex(): Promise<{ chunks: number; ms: number }> {
    return { chunks: 10, ms: 12 };
  }
  async stats(): Promise<Stats> {
    return { documents: 1, chunks: 3, claims: 2, indexSize: 3, questionsAnswered: 4, medianLatencyMs: 20 };
  }
  async listClaims(filter?: ClaimFilter): Promise<ClaimEntry[]> {
    this.calls.push({ method: 'listClaims', args: [filter] });
    return [{ id: 'c-attack', text: 'Ukraine attacked Putin’s residence', speaker: 'Russia', status: 'disputed', docId: 'd', start: 0, end: 10 }];
  }
  async reviewClaim(input: ReviewInput): Promise<ClaimEntry> {
    this.calls.push({ method: 'reviewClaim', args: [input] });
    return { id: input.claimId, text: 'x', status: input.status, docId: 'd', start: 0, end: 1, review: { ...input, at: new Date().toISOString() } };
  }
  async claimHistory(id: string): Promise<{ claimId: string; entries: [] }> {
    this.calls.push({ method: 'claimHistory', args: [id] });
    return { claimId: id, entries: [] };
  }
  async recordFeedback(input: FeedbackInput): Promise<FeedbackEntry> {
    const e = { ...input, id: this.feedback.length + 1, createdAt: new Date().toISOString() };
    this.feedback.push(e);
    return e;
  }
  async listFeedback(limit = 20): Promise<FeedbackEntry[]> {
    return this.feedback.slice(-limit).reverse();
  }
  timelineWith: (q: TimelineQuery) => Timeline = () => ({ entries: [], reviews: [], band: [] });
  async timeline(q: TimelineQuery): Promise<Timeline> {
    this.calls.push({ method: 'timeline', args: [q] });
    return this.timelineWith(q);
  }
  watches: { userId: string; channelId?: string; claimId: string }[] = [];
  notices: WatchNotice[] = [];
  sent: { id: number; to: 'dm' | 'channel' }[] = [];
  async watchClaims(input: { userId: string; channelId?: string; ids: string[] }): Promise<WatchResult> {
    this.calls.push({ method: 'watchClaims', args: [input] });
    const added = input.ids.filter((id) => !this.watches.some((w) => w.userId === input.userId && w.claimId === id));
    for (const claimId of added) this.watches.push({ userId: input.userId, ...(input.channelId ? { channelId: input.channelId } : {}), claimId });
    const total = this.watches.filter((w) => w.userId === input.userId).length;
    return { added: added.map((claimId) => ({ claimId, text: 'x', status: 'disputed', watchedAt: new Date().toISOString() })), already: input.ids.length - added.length, total, limit: 25 };
  }
  async listWatches(userId: string): Promise<WatchEntry[]> {
    return this.watches.filter((w) => w.userId === userId).map((w) => ({ claimId: w.claimId, text: 'x', status: 'disputed', watchedAt: '2026-01-01T00:00:00Z' }));
  }
  async unwatch(userId: string, id: string): Promise<boolean> {
    const before = this.watches.length;
    this.watches = this.watches.filter((w) => !(w.userId === userId && w.claimId === id));
    return this.watches.length < before;
  }
  async pendingNotices(limit: number): Promise<WatchNotice[]> {
    return this.notices.filter((n) => !this.sent.some((s) => s.id === n.id)).slice(0, limit);
  }
  async markNoticeSent(id: number, to: 'dm' | 'channel'): Promise<void> {
    this.sent.push({ id, to });
  }
  async markNoticeFailed(id: number): Promise<void> {
    const n = this.notices.find((x) => x.id === id);
    if (n) n.attempts += 1;
  }
  gaps: GapEntry[] = [];
  async listGaps(opts?: { closed?: boolean; limit?: number }): Promise<GapEntry[]> {
    this.calls.push({ method: 'listGaps', args: [opts] });
    return this.gaps.slice(0, opts?.limit ?? this.gaps.length);
  }
  async close(): Promise<void> {
    this.closed += 1;
  }
}
