/** The stance a statement takes, after the CAMEO event codes (Schrodt, 2012) used in political event data. */
export type StanceLabel = 'statement' | 'appeal' | 'condemn' | 'accuse' | 'deny' | 'reject' | 'warn' | 'praise' | 'report'
  /** An independent finding against a claim ("concluded that Ukraine did not target the residence"). */
  | 'contradict'
  /** The text says that no evidence supports a claim ("no evidence has been provided"). */
  | 'no-evidence'
  /** Negated speech: "declined to comment", "did not say". */
  | 'decline';

/** CAMEO-style code of each stance (the most specific code is chosen in stance.ts). */
export const STANCE_CODES: Record<StanceLabel, string> = {
  statement: '010', appeal: '020', condemn: '111', accuse: '112', deny: '016', reject: '120', warn: '130', praise: '051',
  report: '-', decline: '011',
  // Not CAMEO codes (CAMEO has no code for them): a contradiction and an absence of evidence.
  contradict: 'X1', 'no-evidence': 'X2',
};

// Reporting verbs by the stance they usually express; inflections are generated below.
const VERBS: Record<Exclude<StanceLabel, 'report' | 'contradict' | 'no-evidence' | 'decline'>, string> = {
  statement: `say state stress emphasize emphasise assert add announce claim insist note argue declare describe express
    reiterate affirm confirm report tell tweet write respond reply explain maintain acknowledge admit suggest indicate
    highlight underline underscore point reveal vow pledge promise predict estimate contend remark observe
    mention signal comment concede disclose testify inform brief clarify characterize characterise conclude
    recount quote tweet email
    speculate theorize theorise calculate argue lament complain boast joke quip muse rule`,
  appeal: 'urge call appeal demand ask request press implore plead invite exhort encourage',
  condemn: 'condemn denounce deplore criticize criticise slam decry censure castigate blast rebuke lambast protest',
  accuse: 'accuse allege blame charge',
  deny: 'deny reject dismiss refute rebut disavow dispute contest',
  reject: 'refuse decline oppose veto',
  warn: 'warn threaten caution',
  praise: 'praise welcome hail commend applaud laud congratulate thank salute',
};

const IRREGULAR: Record<string, string[]> = {
  say: ['said'], tell: ['told'], write: ['wrote', 'written'], point: ['pointed'], thank: ['thanked'], show: ['shown'],
  find: ['found'], hear: ['heard'], think: ['thought'], know: ['knew', 'known'], mean: ['meant'], feel: ['felt'],
  understand: ['understood'], learn: ['learnt'],
};
// Verbs whose final consonant doubles before -ed and -ing (stress on the last syllable).
const DOUBLING = new Set(('admit commit submit permit omit emit transmit regret refer prefer confer infer rebut compel propel ' +
  'expel control patrol blog chat nod plan stop').split(' '));
// Verbs of belief and knowledge: they report a clause ("I think that ...", "she knew it was over"), never an object alone.
const WEAK = new Set(('think believe know mean feel want hope fear expect suspect doubt guess suppose understand anticipate assume imagine ' +
  'realize realise wish show find determine establish learn hear notice remember recall').split(' '));

/** Nouns that name a statement ("Pakistan's condemnation", "warnings from the embassy"), with their stance. */
export const CUE_NOUNS: Record<string, StanceLabel> = {
  statement: 'statement', statements: 'statement', remarks: 'statement', comments: 'statement', position: 'statement',
  response: 'statement', reaction: 'statement', view: 'statement', announcement: 'statement', claim: 'statement',
  claims: 'statement', assertion: 'statement', assertions: 'statement',
  condemnation: 'condemn', criticism: 'condemn', call: 'appeal', calls: 'appeal', appeal: 'appeal', appeals: 'appeal',
  demand: 'appeal', demands: 'appeal', denial: 'deny', denials: 'deny', rejection: 'deny', accusation: 'accuse',
  accusations: 'accuse', allegation: 'accuse', allegations: 'accuse', warning: 'warn', warnings: 'warn',
  threat: 'warn', threats: 'warn', praise: 'praise',
};

const FORMS = new Map<string, { lemma: string; stance: StanceLabel; weak: boolean }>();
for (const [stance, list] of Object.entries(VERBS) as [StanceLabel, string][]) {
  for (const lemma of list.trim().split(/\s+/)) {
    for (const f of inflect(lemma)) if (!FORMS.has(f)) FORMS.set(f, { lemma, stance, weak: false });
  }
}
for (const lemma of WEAK) for (const f of inflect(lemma)) if (!FORMS.has(f)) FORMS.set(f, { lemma, stance: 'statement', weak: true });

/** The lemma and usual stance of a reporting verb form ("condemned" -> condemn), or undefined. `weak`: a verb of belief. */
export function cueVerb(word: string): { lemma: string; stance: StanceLabel; weak: boolean } | undefined {
  return FORMS.get(word.toLowerCase());
}

/** Lemma of a verb form when it is a reporting verb, else the word itself lower-cased. */
export function lemmaOf(word: string): string {
  return FORMS.get(word.toLowerCase())?.lemma ?? word.toLowerCase();
}

function inflect(lemma: string): string[] {
  const out = [lemma, ...(IRREGULAR[lemma] ?? [])];
  const e = lemma.endsWith('e');
  const y = /[^aeiou]y$/.test(lemma);
  const double = DOUBLING.has(lemma);
  const stem = double ? lemma + lemma.at(-1) : lemma;
  out.push(y ? `${lemma.slice(0, -1)}ies` : /(?:s|sh|ch|x|z)$/.test(lemma) ? `${lemma}es` : `${lemma}s`);
  out.push(y ? `${lemma.slice(0, -1)}ied` : e ? `${lemma}d` : `${stem}ed`);
  out.push(e && !lemma.endsWith('ee') ? `${lemma.slice(0, -1)}ing` : `${stem}ing`);
  return out;
}
