import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Gazetteer } from '../../claims/actors.js';
import { attributeSentences, type Attribution } from '../../claims/attribution.js';
import { DocumentMentions } from '../../claims/person-links.js';
import { splitSentences } from '../../corpus/sentences.js';

const g = new Gazetteer();
const seed = readFileSync(new URL('../../corpus/documents/pakistan-condemns-alleged-attack-on-putin-residence.md', import.meta.url), 'utf8');
const text = seed.slice(seed.indexOf('\n---\n') + 5);

function attribute(t: string, docSpeaker?: string): { t: string; attrs: Attribution[] } {
  return { t, attrs: attributeSentences(t, splitSentences(t), g, docSpeaker ? g.resolve(docSpeaker) : undefined) };
}

function speakerOf(prefix: string, t = text, docSpeaker?: string): string | undefined {
  const { attrs } = attribute(t, docSpeaker);
  const a = attrs.find((x) => t.slice(x.start, x.end).startsWith(prefix));
  if (!a) throw new Error(`no sentence starts with ${prefix}`);
  return a.speaker?.name;
}

describe('attributeSentences on the bundled article', () => {
  it('GIVEN "Pakistan has firmly condemned" THEN Pakistan speaks', () => {
    expect(speakerOf('Islamabad, Pakistan — Pakistan has firmly condemned')).toBe('Pakistan');
  });
  it('GIVEN a titled person before the verb THEN the person\'s country speaks', () => {
    expect(speakerOf('Russian Foreign Minister Sergey Lavrov asserted')).toBe('Russia');
  });
  it('GIVEN "The ministry urged" right after Pakistan\'s ministry spoke THEN the coreference resolves to Pakistan', () => {
    const { attrs } = attribute(text);
    const a = attrs.find((x) => text.slice(x.start, x.end).startsWith('The ministry urged'))!;
    expect(a.speaker?.name).toBe('Pakistan');
    expect(a.via).toBe('coreference');
    expect(a.cue).toBe('urged');
  });
  it('GIVEN "Russia accused Ukraine" THEN the accuser, not the accused, speaks', () => {
    expect(speakerOf('The strong statement comes after Russia accused Ukraine')).toBe('Russia');
  });
  it('GIVEN "an allegation Kyiv has rejected" THEN the capital stands for Ukraine as a second speaker of the sentence', () => {
    const { attrs } = attribute(text);
    const a = attrs.find((x) => text.slice(x.start, x.end).startsWith('The strong statement'))!;
    expect(a.events.filter((e) => !e.secondary).map((e) => [e.speaker?.name, e.cue])).toEqual([['Russia', 'accused'], ['Ukraine', 'rejected']]);
    expect(a.mentions.find((m) => m.surface === 'Kyiv')?.via).toBe('capital');
  });
  it('GIVEN a president of Ukraine THEN Ukraine speaks', () => {
    expect(speakerOf('President Volodymyr Zelensky called the claims')).toBe('Ukraine');
  });
  it('GIVEN a report with no speaker THEN nobody is attributed', () => {
    expect(speakerOf('The incident has also drawn global attention')).toBeUndefined();
  });
  it('GIVEN "…, calling for de-escalation" THEN a secondary event of the same speaker', () => {
    const { attrs } = attribute(text);
    const ev = attrs[0]!.events;
    expect(ev.map((e) => [e.speaker?.id, e.cue, e.secondary])).toEqual([['PAK', 'condemned', false], ['PAK', 'calling', true]]);
  });
  it('GIVEN unnamed diplomats THEN an unnamed source, not an actor', () => {
    const { attrs } = attribute(text);
    const a = attrs.at(-1)!;
    expect(a.speaker).toBeUndefined();
    expect(a.events[0]?.sourceText).toBe('diplomats');
  });
});

