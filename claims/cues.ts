/** The stance a statement takes, after the CAMEO event codes (Schrodt, 2012) used in political event data. */
export type StanceLabel = 'statement' | 'appeal' | 'condemn' | 'accuse' | 'deny' | 'reject' | 'warn' | 'praise' | 'report';

/** CAMEO-style code of each stance (the most specific code is chosen in stance.ts). */
export const STANCE_CODES: Record<StanceLabel, string> = {
  statement: '010', appeal: '020', condemn: '111', accuse: '112', deny: '016', reject: '120', warn: '130', praise: '051',
  report: '-',
};

// Reporting verbs by the stance they usually express; inflections are generated below.
const VERBS: Record<Exclude<StanceLabel, 'report'>, string> = {
  statement: `say state stress emphasize emphasise assert add announce claim insist note argue declare describe express
    reiterate affirm confirm report tell tweet write respond reply explain maintain acknowledge admit suggest indicate
    highlight underline underscore point reveal vow pledge promise predict estimate believe contend recall remark observe
    mention signal comment concede disclose testify inform brief clarify characterize characterise`,
  appeal: 'urge call appeal demand ask request press implore plead invite exhort encourage',
  condemn: 'condemn denounce deplore criticize criticise slam decry censure castigate blast rebuke lambast protest',
  accuse: 'accuse allege blame charge',
  deny: 'deny reject dismiss refute rebut disavow dispute contest',
  reject: 'refuse decline oppose veto',
  warn: 'warn threaten caution',
  praise: 'praise welcome hail commend applaud laud congratulate thank salute',
};

const IRREGULAR: Record<string, string[]> = {
  say: ['said'], tell: ['told'], write: ['wrote', 'written'], point: ['pointed'], thank: ['thanked'],
};

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

const FORMS = new Map<string, { lemma: string; stance: StanceLabel }>();
for (const [stance, list] of Object.entries(VERBS) as [StanceLabel, string][]) {
  for (const lemma of list.trim().split(/\s+/)) {
    for (const f of inflect(lemma)) if (!FORMS.has(f)) FORMS.set(f, { lemma, stance });
  }
}

/** The lemma and usual stance of a reporting verb form ("condemned" -> condemn), or undefined. */
export function cueVerb(word: string): { lemma: string; stance: StanceLabel } | undefined {
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
  const double = /^(?:[^aeiou]*[aeiou][bdgmnprt])$/.test(lemma) && !/(?:w|x|y)$/.test(lemma) && lemma.length <= 4;
  const stem = double ? lemma + lemma.at(-1) : lemma;
  out.push(y ? `${lemma.slice(0, -1)}ies` : /(?:s|sh|ch|x|z)$/.test(lemma) ? `${lemma}es` : `${lemma}s`);
  out.push(y ? `${lemma.slice(0, -1)}ied` : e ? `${lemma}d` : `${stem}ed`);
  out.push(e && !lemma.endsWith('ee') ? `${lemma.slice(0, -1)}ing` : `${stem}ing`);
  return out;
}
