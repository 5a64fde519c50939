import type { Gazetteer } from './actors.js';
import type { Attribution } from './attribution.js';
import { STANCE_CODES, type StanceLabel } from './cues.js';
import { spanMention, type ExtractedMention, type MentionRole } from './extract.js';

/** A claim as a model reported it, already checked to be exactly the document's text at `start..end`. */
export interface ModelClaim {
  start: number;
  end: number;
  speaker?: string;
  stance?: string;
  hedged: boolean;
}

/** The model's stance words (prompts/claims-extract.ts) in the ledger's labels. */
const STANCES: Record<string, StanceLabel> = {
  asserts: 'statement', alleges: 'accuse', denies: 'deny', condemns: 'condemn', 'calls-for': 'appeal', warns: 'warn', reports: 'report',
};
const GENERIC = new Set<StanceLabel>(['statement', 'report']);

/**
 * Merges the claims a model found with the rule-based mentions of the same document. The model decides
 * which sentences are claims; the rules still give every mention its span, signature and cues, so a
 * model claim is either the rule mentions inside it or a new mention of that span. The model can add,
 * never remove, caution: it may mark a claim hedged, give a generic statement a specific stance, or name
 * a speaker the rules missed, and only an actor the sentence itself mentions (or the document's speaker).
 * Rule mentions the model left out are kept when they carry doubt (hedged, denied, accusations), so an
 * allegation cannot become an unmarked passage because a model skipped it.
 */
export function mergeModelClaims(docId: string, text: string, attributions: readonly Attribution[],
  rules: readonly ExtractedMention[], claims: readonly ModelClaim[], gazetteer: Gazetteer): ExtractedMention[] {
  const out: ExtractedMention[] = [];
  const covered = new Set<string>();
  for (const c of claims) {
    const inside = rules.filter((m) => m.start < c.end && c.start < m.end);
    const base = inside.length > 0 ? inside
      : attributions.filter((a) => a.start < c.end && c.start < a.end)
        .map((a) => spanMention(docId, text, a, { start: Math.max(a.start, c.start), end: Math.min(a.end, c.end) }))
        .filter((m) => m.end > m.start);
    for (const m of base) {
      covered.add(m.id);
      const a = attributions.find((x) => x.start <= m.sentenceStart && m.sentenceStart < x.end);
      out.push(adjust(m, c, a, gazetteer));
    }
  }
  for (const m of rules) {
    if (!covered.has(m.id) && (m.certainty !== 'asserted' || m.role === 'denial' || m.stance === 'accuse')) out.push(m);
  }
  const seen = new Set<string>();
  return out.filter((m) => !seen.has(m.id) && seen.add(m.id)).sort((x, y) => x.start - y.start);
}

function adjust(m: ExtractedMention, c: ModelClaim, a: Attribution | undefined, gazetteer: Gazetteer): ExtractedMention {
  const next = { ...m };
  const actor = c.speaker ? gazetteer.resolve(c.speaker) : undefined;
  if (!next.speaker && !next.sourceText && actor && a && (a.speaker?.id === actor.id || a.mentions.some((x) => x.actor.id === actor.id))) {
    next.speaker = actor;
    next.via = 'model';
  }
  const stance = c.stance ? STANCES[c.stance] : undefined;
  if (stance && GENERIC.has(next.stance) && !GENERIC.has(stance) && (next.speaker || next.sourceText)) {
    next.stance = stance;
    next.cameo = STANCE_CODES[stance];
    next.role = roleOf(stance);
    if (next.role === 'denial') next.certainty = next.certainty === 'no-evidence' ? 'no-evidence' : 'denied';
  }
  if (c.hedged && next.certainty === 'asserted') next.certainty = 'hedged';
  return next;
}

function roleOf(stance: StanceLabel): MentionRole {
  if (stance === 'deny') return 'denial';
  return stance === 'statement' || stance === 'accuse' || stance === 'report' ? 'assertion' : 'reaction';
}
