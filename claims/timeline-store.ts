import type { ClaimStore, TimelineMentionRecord } from '../core/ledger-ports.js';
import type { TimelineMention } from '../core/ledger.js';
import { statusMentionOf } from './status.js';

export type { TimelineMention, TimelineReview } from '../core/ledger.js';

/** A stored mention as a timeline reads it: status resolution's reading of it beside where and when. */
function toMention(r: TimelineMentionRecord): TimelineMention {
  const { role, certainty, speakerId, speakerName, sourceText, sources, text, factive, ...rest } = r;
  return {
    ...rest, ...(sourceText ? { sourceText } : {}),
    ...statusMentionOf({ role, certainty, speakerId, speakerName, sourceText, sources, text, factive }),
  };
}

/** The mentions of a story claim: its own, and the reactions about it, in date order. */
export async function storyMentions(claims: ClaimStore, claimId: string, limit = 500): Promise<TimelineMention[]> {
  return (await claims.storyMentions(claimId, limit)).map(toMention);
}

/** The mentions of one claim only (what its status is derived from), in date order. */
export async function claimMentions(claims: ClaimStore, claimId: string): Promise<TimelineMention[]> {
  return (await claims.claimMentions(claimId)).map(toMention);
}

/**
 * Mentions whose speaker is the actor (by id, through the speaker index), else, for a name the gazetteer
 * does not know, whose speaker or unnamed source is named so; in date order.
 */
export async function actorMentions(claims: ClaimStore, actorId: string | undefined, name: string, limit = 500): Promise<TimelineMention[]> {
  return (await claims.actorMentions(actorId, name, limit)).map(toMention);
}
