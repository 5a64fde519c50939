import type { Gazetteer } from '../claims/actors.js';
import { buildTimeline, type Timeline } from '../claims/timeline.js';
import { actorMentions, claimKind, claimOf, claimsMatching, storyMentions } from '../claims/timeline-store.js';
import type { Store } from '../corpus/store.js';
import { terms } from '../retrieval/question.js';
import { UserError } from './errors.js';

/** What a timeline follows: a story found by its words, one claim, or one actor's statements. */
export type TimelineQuery = { about: string } | { claim: string } | { actor: string };

const MAX_ENTRIES = 500;
/** Claims one `about` story may gather. */
const MAX_CLAIMS = 20;

/** A title for the timeline's picture and embed. */
export function timelineTitle(q: TimelineQuery): string {
  if ('about' in q) return `Timeline: “${q.about.trim().slice(0, 80)}”`;
  if ('claim' in q) return `Timeline of claim ${q.claim.trim().slice(0, 80)}`;
  return `Statements by ${q.actor.trim().slice(0, 80)}`;
}

/** The story claim a ledger id names: the claim itself, or the event a statement claim is about. */
function storyClaim(store: Store, id: string): string {
  const claimId = claimOf(store, id.trim());
  if (!claimId) throw new UserError('CLAIM_NOT_FOUND', { id: id.trim().slice(0, 80) });
  const k = claimKind(store, claimId);
  return k?.kind === 'statement' && k.aboutId ? k.aboutId : claimId;
}

/**
 * The timeline for a query. `about` finds the story claim whose statements (or the reactions about it)
 * contain all of the words' stems, the most matches first; `claim` takes a ledger or claim id; `actor`
 * lists everything one actor said, each entry with the status of the claim it bears on.
 */
export function storyTimeline(store: Store, gazetteer: Gazetteer, q: TimelineQuery): Timeline {
  if ('claim' in q) {
    const story = storyClaim(store, q.claim);
    return buildTimeline(store, storyMentions(store, story, MAX_ENTRIES), gazetteer, [story]);
  }
  if ('about' in q) {
    const stems = terms(q.about);
    if (stems.length === 0) throw new UserError('USAGE', { detail: 'Give some words of the story, for example "drone attack residence".' });
    // The story is every claim whose statements hold the most words, with the reactions about them.
    const need = stems.length <= 2 ? stems.length : Math.ceil(stems.length * 0.6);
    const story = claimsMatching(store, stems, need, MAX_CLAIMS).map((c) => c.claimId);
    if (story.length === 0) throw new UserError('TIMELINE_EMPTY', { what: `the words “${q.about.trim().slice(0, 80)}”` });
    const seen = new Set<string>();
    const ms = story.flatMap((id) => storyMentions(store, id, MAX_ENTRIES)).filter((m) => !seen.has(m.id) && seen.add(m.id)).slice(0, MAX_ENTRIES);
    return buildTimeline(store, ms, gazetteer, story);
  }
  const name = q.actor.trim();
  if (!name) throw new UserError('USAGE', { detail: 'Give an actor, for example Russia.' });
  const actor = gazetteer.resolve(name) ?? gazetteer.find(name, true)[0]?.actor;
  const ms = actorMentions(store, actor?.id, name, MAX_ENTRIES);
  if (ms.length === 0) throw new UserError('TIMELINE_EMPTY', { what: `statements by ${name.slice(0, 80)}` });
  return buildTimeline(store, ms, gazetteer);
}
