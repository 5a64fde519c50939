/** What a cue does to the certainty of the text around it. */
export type HedgeKind =
  /** The writer keeps a distance from the content: "alleged", "reportedly", "is said to". */
  | 'distance'
  /** Epistemic modality: "may", "possibly", "appears to". */
  | 'modal'
  /** Vague attribution or unsupported generalisation (Wikipedia's "weasel words"): "some say", "critics". */
  | 'weasel'
  /** Explicit absence of confirmation: "no independent evidence", "could not be verified". */
  | 'no-evidence';

/** A hedge or distancing cue found in a text. */
export interface HedgeCue {
  kind: HedgeKind;
  cue: string;
  start: number;
  end: number;
}

/** How certain the content of a statement is presented. */
export type { Certainty } from '../core/ledger.js';
import type { Certainty } from '../core/ledger.js';

const alt = (xs: string[]) => new RegExp(`\\b(?:${xs.join('|')})\\b`, 'gi');

// Tuned on wiki_weasel_train.csv (see bench/claims-eval.ts); the news cues come from the claims README.
const PATTERNS: [HedgeKind, RegExp][] = [
  ['no-evidence', alt([
    'no (?:independent |credible |hard |concrete )?(?:evidence|proof|confirmation)',
    'without (?:providing |offering )?(?:any )?(?:evidence|proof)', 'unconfirmed', 'unverified', 'uncorroborated',
    '(?:could|can|cannot|could not|has not been|have not been|was not|were not) (?:be )?(?:independently )?(?:verified|confirmed)',
    'not (?:been )?independently (?:verified|confirmed)', 'little (?:or no )?evidence',
  ])],
  ['distance', alt([
    'allege[ds]?', 'allegedly', 'allegations?', 'reportedly', 'purported(?:ly)?', 'supposed(?:ly)?', 'so-called',
    '(?:is|are|was|were|been) (?:said|reported|believed|thought|rumou?red|claimed|alleged|understood|suspected) to',
    'it is (?:often |widely |generally |commonly )?(?:said|thought|believed|claimed|argued|rumou?red)',
    'according to', 'claim(?:s|ed)? (?:that|to)', 'suspected', 'apparent(?:ly)?', 'ostensibl[ey]', 'rumou?rs?', 'rumou?red',
  ])],
  ['modal', alt([
    'may', 'might', 'could', 'possibl[ey]', 'perhaps', 'probabl[ey]', 'likely', 'unlikely', 'presumabl[ey]', 'maybe',
    'appears? to', 'appeared to', 'seems?', 'seemed', 'suggest(?:s|ed|ing)?', 'potentially', 'conceivabl[ey]', 'arguabl[ey]',
    'doubtful', 'uncertain', 'unclear', 'unknown', 'questionable', 'speculat(?:e|ed|ion|ive)', 'thought to', 'believed',
    'believes?', 'perceived', 'perception', 'estimated', 'reckoned', 'tends? to', 'in theory', 'theoretically',
    'is expected to', 'are expected to',
  ])],
  ['weasel', alt([
    'some(?! \\d)', 'many(?! \\d)', 'several scholars', 'critics', 'scholars', 'historians', 'experts', 'observers',
    'commentators', 'analysts', 'proponents', 'opponents', 'detractors', 'supporters say', 'most people', 'many people',
    'widely', 'commonly', 'generally', 'often', 'usually', 'largely', 'considered', 'regarded as', 'viewed as', 'seen as',
    'known as one of', 'one of the (?:most|best|finest|greatest|largest)', 'is said', 'are said', 'it is believed',
    'it has been', 'has been (?:described|called|argued|suggested)', 'argue[ds]?', 'arguments?', 'controversial',
    'debated', 'disputed', 'contested', 'famous', 'notable', 'notably', 'well-known', 'renowned', 'acclaimed',
    'prominent', 'certain', 'various', 'numerous', 'countless', 'a number of', 'somewhat', 'relatively', 'essentially',
    'virtually', 'sometimes', 'at times', 'in general', 'accepted', 'popular', 'popularly', 'believe', 'claims?',
    'theory', 'theories', 'attributed', 'is known to', 'noteworthy', 'legendary', 'most important',
  ])],
];

/** Every hedge, distancing, weasel or no-evidence cue in `text`, in order. */
export function hedgeCues(text: string): HedgeCue[] {
  const out: HedgeCue[] = [];
  for (const [kind, re] of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (out.some((c) => start < c.end && c.start < end)) continue;
      out.push({ kind, cue: m[0].toLowerCase(), start, end });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

// Cues too common in plain encyclopedic prose to mark a sentence alone (tuned on wiki_weasel_train.csv):
// two of them, or one with a stronger cue, do.
const WEAK = new Set(('often may usually various popular could possible claims sometimes somewhat numerous commonly largely ' +
  'estimated prominent notably controversial proponents opponents potentially unlikely maybe believe believes historians ' +
  'perceived argues argument arguments rumors rumours rumour allegations claim contested theoretically arguable').split(' ')
  .concat(['according to', 'a number of', 'claims that', 'appear to', 'appears to', 'appeared to', 'claim to', 'claims to',
    'claimed to', 'at times', 'tends to', 'tend to', 'seen as', 'has been described', 'was said to', 'are expected to', 'is expected to']));

/** True when a sentence is uncertain or weasel-worded (the Wikipedia weasel benchmark's notion). */
export function isUncertain(text: string): boolean {
  const cues = hedgeCues(text);
  const weak = cues.filter((c) => WEAK.has(c.cue)).length;
  return cues.length > weak || weak >= 2;
}

/**
 * How certain the content of a statement is: `no-evidence` when the text says nothing confirms it,
 * `hedged` with a distancing or modal cue ("alleged", "reportedly", "may"), otherwise `asserted`.
 * Weasel words alone do not hedge a news sentence ("some 300 people").
 */
export function certaintyOf(text: string): { certainty: Certainty; cues: HedgeCue[] } {
  const cues = hedgeCues(text).filter((c) => c.kind !== 'weasel');
  if (cues.some((c) => c.kind === 'no-evidence')) return { certainty: 'no-evidence', cues };
  if (cues.length > 0) return { certainty: 'hedged', cues };
  return { certainty: 'asserted', cues };
}
