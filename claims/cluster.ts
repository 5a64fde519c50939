import type { StanceLabel } from './cues.js';
import type { ExtractedMention, MentionRole } from './extract.js';
import { similarity, type Signature } from './signature.js';

/** A mention already in a cluster, as clustering sees it. */
export interface PlacedMention {
  mentionId: string;
  claimId: string;
  docId: string;
  sig: Signature;
  speakerId?: string;
  role: MentionRole;
  stance: StanceLabel;
  aboutId?: string;
}

/** Where a new mention goes: its claim (an existing cluster or a new one, named after the mention) and what it is about. */
export interface Placement {
  mention: ExtractedMention;
  claimId: string;
  kind: 'event' | 'statement';
  aboutId?: string;
  isNew: boolean;
}

/** Two propositions of one document at least this similar are one claim. */
export const SAME_CLAIM = 0.2;
/** Across documents, a stricter bar: this similar, with at least two content words in common. */
export const SAME_CLAIM_ACROSS = 0.3;
/** A reaction is about an event claim at least this similar to what it names. */
export const ABOUT_CLAIM = 0.12;
/** How many recent mentions per term a new mention is compared with inside one document. */
const TERM_WINDOW = 200;

/**
 * Places the mentions of one document into claims. Assertions and denials join the most similar event
 * claim (in this document or, through `lookup`, in earlier ones); an anaphoric denial ("Kyiv rejected the
 * allegation", "no evidence that any such attack occurred") joins the claim it refers back to. Reactions
 * (condemn, appeal, warn, praise) form statement claims of their speaker and point at the event they are about.
 */
export function placeMentions(mentions: readonly ExtractedMention[], find: (m: ExtractedMention) => PlacedMention[]): Placement[] {
  const cache = new Map<string, PlacedMention[]>();
  const lookup = (m: ExtractedMention) => cache.get(m.id) ?? (cache.set(m.id, m.sig.terms.length ? find(m) : []).get(m.id)!);
  // Events placed so far, and an inverted index term -> their positions: similarity needs a shared term,
  // so only mentions sharing one are compared (each term keeps its latest TERM_WINDOW mentions), which
  // keeps a document of thousands of statements linear instead of quadratic.
  const events: PlacedMention[] = [];
  const byTerm = new Map<string, number[]>();
  const reactions = new Map<string, PlacedMention>();
  const out = new Map<ExtractedMention, Placement>();
  const toPlaced = (m: ExtractedMention, claimId: string, aboutId?: string): PlacedMention => ({
    mentionId: m.id, claimId, docId: m.docId, sig: m.sig, speakerId: m.speaker?.id, role: m.role, stance: m.stance, aboutId,
  });
  const nearby = (sig: Signature): PlacedMention[] => {
    const idx = new Set<number>();
    for (const t of sig.terms) for (const i of byTerm.get(t) ?? []) idx.add(i);
    return [...idx].sort((a, b) => a - b).map((i) => events[i]!);
  };
  for (const m of mentions.filter((x) => x.role !== 'reaction')) {
    let claimId: string | undefined;
    if (m.anaphor?.kind === 'claim') claimId = antecedent(events, m);
    claimId ??= best(m.sig, [...nearby(m.sig), ...lookup(m).filter((p) => p.role !== 'reaction')], SAME_CLAIM, m.docId);
    // "no evidence that any such attack occurred": a denial refers back to the story's claim.
    if (!claimId && m.anaphor && m.role === 'denial') claimId = antecedent(events, m);
    const isNew = !claimId;
    const p = toPlaced(m, claimId ?? m.id);
    for (const t of new Set(m.sig.terms)) {
      const list = byTerm.get(t) ?? [];
      list.push(events.length);
      if (list.length > TERM_WINDOW) list.shift();
      byTerm.set(t, list);
    }
    events.push(p);
    out.set(m, { mention: m, claimId: claimId ?? m.id, kind: 'event', isNew });
  }
  for (const m of mentions.filter((x) => x.role === 'reaction')) {
    let aboutId = m.anaphor ? mainClaim(events) : undefined;
    aboutId ??= best(m.sig, [...nearby(m.sig), ...lookup(m).filter((p) => p.role !== 'reaction')], ABOUT_CLAIM, m.docId);
    const same = (p: PlacedMention) => p.role === 'reaction' && p.speakerId === m.speaker?.id && p.stance === m.stance && !!m.speaker;
    const key = `${m.speaker?.id ?? ''}|${m.stance}`;
    const inDoc = m.speaker ? reactions.get(key) : undefined;
    const earlier = inDoc ? undefined : lookup(m).find((p) => same(p) && (aboutId ? p.aboutId === aboutId : similarity(p.sig, m.sig) >= SAME_CLAIM));
    const claimId = inDoc?.claimId ?? earlier?.claimId;
    aboutId ??= inDoc?.aboutId;
    const p = toPlaced(m, claimId ?? m.id, aboutId);
    if (m.speaker && !reactions.has(key)) reactions.set(key, p);
    out.set(m, { mention: m, claimId: claimId ?? m.id, kind: 'statement', aboutId, isNew: !claimId });
  }
  return mentions.map((m) => out.get(m)!);
}

/** The most similar placed mention's claim, if similar enough. */
function best(sig: Signature, candidates: readonly PlacedMention[], threshold: number, docId?: string): string | undefined {
  let top: { id: string; s: number } | undefined;
  for (const c of candidates) {
    const across = docId !== undefined && c.docId !== docId;
    const s = similarity(sig, c.sig, across ? 2 : 1);
    // Across documents, propositions without an event word ("videos are shown") need to be near copies.
    const bar = !across ? threshold : sig.events.length && c.sig.events.length ? Math.max(threshold, SAME_CLAIM_ACROSS) : 0.5;
    if (s >= bar && (!top || s > top.s)) top = { id: c.claimId, s };
  }
  return top?.id;
}

/**
 * The claim an anaphoric mention refers back to: among the earlier claims of this document asserted by
 * the named party ("Russia's accusations") or by anyone but the speaker, the one with the most mentions
 * (the story's main claim), the latest on a tie.
 */
function antecedent(inDoc: readonly PlacedMention[], m: ExtractedMention): string | undefined {
  const ok = inDoc.filter((p) => p.role === 'assertion' && (m.anaphor?.speaker ? p.speakerId === m.anaphor.speaker : p.speakerId !== m.speaker?.id));
  return mainClaim(ok.length ? ok : inDoc.filter((p) => p.role === 'assertion'), inDoc);
}

function mainClaim(candidates: readonly PlacedMention[], all: readonly PlacedMention[] = candidates): string | undefined {
  const counts = new Map<string, number>();
  for (const p of all) counts.set(p.claimId, (counts.get(p.claimId) ?? 0) + 1);
  let top: { id: string; n: number } | undefined;
  for (const p of candidates) {
    const n = counts.get(p.claimId) ?? 0;
    if (!top || n >= top.n) top = { id: p.claimId, n };
  }
  return top?.id;
}
