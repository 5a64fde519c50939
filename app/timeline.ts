import type { Gazetteer } from '../claims/actors.js';
import { buildTimeline, type Timeline } from '../claims/timeline.js';
import { actorMentions, storyMentions } from '../claims/timeline-store.js';
import type { ClaimStore } from '../core/ledger-ports.js';
import type { StoragePorts } from '../core/ports.js';
import { cachedFrequencies } from '../retrieval/frequencies.js';
import { lexicalQuery, queryWords } from '../retrieval/lexical.js';
import { terms } from '../retrieval/question.js';
import { UserError } from '../core/errors.js';

/** What a timeline follows: a story found by its words, one claim, or one actor's statements. */
export type TimelineQuery = { about: string } | { claim: string } | { actor: string };

const MAX_ENTRIES = 500;
/** Passages the full-text index gives an `about` query. */
const PASSAGES = 300;
/** Claims one `about` story may gather. */
const MAX_CLAIMS = 20;
/**
 * The claims a story of these words is made of: passages found by the full-text index (bounded, like an
 * answer's lexical search), the claims stated in them scored by the words their statements hold, each word
 * weighing its rarity in the corpus; a statement must hold all of one or two words, three fifths of more.
 * The best-scoring claims are the story (ties across documents included); a reaction counts for its target.
 */
async function aboutStory(ports: StoragePorts, about: string): Promise<string[]> {
  const words = queryWords(about);
  const stems = words.map((w) => terms(w)[0]).filter((x): x is string => !!x);
  if (stems.length === 0) throw new UserError('USAGE', { detail: 'Give some words of the story, for example "drone attack residence".' });
  // The bounded query below reads the same words' frequencies: read them once.
  const lexical = cachedFrequencies(ports.lexical, () => 0);
  const df = await lexical.documentFrequencies(words);
  const total = Math.max(1, (await ports.documents.counts()).passages);
  // Bounded like an answer's lexical search (retrieval/lexical.ts): rarest words first, within a row budget.
  const query = await lexicalQuery(about, lexical, total);
  if (!query) return [];
  const chunks = await ports.documents.getPassages((await ports.lexical.search(query, { limit: PASSAGES })).map((h) => h.id));
  const weight = new Map(stems.map((s, i) => [s, Math.log(1 + total / Math.max(1, df[i] ?? 1))]));
  const need = stems.length <= 2 ? stems.length : Math.ceil(stems.length * 0.6);
  const best = new Map<string, number>();
  for (const m of await ports.claims.mentionsInSpans(chunks.map((c) => ({ docId: c.docId, start: c.start, end: c.end })))) {
    const have = new Set(terms(m.text));
    const hit = [...weight.keys()].filter((s) => have.has(s));
    if (hit.length < need) continue;
    const score = hit.reduce((n, s) => n + weight.get(s)!, 0);
    best.set(m.storyId, Math.max(best.get(m.storyId) ?? 0, score));
  }
  const top = Math.max(0, ...best.values());
  return [...best].filter(([, s]) => s >= top - 1e-9 && top > 0).map(([id]) => id).slice(0, MAX_CLAIMS);
}

/** A title for the timeline's picture and embed. */
export function timelineTitle(q: TimelineQuery): string {
  if ('about' in q) return `Timeline: “${q.about.trim().slice(0, 80)}”`;
  if ('claim' in q) return `Timeline of claim ${q.claim.trim().slice(0, 80)}`;
  return `Statements by ${q.actor.trim().slice(0, 80)}`;
}

/** The story claim a ledger id names: the claim itself, or the event a statement claim is about. */
export async function storyClaim(claims: ClaimStore, id: string): Promise<string | undefined> {
  const claimId = await claims.claimOf(id.trim());
  if (!claimId) return undefined;
  const k = await claims.claimKind(claimId);
  return k?.kind === 'statement' && k.aboutId ? k.aboutId : claimId;
}

/**
 * The timeline for a query. `about` finds the story by its words (see `aboutStory`); `claim` takes a ledger
 * or claim id; `actor`
 * lists everything one actor said, each entry with the status of the claim it bears on.
 */
export async function storyTimeline(ports: StoragePorts, gazetteer: Gazetteer, q: TimelineQuery): Promise<Timeline> {
  const { claims } = ports;
  if ('claim' in q) {
    const story = await storyClaim(claims, q.claim);
    if (!story) throw new UserError('CLAIM_NOT_FOUND', { id: q.claim.trim().slice(0, 80) });
    return buildTimeline(claims, await storyMentions(claims, story, MAX_ENTRIES), gazetteer, [story]);
  }
  if ('about' in q) {
    const story = await aboutStory(ports, q.about);
    if (story.length === 0) throw new UserError('TIMELINE_EMPTY', { what: `the words “${q.about.trim().slice(0, 80)}”` });
    const seen = new Set<string>();
    const ms = (await Promise.all(story.map((id) => storyMentions(claims, id, MAX_ENTRIES)))).flat()
      .filter((m) => !seen.has(m.id) && seen.add(m.id)).slice(0, MAX_ENTRIES);
    return buildTimeline(claims, ms, gazetteer, story);
  }
  const name = q.actor.trim();
  if (!name) throw new UserError('USAGE', { detail: 'Give an actor, for example Russia.' });
  const actor = gazetteer.resolve(name) ?? gazetteer.find(name, true)[0]?.actor;
  const ms = await actorMentions(claims, actor?.id, name, MAX_ENTRIES);
  if (ms.length === 0) throw new UserError('TIMELINE_EMPTY', { what: `statements by ${name.slice(0, 80)}` });
  return buildTimeline(claims, ms, gazetteer);
}
