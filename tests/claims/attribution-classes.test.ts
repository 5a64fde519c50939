import { describe, expect, it } from 'vitest';
import { Gazetteer } from '../../claims/actors.js';
import { attributeSentences } from '../../claims/attribution.js';
import { extractMentions } from '../../claims/extract.js';
import { documentRelations, type Relation } from '../../claims/relations.js';
import { splitSentences } from '../../corpus/sentences.js';

// Invented sentences, one describe per class of error seen on real news (issue 11).
const g = new Gazetteer();
const relations = (t: string): Relation[] => documentRelations(t, attributeSentences(t, splitSentences(t), g));
const only = (t: string): Relation => {
  const rs = relations(t);
  expect(rs).toHaveLength(1);
  return rs[0]!;
};

describe('1. sources outside the gazetteer are found', () => {
  it('GIVEN a quote then "Ms Ortiz said" THEN Ortiz speaks the quote, directly', () => {
    const r = only('“We will not accept this,” Ms Ortiz said.');
    expect(r).toMatchObject({ speaker: 'Ortiz', speakerKind: 'person', kind: 'direct', actor: null });
    expect(r.content.text).toBe('We will not accept this');
  });
  it('GIVEN "said Tom Reyes, a historian at the university" THEN Tom Reyes, a person with no state behind him', () => {
    const r = only('The vote was rigged, said Tom Reyes, a historian at the university.');
    expect(r).toMatchObject({ speaker: 'Tom Reyes', speakerKind: 'person', actor: null });
    expect(r.content.text).toBe('The vote was rigged');
  });
  it('GIVEN "Foreign ministry spokesperson Lin Wei told reporters ..." THEN Lin Wei, and the addressee is not the content', () => {
    const r = only('Foreign ministry spokesperson Lin Wei told reporters that the talks would resume on Friday.');
    expect(r).toMatchObject({ speaker: 'Lin Wei', speakerKind: 'person' });
    expect(r.content.text).toBe('the talks would resume on Friday');
    expect(r.source?.text).toBe('Foreign ministry spokesperson Lin Wei');
  });
  it('GIVEN "a senior European diplomat said" THEN an unnamed source, as named', () => {
    expect(only('A senior European diplomat said the plan was dead.')).toMatchObject({ speaker: 'A senior European diplomat', speakerKind: 'unnamed', actor: null });
  });
  it('GIVEN "according to two officials" THEN two officials are the source', () => {
    const r = only('The convoy was turned back at the border, according to two officials.');
    expect(r).toMatchObject({ speaker: 'two officials', speakerKind: 'unnamed' });
    expect(r.content.text).toBe('The convoy was turned back at the border');
  });
  it('GIVEN spans THEN each is the exact text at its offsets', () => {
    const t = '“It is over,” Mr Hale said. Officials in Lima declined to comment.';
    for (const r of relations(t)) {
      for (const s of [r.content, r.source, r.cue]) if (s) expect(t.slice(s.start, s.end)).toBe(s.text);
    }
  });
});

describe('2. persons are kept apart from the countries they may speak for', () => {
  it('GIVEN a titled minister THEN the person speaks, for the state', () => {
    expect(only('Russian Foreign Minister Sergey Lavrov said the talks were over.')).toMatchObject({ speaker: 'Sergey Lavrov', actor: 'Russia', speakerKind: 'person' });
  });
  it('GIVEN "Senator Hale said" THEN Hale, for nobody: a senator is not the government', () => {
    expect(only('Senator Hale said the treaty was a mistake.')).toMatchObject({ speaker: 'Hale', actor: null, speakerKind: 'person' });
  });
  it('GIVEN "the former president said" THEN an unnamed person, not the United States', () => {
    const r = only('The former president said the sanctions had failed.');
    expect(r.actor).toBeNull();
    expect(r.speaker).toMatch(/former president/i);
  });
  it('GIVEN an embassy THEN it speaks for its state; GIVEN an opposition party THEN it does not', () => {
    const t = 'The Kenyan embassy said the visas were valid. The Kenyan opposition said the visas were forged.';
    expect(relations(t).map((r) => r.actor)).toEqual(['Kenya', null]);
  });
});

