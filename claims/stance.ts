import { STANCE_CODES, type StanceLabel } from './cues.js';

/** A stance with its CAMEO-style code ("condemn", "111"). */
export interface Stance {
  label: StanceLabel;
  code: string;
}

const DENIAL_WORDS = /\b(?:fabricat\w*|lies?|lying|false(?:hood)?|baseless|groundless|unfounded|fake|nonsense|propaganda|hoax|disinformation|misinformation|absurd|untrue|not true|slander\w*|smear|fiction|myth|provocation)\b/i;
const INSULT_WORDS = /\b(?:dictator|terrorists?|criminals?|murderers?|aggressors?|war criminals?|shameful|outrageous|barbaric|disgrace\w*|unacceptable|reckless|irresponsible|illegal|illegitimate|violation|violates?|undermin\w+)\b/i;
const REJECT_OBJECTS = /^(?:(?:the|a|an|this|that|any|all|its|their|his|her)\s+)?(?:[\p{L}-]+\s+){0,2}(?:proposals?|offers?|requests?|ultimatums?|plans?|demands?|calls?|resolutions?|deals?|bids?|invitations?|appeals?|terms|conditions|visas?|entry|access|permission|nominations?|agreements?|discussions?|talks)\b/iu;
const ACCUSE_WORDS = /\b(?:responsib\w+|behind|guilty|complicit|violat\w+|war crimes?|genocid\w*|terror\w*|aggression|sabotag\w+|spy\w*|espionage|interfer\w+|meddl\w+|cover(?:ed)?[- ]up|massacre\w*|kidnap\w*|abduct\w*|deport\w*|illegally|occupied|occupation|atrocit\w+|proxies)\b/i;
const HOSTILE_ACTS = /\b(?:attack\w*|strik\w+|struck|target\w*|bomb\w*|shell\w*|raid\w*|assault\w*|invad\w+|invasion|fir(?:ed|ing) (?:at|on)|kill\w*|launch\w* (?:a |an )?(?:\w+ )?(?:attack|strike|offensive|missiles?|drones?))\b/i;
const REFUSAL = /^\s*(?:it|they|we|he|she|[\p{Lu}][\p{L}.]*)\s+(?:will|would|does|do)\s+not\s+(?:have|hold|negotiate|accept|join|attend|participate|recogni[sz]e|allow|agree|sign|return|extradite|comply)\b|^\s*(?:it|they|we|he|she)\s+(?:refuses?|declines?)\s+to\b/iu;
const OBLIGATION = /\b(?:must|should|ought to|needs? to|have to|has to|call(?:s|ed)? (?:on|for|upon))\b/i;
const DE_ESCALATION = /\b(?:restraint|de-?escalat\w*|ceasefire|cease-fire|truce|calm|peaceful\w*|dialogue|negotiat\w+|diplomac\w+|diplomatic|peace|stop the fighting|end the war|halt\w*|withdraw\w*)\b/i;
const FORCE = /\b(?:strike|strikes|bomb\w*|military|war|nuclear|destroy\w*|retaliat\w+|attack\w*|force)\b/i;
const WARNING = /\b(?:will face|consequences|would respond|will respond|retaliat\w+|could prompt|could lead|risk\w*)\b/i;

// A hostile act the content says did NOT happen ("Ukraine did not target the residence"): never an accusation.
const NEGATED_ACT = new RegExp([
  String.raw`\b(?:did|does|do|had|has|have|was|were|is|are|could|would)\s+(?:not|never)\s+(?:\w+\s+)?(?:target|attack|strike|launch|fire|bomb|shell|carry|order|involv|deploy|send)\w*`,
  String.raw`\bno\s+(?:such\s+)?(?:attack|strike|drone attack|assault|incident)\s+(?:took place|occurred|happened|was carried out)`,
  String.raw`\bthere\s+(?:was|were|has been|had been|is)\s+no\s+(?:such\s+)?(?:attack|strike|assault|incident|drone attack)`,
].join('|'), 'i');
const CONTRADICTS = /\bcontradict\w*|\bdebunk\w*|\bdisprov\w*/i;
// Verbs of a finding: an assessment, an investigation or a study concludes.
const FINDING = new Set(['conclude', 'find', 'determine', 'establish', 'show', 'assess', 'report', 'say', 'state', 'reveal', 'confirm', 'according to']);

/** Inputs of {@link stanceOf}. */
export interface StanceInput {
  /** The cue word's lemma ("call", "reject"), or a statement noun, or undefined for an outlet's own report. */
  lemma?: string;
  /** The stance the cue word usually expresses. */
  cueStance?: StanceLabel;
  /** The reported content. */
  content: string;
  /** True when someone (named or not) speaks; false for the outlet's own report. */
  hasSpeaker: boolean;
  /** The speaker's actor id, the ids of actors named before a hostile act in the content (its agents), and all actors named. */
  speakerId?: string;
  agents?: string[];
  actors?: string[];
  /** A factive cue ("confirmed"): acknowledging a loss is not accusing. */
  factive?: boolean;
  noEvidence?: boolean;
  /** Negated speech ("declined to comment", "did not say"). */
  negated?: boolean;
}

