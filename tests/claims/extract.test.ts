import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Gazetteer } from '../../claims/actors.js';
import { attributeSentences } from '../../claims/attribution.js';
import { extractMentions, mentionId } from '../../claims/extract.js';
import { certaintyOf, hedgeCues, isUncertain } from '../../claims/hedges.js';
import { stanceOf, stanceOfVerb } from '../../claims/stance.js';
import { splitSentences } from '../../corpus/sentences.js';

const g = new Gazetteer();
const seed = readFileSync(new URL('../../corpus/documents/pakistan-condemns-alleged-attack-on-putin-residence.md', import.meta.url), 'utf8');
const text = seed.slice(seed.indexOf('\n---\n') + 5);

function extract(t: string, docSpeaker?: string) {
  return extractMentions('doc', t, attributeSentences(t, splitSentences(t), g, docSpeaker ? g.resolve(docSpeaker) : undefined));
}
const row = (m: ReturnType<typeof extract>[number]) => [m.speaker?.name ?? m.sourceText ?? null, m.stance, m.cameo, m.certainty, m.role];

describe('extractMentions on the bundled article', () => {
  const ms = extract(text);
  const find = (prefix: string) => {
    const m = ms.find((x) => x.text.startsWith(prefix));
    if (!m) throw new Error(`no mention starts with ${prefix}`);
    return m;
  };

  it('GIVEN each statement THEN speaker, CAMEO stance, certainty and role', () => {
    expect(row(find('Pakistan has firmly condemned'))).toEqual(['Pakistan', 'condemn', '111', 'hedged', 'reaction']);
    expect(row(find('Russia accused Ukraine'))).toEqual(['Russia', 'accuse', '1123', 'asserted', 'assertion']);
    expect(row(find('an allegation Kyiv has rejected'))).toEqual(['Ukraine', 'deny', '016', 'denied', 'denial']);
    expect(row(find('Russian Foreign Minister Sergey Lavrov asserted'))).toEqual(['Russia', 'accuse', '1123', 'asserted', 'assertion']);
    expect(row(find('all 91 drones were reportedly shot down'))).toEqual(['Russia', 'statement', '010', 'hedged', 'assertion']);
    expect(row(find('Lavrov warned'))).toEqual(['Russia', 'warn', '130', 'hedged', 'reaction']);
    expect(row(find('The ministry urged'))).toEqual(['Pakistan', 'appeal', '0256', 'asserted', 'reaction']);
    expect(row(find('President Volodymyr Zelensky called'))).toEqual(['Ukraine', 'deny', '016', 'denied', 'denial']);
    expect(row(find('Ukrainian officials stressed'))).toEqual(['Ukraine', 'deny', '016', 'no-evidence', 'denial']);
    expect(row(find('In a related international move'))).toEqual([null, 'report', '-', 'asserted', 'assertion']);
    expect(row(find('As world powers watch closely'))).toEqual(['diplomats', 'appeal', '0256', 'hedged', 'reaction']);
  });

  it('GIVEN a sentence with two speakers or a hedged tail THEN one mention per clause, each quoting the document exactly', () => {
    const lavrov = ms.filter((m) => m.sentenceStart === find('Russian Foreign Minister').sentenceStart);
    expect(lavrov.map((m) => m.text)).toEqual([
      'Russian Foreign Minister Sergey Lavrov asserted on Monday that Ukraine deployed long-range drones targeting President Putin’s residence in the Novgorod region',
      'all 91 drones were reportedly shot down by Russian air defenses with no casualties or confirmed damage.',
    ]);
    for (const m of ms) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(find('Russia accused Ukraine').text).not.toMatch(/^The strong statement/);
  });

  it('GIVEN anaphoric denials THEN they point back to the claim they deny', () => {
    expect(find('Ukraine has roundly rejected').anaphor).toEqual({ kind: 'claim', speaker: 'RUS' });
    expect(find('President Volodymyr Zelensky').anaphor?.kind).toBe('claim');
    expect(find('Ukrainian officials stressed').anaphor?.kind).toBe('event');
  });

  it('GIVEN the same document twice THEN the same mention ids', () => {
    expect(extract(text).map((m) => m.id)).toEqual(ms.map((m) => m.id));
    expect(mentionId('doc', 1, 2)).toMatch(/^c[0-9a-f]{9}$/);
  });
});

