import { describe, expect, it } from 'vitest';
import { Gazetteer } from '../../claims/actors.js';
import { attributeSentences } from '../../claims/attribution.js';
import { extractMentions } from '../../claims/extract.js';
import { mergeModelClaims, type ModelClaim } from '../../claims/model-claims.js';
import { splitSentences } from '../../corpus/sentences.js';

const g = new Gazetteer();
const NEWS = 'The talks resumed in Geneva on Tuesday after a week of shelling near Kharkiv. Russia said that Ukrainian drones struck a fuel depot in Bryansk. '
  + 'Kyiv allegedly moved troops toward the border, according to unnamed officials. Poland and Ukraine signed a grain agreement in Warsaw. '
  + 'A Ukrainian official said the depot was empty at the time.';

function merge(text: string, claims: (Omit<ModelClaim, 'start' | 'end'> & { of: string })[], docSpeaker?: string) {
  const attributions = attributeSentences(text, splitSentences(text), g, docSpeaker ? g.resolve(docSpeaker) : undefined);
  const rules = extractMentions('doc', text, attributions);
  const model = claims.map(({ of, ...c }) => ({ ...c, start: text.indexOf(of), end: text.indexOf(of) + of.length }));
  const merged = mergeModelClaims('doc', text, attributions, rules, model, g);
  const find = (prefix: string) => merged.find((m) => m.text.startsWith(prefix));
  return { rules, merged, find };
}
const S = (text: string, prefix: string) => text.slice(text.indexOf(prefix), text.indexOf('.', text.indexOf(prefix)) + 1);

describe('merging a model\'s claims with the rule-based mentions', () => {
  it('GIVEN the model lists two sentences THEN the plain report it left out is dropped, the hedged one it left out is kept', () => {
    const { merged, find } = merge(NEWS, [
      { of: S(NEWS, 'Russia said'), speaker: 'Russia', stance: 'alleges', hedged: false },
      { of: S(NEWS, 'Poland and Ukraine'), speaker: 'the outlet', stance: 'reports', hedged: false },
    ]);
    expect(find('The talks resumed')).toBeUndefined();
    // An allegation never disappears because the model skipped it: it stays, still hedged.
    expect(find('Kyiv allegedly')).toMatchObject({ certainty: 'hedged' });
    expect(find('Russia said')).toMatchObject({ speaker: { id: 'RUS' }, certainty: 'asserted' });
    expect(merged.map((m) => m.start)).toEqual([...merged.map((m) => m.start)].sort((a, b) => a - b));
  });

  it('GIVEN the model marks an outlet\'s plain sentence hedged THEN it is hedged; GIVEN it calls a hedged one firm THEN it stays hedged', () => {
    const { find } = merge(NEWS, [
      { of: S(NEWS, 'Poland and Ukraine'), hedged: true },
      { of: S(NEWS, 'Kyiv allegedly'), hedged: false, stance: 'reports' },
    ]);
    expect(find('Poland and Ukraine')).toMatchObject({ certainty: 'hedged' });
    expect(find('Kyiv allegedly')).toMatchObject({ certainty: 'hedged' });
  });

  it('GIVEN the model reads a plain statement as a denial THEN it becomes a denial (the status can only get more cautious)', () => {
    const { rules, find } = merge(NEWS, [{ of: S(NEWS, 'A Ukrainian official'), speaker: 'Ukraine', stance: 'denies', hedged: false }]);
    expect(rules.find((m) => m.text.startsWith('A Ukrainian official'))).toMatchObject({ stance: 'statement', role: 'assertion' });
    expect(find('A Ukrainian official')).toMatchObject({ stance: 'deny', cameo: '016', role: 'denial', certainty: 'denied' });
  });

  it('GIVEN the model names a speaker the sentence never mentions THEN it is ignored; one the rules missed but the sentence names THEN it is used', () => {
    const { find } = merge(NEWS, [
      { of: S(NEWS, 'The talks resumed'), speaker: 'France', stance: 'condemns', hedged: false },
      { of: S(NEWS, 'Poland and Ukraine'), speaker: 'Poland', hedged: false },
      { of: S(NEWS, 'Russia said'), speaker: 'Ukraine', stance: 'denies', hedged: false },
    ]);
    expect(find('The talks resumed')).toMatchObject({ speaker: undefined, via: 'none', stance: 'report' });
    expect(find('Poland and Ukraine')).toMatchObject({ speaker: { id: 'POL' }, via: 'model' });
    // The rules found Russia with its reporting verb: a model's other reading does not replace it.
    expect(find('Russia said')).toMatchObject({ speaker: { id: 'RUS' }, stance: 'accuse' });
  });

  it('GIVEN a statement in a party\'s own document that the rules skip THEN the model\'s claim adds it, in the party\'s voice', () => {
    const text = 'We thank the Secretary-General for his work. The fighting spreads into our whole region within months.';
    const { rules, find } = merge(text, [{ of: S(text, 'The fighting'), stance: 'warns', hedged: false }], 'Pakistan');
    expect(rules.some((m) => m.text.startsWith('The fighting'))).toBe(false);
    expect(find('The fighting')).toMatchObject({ speaker: { id: 'PAK' }, stance: 'warn', cameo: '130', role: 'reaction' });
    expect(find('We thank')).toBeUndefined();
  });
});