/**
 * The stance of a statement with a CAMEO-style code: the cue word's usual stance, refined by its content.
 * "called the claims a complete fabrication" is a denial (016), "called for restraint" an appeal for
 * de-escalation (0256), "asserted that Ukraine deployed drones targeting ..." an accusation of aggression
 * (1123), "rejected the proposal" a rejection (120) rather than a denial.
 */
export function stanceOf(x: StanceInput): Stance {
  const c = x.content;
  if (!x.hasSpeaker) {
    if (x.noEvidence) return { label: 'no-evidence', code: STANCE_CODES['no-evidence'] };
    return { label: 'report', code: STANCE_CODES.report };
  }
  if (x.negated) return { label: 'decline', code: STANCE_CODES.decline };
  const negatedAct = NEGATED_ACT.test(c);
  if (CONTRADICTS.test(c) && !DENIAL_WORDS.test(c.slice(0, 30)) || (negatedAct && x.lemma && FINDING.has(x.lemma) && !(x.agents ?? []).includes(x.speakerId ?? '\u0000')
    && (x.agents ?? []).length > 0 && x.cueStance === 'statement')) {
    return { label: 'contradict', code: STANCE_CODES.contradict };
  }
  let label: StanceLabel = x.cueStance ?? 'statement';
  const otherAgent = (x.agents ?? []).some((a) => a !== x.speakerId);
  const otherActor = (x.actors ?? []).some((a) => a !== x.speakerId);
  if (x.lemma === 'call' || x.lemma === 'calls') {
    if (/^\s*(?:for|on|upon)\b/i.test(c) || OBLIGATION.test(c)) label = 'appeal';
    else if (DENIAL_WORDS.test(c)) label = 'deny';
    else if (INSULT_WORDS.test(c)) label = 'condemn';
    else label = 'statement';
  } else if (label === 'deny' && REJECT_OBJECTS.test(c) && !/accusation|allegation|claim|report|charge/i.test(c.slice(0, 40))) {
    label = 'reject';
  } else if (label === 'statement') {
    if (x.noEvidence || DENIAL_WORDS.test(c) && /\b(?:claims?|allegations?|accusations?|reports?|charges?|narrative|story)\b/i.test(c)) label = 'deny';
    else if (/^\s*(?:it|they|he|she|we)\s+(?:did|does|do|had|has|was|were)\s+(?:not|no)\s+(?:role|involvement|part|involved|responsible|behind)\b/i.test(c)) label = 'deny';
    else if (REFUSAL.test(c)) label = 'reject';
    // "Ukraine did not target ..." said by Ukraine, or "There was no attack": a denial; said of another party: a plain statement.
    else if (negatedAct) label = (x.agents ?? []).includes(x.speakerId ?? '\u0000') || (x.agents ?? []).length === 0 ? 'deny' : 'statement';
    else if (!x.factive && ((otherAgent && HOSTILE_ACTS.test(c)) || (otherActor && ACCUSE_WORDS.test(c)))) label = 'accuse';
    else if (OBLIGATION.test(c)) label = 'appeal';
    else if (WARNING.test(c) && x.lemma !== 'report') label = 'warn';
  }
  return { label, code: codeOf(label, c) };
}

function codeOf(label: StanceLabel, content: string): string {
  switch (label) {
    case 'appeal': return DE_ESCALATION.test(content) ? '0256' : '020';
    case 'warn': return FORCE.test(content) ? '138' : '130';
    case 'accuse':
      if (/war crimes?|genocid/i.test(content)) return '1124';
      if (/spy|espionage/i.test(content)) return '1125';
      if (/human rights|abuse|tortur/i.test(content)) return '1122';
      if (HOSTILE_ACTS.test(content) || /aggression|invasion|sabotag/i.test(content)) return '1123';
      return '112';
    default: return STANCE_CODES[label];
  }
}

/** The stance meant by a verb in a question ("condemned" -> condemn, "called for" -> appeal), if any. */
export function stanceOfVerb(verb: string): StanceLabel | undefined {
  const v = verb.toLowerCase();
  const table: [RegExp, StanceLabel][] = [
    [/^(?:condemn|denounc|deplor|critici[sz]|slam|decr|censur|blast)/, 'condemn'],
    [/^(?:accus|alleg|blam|charg)/, 'accuse'],
    [/^(?:den(?:y|ie)|reject|dismiss|refut|rebut|disput)/, 'deny'],
    [/^(?:urg|call|appeal|demand|ask|press)/, 'appeal'],
    [/^(?:warn|threat|caution)/, 'warn'],
    [/^(?:prais|welcom|hail|commend|applaud|laud|congratulat|support|back|endors)/, 'praise'],
    [/^(?:refus|declin|oppos|veto)/, 'reject'],
    [/^(?:say|said|state|claim|assert|announc|report|stat)/, 'statement'],
  ];
  return table.find(([re]) => re.test(v))?.[1];
}