describe('3. coreference follows the text', () => {
  it('GIVEN a named person who is in no gazetteer THEN "he" is that person, not the last leader of the gazetteer', () => {
    const t = 'Vladimir Putin met envoys in Moscow. Later, analyst Tom Reyes spoke to the press. He said the meeting changed nothing.';
    expect(relations(t).at(-1)).toMatchObject({ speaker: 'Tom Reyes', via: 'coreference' });
  });
  it('GIVEN "the ministry" right after Kenya\'s foreign ministry THEN Kenya\'s, not another country\'s', () => {
    const t = 'Uganda\'s president criticised the vote. Kenya\'s foreign ministry said the vote was fair. The ministry added that observers agreed.';
    expect(relations(t).at(-1)).toMatchObject({ actor: 'Kenya', via: 'coreference' });
  });
  it('GIVEN "she" after a man and a woman THEN the woman (gender from the honorific)', () => {
    const t = 'Mr Diaz and Ms Ortiz met on Monday. She said the deal was close.';
    expect(relations(t).at(-1)).toMatchObject({ speaker: 'Ortiz' });
  });
});

describe('4. gazetteer collisions', () => {
  it('GIVEN persons named like a capital or a country THEN persons', () => {
    expect(only('Sofia Marin said the port would reopen.')).toMatchObject({ speaker: 'Sofia Marin', actor: null, speakerKind: 'person' });
    expect(only('Chad Moore said the port would reopen.')).toMatchObject({ speaker: 'Chad Moore', actor: null, speakerKind: 'person' });
  });
  it('GIVEN a surname that is a capital, once the person is named THEN still the person', () => {
    const t = 'Valeska Paris left the ship in 2007. Paris says she was held against her will.';
    expect(relations(t).at(-1)).toMatchObject({ speaker: 'Valeska Paris', actor: null });
  });
  it('GIVEN "American regulators" THEN the United States, not a territory sharing the demonym', () => {
    expect(only('American regulators said the merger was blocked.').actor).toBe('United States');
  });
  it('GIVEN "the Moscow Times reported" THEN an outlet, not Russia', () => {
    expect(only('The Moscow Times reported that the governor had resigned.')).toMatchObject({ speakerKind: 'outlet', actor: null });
  });
  it('GIVEN "member states" and "the Indian state of Haryana" THEN "states" and "state" are nouns', () => {
    expect(relations('Leaders of the member states of the African Union elect a new chair.')).toHaveLength(0);
    expect(relations('A missile is intercepted over Sirsa in the Indian state of Haryana.')).toHaveLength(0);
  });
  it('GIVEN "press secretary" THEN "press" is no reporting verb', () => {
    const rs = relations('White House press secretary Anna Lee said the trip was off.');
    expect(rs.map((r) => r.cue?.text)).toEqual(['said']);
    expect(rs[0]).toMatchObject({ speaker: 'Anna Lee', actor: 'United States' });
  });
});

describe('5. the cue lexicon', () => {
  it('GIVEN "admitted" THEN a cue (the inflection is right)', () => {
    expect(only('The minister admitted that the figures were wrong.').cue?.text).toBe('admitted');
  });
  it.each(['showed', 'found', 'insisted', 'stressed', 'noted', 'told the BBC', 'added', 'believes'])('GIVEN "%s" THEN a cue', (verb) => {
    const r = relations(`The mayor ${verb} that the bridge was unsafe.`);
    expect(r.map((x) => x.cue?.text)).toEqual([verb.split(' ')[0]]);
  });
  it('GIVEN "want" with an object THEN no statement; with a clause THEN one', () => {
    expect(relations('The farmers want more water.')).toHaveLength(0);
  });
});

