import type { ClaimStatus } from '../core/answer.js';
import type { ClaimStore } from '../core/ledger-ports.js';
import type { Gazetteer } from './actors.js';
import { deriveEventStatus, deriveStatementStatus } from './status.js';
import { claimMentions, type TimelineMention, type TimelineReview } from './timeline-store.js';

/** One statement in a timeline: who said what, when, where, and the story's status after it. */
export interface TimelineEntry {
  date: string;
  /** The speaker as named in the source ("the Freedonian foreign ministry", "diplomats"), or the outlet. */
  speaker: string;
  /** Whom the speaker speaks for (the actor of the gazetteer), else the speaker. */
  actor: string;
  stance: string;
  /** The status of the claim this statement bears on, after replaying the statements up to this one. */
  status: ClaimStatus;
  /** Exactly the document's text at start..end. */
  quote: string;
  docId: string;
  start: number;
  end: number;
  title: string;
  publisher?: string;
  url?: string;
  /** The ledger entry and the story claim whose status is shown. */
  id: string;
  claimId: string;
  role: TimelineMention['role'];
}

/** A point where the status changes: after an entry, or a moderator's review. */
export interface StatusPoint { date: string; status: ClaimStatus; by: 'statement' | 'review'; reviewer?: string; note?: string }

/** A story in date order. */
export interface Timeline {
  /** The claims the story is made of, when the timeline follows one (`--claim`, `--about`). */
  claimIds?: string[];
  entries: TimelineEntry[];
  reviews: (TimelineReview & { date: string })[];
  /** Statuses over time, for the picture's band. */
  band: StatusPoint[];
}

/** The story claim a mention bears on: an event claim itself, a reaction's target, else the statement claim. */
export function storyOf(m: Pick<TimelineMention, 'kind' | 'claimId' | 'aboutId'>): string {
  return m.kind === 'event' ? m.claimId : m.aboutId ?? m.claimId;
}

/** The statuses of a story as its own statements accumulate, and the reviews that override them. */
class StatusReplay {
  private constructor(private readonly kind: 'event' | 'statement', private readonly ms: TimelineMention[],
    private readonly ids: Set<string>, private readonly reviews: readonly { claimId: string; status: ClaimStatus; date: string }[]) {}

  static async load(claims: ClaimStore, claimIds: readonly string[], reviews: readonly { claimId: string; status: ClaimStatus; date: string }[]):
  Promise<StatusReplay> {
    const kinds = await Promise.all(claimIds.map(async (id) => (await claims.claimKind(id))?.kind ?? 'event'));
    const kind = kinds.includes('event') ? 'event' : 'statement';
    // One story: the event claims' mentions replayed together (statement claims add no evidence to an event).
    const ids = claimIds.filter((_, i) => kind === 'statement' || kinds[i] === 'event');
    const ms = (await Promise.all(ids.map((id) => claimMentions(claims, id)))).flat().sort(byDate);
    return new StatusReplay(kind, ms, new Set(claimIds), reviews);
  }

  /** The status after `m`: the story's mentions up to and including it (by date, then document and position). */
  after(m: TimelineMention): ClaimStatus {
    const own = this.ms.findIndex((x) => x.id === m.id);
    const prefix = own >= 0 ? this.ms.slice(0, own + 1) : this.ms.filter((x) => byDate(x, m) <= 0);
    const review = this.reviews.filter((r) => this.ids.has(r.claimId) && r.date <= m.date).at(-1);
    return review?.status ?? (this.kind === 'event' ? deriveEventStatus(prefix) : deriveStatementStatus(prefix)).status;
  }
}

function byDate(a: TimelineMention, b: TimelineMention): number {
  return a.date.localeCompare(b.date) || a.docId.localeCompare(b.docId) || a.start - b.start;
}

/**
 * Builds a timeline from mentions in date order. With `story` (the claims one story is made of), every
 * entry shows the story's status after it: the story's own mentions replayed in date order through the
 * ledger's status derivation (`deriveEventStatus`, or `deriveStatementStatus` for a story of statements
 * only). Without it (an actor's statements), each entry shows the status of the claim it bears on, replayed
 * the same way. A moderator's review dated on or before an entry overrides, as it does in the ledger.
 */
export async function buildTimeline(claims: ClaimStore, mentions: readonly TimelineMention[], gazetteer: Gazetteer,
  story?: readonly string[]): Promise<Timeline> {
  const claimIds = story ?? [...new Set(mentions.map(storyOf))];
  const reviews = (await claims.reviewsOf(claimIds)).map((r) => ({ ...r, date: r.at.slice(0, 10) }));
  const replays = new Map<string, StatusReplay>();
  for (const id of story ? [''] : claimIds) replays.set(id, await StatusReplay.load(claims, story ?? [id], reviews));
  const replayOf = (id: string) => replays.get(id)!;
  const entries = [...mentions].sort(byDate).map((m): TimelineEntry => {
    const claimId = storyOf(m);
    // The speaker as named ("Sergey Lavrov"); the actor it speaks for beside it ("Russia").
    const speaker = m.speakerLabel ?? m.speakerName ?? m.publisher ?? 'the outlet';
    const actor = m.speakerId && !m.speakerId.startsWith('~') ? gazetteer.get(m.speakerId)?.name ?? speaker : speaker;
    return {
      date: m.date, speaker, actor, stance: m.stance, status: replayOf(story ? '' : claimId).after(m), quote: m.quote, docId: m.docId,
      start: m.start, end: m.end, title: m.title, ...(m.publisher ? { publisher: m.publisher } : {}), ...(m.url ? { url: m.url } : {}),
      id: m.id, claimId, role: m.role,
    };
  });
  const shownReviews = story ? reviews : [];
  const band: StatusPoint[] = [
    ...entries.map((e) => ({ date: e.date, status: e.status, by: 'statement' as const })),
    ...shownReviews.map((r) => ({ date: r.date, status: r.status, by: 'review' as const, reviewer: r.reviewer, note: r.note })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  return { ...(story ? { claimIds: [...story] } : {}), entries, reviews: shownReviews, band };
}

/** "unverified -> disputed -> corroborated": the statuses a story went through, repeats dropped. */
export function statusPath(t: Pick<Timeline, 'band'>): string {
  const out: string[] = [];
  for (const p of t.band) if (out.at(-1) !== p.status) out.push(p.status);
  return out.join(' -> ');
}
