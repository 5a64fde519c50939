import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Gazetteer } from '../../claims/actors.js';
import { attributeSentences } from '../../claims/attribution.js';
import { splitSentences } from '../../corpus/sentences.js';

const g = new Gazetteer();
const seed = readFileSync(new URL('../../corpus/documents/pakistan-condemns-alleged-attack-on-putin-residence.md', import.meta.url), 'utf8');
const text = seed.slice(seed.indexOf('\n---\n') + 5);

function speakerOf(prefix: string): string | undefined {
  const spans = splitSentences(text);
  const attrs = attributeSentences(text, spans, g);
  const a = attrs.find((x) => text.slice(x.start, x.end).startsWith(prefix));
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
    expect(speakerOf('The ministry urged all parties')).toBe('Pakistan');
  });
  it('GIVEN "Russia accused Ukraine" THEN the accuser, not the accused, speaks', () => {
    expect(speakerOf('The strong statement comes after Russia accused Ukraine')).toBe('Russia');
  });
  it('GIVEN a president of Ukraine THEN Ukraine speaks', () => {
    expect(speakerOf('President Volodymyr Zelensky called the claims')).toBe('Ukraine');
  });
  it('GIVEN a report with no speaker THEN nobody is attributed', () => {
    expect(speakerOf('The incident has also drawn global attention')).toBeUndefined();
  });
});