describe('6. content is not clipped to what follows the verb', () => {
  it('GIVEN "“…,” Mr Hale said in Naples, Florida." THEN the quote is the content', () => {
    const r = only('“The storm is the worst in a decade,” Mr Hale said in Naples, Florida.');
    expect(r.content.text).toBe('The storm is the worst in a decade');
  });
  it('GIVEN a quote over several sentences THEN one relation with all of it', () => {
    const r = only('“We lost everything. The water came at night,” said Ana Ruiz.');
    expect(r.content.text).toBe('We lost everything. The water came at night');
  });
  it('GIVEN an interrupted quote THEN its two parts', () => {
    const r = only('“This is not over,” he said, “and we will appeal.”');
    expect(r.content_parts?.map((p) => p.text)).toEqual(['This is not over', 'and we will appeal.']);
  });
});

describe('3b. several parties in one story keep their own words', () => {
  const t = 'The Russian Defence Ministry said 91 drones were shot down, while Ukraine\'s air force said it had launched only 40 drones. '
    + '“There was no attack,” Ukrainian Foreign Minister Andrii Sybiha wrote. “This is another lie.”';
  it('GIVEN each side\'s figure THEN each is given to its own side', () => {
    const rs = relations(t);
    expect(rs.slice(0, 2).map((r) => [r.actor, r.content.text])).toEqual([['Russia', '91 drones were shot down'], ['Ukraine', 'it had launched only 40 drones']]);
  });
  it('GIVEN a quotation going on in a sentence of its own THEN the same statement, one relation in two parts, and a denial', () => {
    const r = relations(t)[2]!;
    expect(r).toMatchObject({ speaker: 'Andrii Sybiha', actor: 'Ukraine', stance: 'deny' });
    expect(r.content_parts?.map((p) => p.text)).toEqual(['There was no attack', 'This is another lie']);
    const ms = extractMentions('d', t, attributeSentences(t, splitSentences(t), g));
    expect(ms.find((m) => m.text.startsWith('“This is another lie'))).toMatchObject({ speakerName: 'Andrii Sybiha', speaker: { id: 'UKR' } });
  });
});

describe('7. contradiction, absence of evidence and negated speech', () => {
  it('GIVEN "according to an intelligence assessment, Ukraine did not target ..." THEN a contradiction', () => {
    expect(only('According to a US intelligence assessment, Ukraine did not target the residence.')).toMatchObject({ stance: 'contradict' });
  });
  const t = 'Russia accused Ukraine of targeting the residence. The agency concluded that Ukraine did not target the residence, contradicting the Kremlin\'s claims. '
    + 'No evidence has been provided. The governor declined to comment.';
  const ms = extractMentions('d', t, attributeSentences(t, splitSentences(t), g));
  it('GIVEN an assessment against the claim THEN a contradiction (a denial for the status), never an accusation', () => {
    const m = ms.find((x) => x.text.startsWith('The agency concluded'))!;
    expect(m).toMatchObject({ stance: 'contradict', role: 'denial' });
  });
  it('GIVEN "No evidence has been provided" THEN absence of evidence, not a fact reported', () => {
    expect(ms.find((x) => x.text.startsWith('No evidence'))).toMatchObject({ stance: 'no-evidence', certainty: 'no-evidence' });
  });
  it('GIVEN "declined to comment" THEN negated speech: no statement of the governor', () => {
    const r = relations(t).find((x) => x.speaker === 'The governor')!;
    expect(r).toMatchObject({ negated: true, stance: 'decline' });
    expect(ms.find((x) => x.text.startsWith('The governor'))).toMatchObject({ role: 'reaction', stance: 'decline' });
  });
});

describe('8. an outlet\'s analysis is not the party\'s statement', () => {
  it('GIVEN "Pakistan\'s condemnation reflects Islamabad\'s consistent call ..." THEN no statement by Pakistan', () => {
    expect(relations('Pakistan’s condemnation reflects Islamabad’s consistent call for peaceful resolution of conflicts.')).toHaveLength(0);
  });
  it('GIVEN "Pakistan\'s condemnation of the strike" THEN Pakistan\'s statement', () => {
    expect(only('Pakistan’s condemnation of the strike was swift.')).toMatchObject({ actor: 'Pakistan' });
  });
});