describe('stance', () => {
  it('GIVEN "call" THEN appeal, denial or criticism by what follows', () => {
    expect(stanceOf({ lemma: 'call', cueStance: 'appeal', content: 'for restraint on all sides', hasSpeaker: true })).toEqual({ label: 'appeal', code: '0256' });
    expect(stanceOf({ lemma: 'call', cueStance: 'appeal', content: 'the claims a complete fabrication', hasSpeaker: true }).label).toBe('deny');
    expect(stanceOf({ lemma: 'call', cueStance: 'appeal', content: 'Zelenskyy a "dictator"', hasSpeaker: true }).label).toBe('condemn');
  });
  it('GIVEN "rejects the proposal" THEN a rejection (120), not a denial', () => {
    expect(stanceOf({ lemma: 'reject', cueStance: 'deny', content: 'a proposal by his party', hasSpeaker: true })).toEqual({ label: 'reject', code: '120' });
    expect(stanceOf({ lemma: 'reject', cueStance: 'deny', content: 'the accusations', hasSpeaker: true }).label).toBe('deny');
  });
  it('GIVEN a threat of force THEN warn 138; no speaker THEN report', () => {
    expect(stanceOf({ lemma: 'threaten', cueStance: 'warn', content: 'military strikes', hasSpeaker: true })).toEqual({ label: 'warn', code: '138' });
    expect(stanceOf({ content: 'Russia launched three satellites', hasSpeaker: false }).label).toBe('report');
  });
  it('GIVEN question verbs THEN their stance', () => {
    expect(['condemned', 'denied', 'accused', 'called', 'warned', 'welcomed', 'said'].map(stanceOfVerb))
      .toEqual(['condemn', 'deny', 'accuse', 'appeal', 'warn', 'praise', 'statement']);
  });
});

describe('hedges and certainty', () => {
  it('GIVEN distancing, modal and no-evidence cues THEN each is found with its kind', () => {
    const cues = hedgeCues('The alleged strike may have happened, reportedly at night; there is no independent evidence.');
    expect(cues.map((c) => `${c.kind}:${c.cue}`)).toEqual(['distance:alleged', 'modal:may', 'distance:reportedly', 'no-evidence:no independent evidence']);
  });
  it('GIVEN certainty THEN no-evidence beats hedged beats asserted; weasel words alone do not hedge news', () => {
    expect(certaintyOf('Officials said there is no independent evidence.').certainty).toBe('no-evidence');
    expect(certaintyOf('The drones were reportedly shot down.').certainty).toBe('hedged');
    expect(certaintyOf('Some 300 people attended.').certainty).toBe('asserted');
  });
  it('GIVEN a hedge inside a noun phrase or a subordinate clause THEN the outlet\'s main claim stays asserted', () => {
    const m = extract('The Coast Guard seizes the tanker M Sophia for its alleged illegal activities in the Caribbean.')[0]!;
    expect([m.stance, m.certainty]).toEqual(['report', 'asserted']);
    expect(extract('A police officer is reportedly killed during clashes in Malard.')[0]!.certainty).toBe('hedged');
  });
  it('GIVEN weasel sentences THEN isUncertain flags them, plain ones not', () => {
    expect(isUncertain('Some critics argue that the policy is probably a failure.')).toBe(true);
    expect(isUncertain('The bridge was opened in 1932.')).toBe(false);
  });
});

describe('statements in a speaker\'s own document', () => {
  it('GIVEN a speech THEN stance sentences are claims of the speaker, plain ones are not', () => {
    const ms = extract('We condemn the attack on the embassy. Our economy grew by four percent. Iran continues to arm its terror proxies.', 'Israel');
    expect(ms.map((m) => [m.speaker?.id, m.stance])).toEqual([['ISR', 'condemn'], ['ISR', 'accuse']]);
  });
});