describe('attribution patterns', () => {
  it('GIVEN direct speech with an inverted reporting clause THEN the quote is the content', () => {
    const t = '“We will respond to any provocation,” said Lavrov. He added that talks were over.';
    const { attrs } = attribute(t);
    expect(attrs[0]!.speaker?.id).toBe('RUS');
    const e = attrs[0]!.events[0]!;
    expect(e.mode).toBe('direct');
    expect(t.slice(e.content.start, e.content.end)).toBe('We will respond to any provocation');
    expect(attrs[1]!.speaker?.id).toBe('RUS');
    expect(attrs[1]!.via).toBe('coreference');
  });

  it('GIVEN "he added" long after the speaker THEN no coreference across the window', () => {
    const t = 'Lavrov said talks were over. Markets fell. Oil rose. Gold rose. Bonds fell. He added that nothing had changed.';
    const { attrs } = attribute(t);
    expect(attrs[5]!.speaker).toBeUndefined();
  });

  it('GIVEN "according to X" at either end THEN X speaks and the rest is the content', () => {
    const t = 'According to the Kremlin, the talks will resume. The drones were shot down, according to Ukraine.';
    const { attrs } = attribute(t);
    expect(attrs.map((a) => [a.speaker?.id, a.cue])).toEqual([['RUS', 'according to'], ['UKR', 'according to']]);
    const e = attrs[1]!.events[0]!;
    expect(t.slice(e.content.start, e.content.end)).toBe('The drones were shot down');
  });

  it('GIVEN a post-posed reporting clause THEN the content is what precedes it', () => {
    const t = 'North Korea has sent 3,000 more soldiers to Russia, South Korea’s military says.';
    const { attrs } = attribute(t);
    expect(attrs[0]!.speaker?.id).toBe('KOR');
    const e = attrs[0]!.events[0]!;
    expect(t.slice(e.content.start, e.content.end)).toBe('North Korea has sent 3,000 more soldiers to Russia');
  });

  it('GIVEN a capital as metonym THEN it speaks for its country', () => {
    expect(speakerOf('Islamabad urged', 'Islamabad urged restraint on both sides.')).toBe('Pakistan');
    expect(speakerOf('Moscow denied', 'Moscow denied any role in the blast.')).toBe('Russia');
  });

  it('GIVEN "the Houthis in Yemen claim" THEN the place after "in" does not speak', () => {
    expect(speakerOf('Israel intercepts', 'Israel intercepts a missile that the Houthis in Yemen claim to have fired.')).toBe('Houthis');
  });

  it('GIVEN "RTVE of Spain" THEN the country only names the organisation', () => {
    const t = 'National broadcasters VRT of Belgium and RTVE of Spain call for a debate.';
    expect(speakerOf('National', t)).toBeUndefined();
  });

  it('GIVEN a speech THEN "we" is the document\'s speaker', () => {
    expect(speakerOf('We strongly condemn', 'We strongly condemn the attack on the embassy.', 'Mauritania')).toBe('Mauritania');
  });

  it('GIVEN "United States" THEN "States" is no reporting verb', () => {
    const { attrs } = attribute('The United States Coast Guard seizes a tanker in the Caribbean Sea.');
    expect(attrs[0]!.events).toEqual([]);
  });
});

describe('DocumentMentions (persons linked by context)', () => {
  it('GIVEN a demonym + title + unknown name THEN the name and surname speak for that country later on', () => {
    const dm = new DocumentMentions(g);
    const first = dm.find('Pakistani Information Minister Attaullah Tarar says India intends to strike.');
    expect(first.map((m) => `${m.surface}:${m.actor.id}:${m.via}`)).toContain('Attaullah Tarar:PAK:person');
    expect(dm.find('Tarar added that the army is ready.').map((m) => `${m.surface}:${m.actor.id}`)).toEqual(['Tarar:PAK']);
  });

  it('GIVEN an apposition "Name, the Iranian governor," THEN the name is linked', () => {
    const dm = new DocumentMentions(g);
    dm.find('Mohammad Reza Farzi, the Iranian central bank governor, resigned.');
    expect(dm.links()).toMatchObject({ 'mohammad reza farzi': 'IRN', farzi: 'IRN' });
  });

  it('GIVEN a linked person in a later sentence THEN attribution uses the link', () => {
    const t = 'Venezuelan Interior Minister Diosdado Cabello met reporters. Cabello said 125 foreigners were arrested.';
    expect(speakerOf('Cabello said', t)).toBe('Venezuela');
  });

  it('GIVEN a title without a country THEN nothing is learned', () => {
    const dm = new DocumentMentions(g);
    dm.find('Foreign Minister Jane Roe spoke.');
    expect(dm.links()).toEqual({});
  });
});
