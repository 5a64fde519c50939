import { describe, expect, it } from 'vitest';
import { sourceAge, staleNote } from '../../answer/freshness.js';
import { actorName, quoted, speakerLabel } from '../../answer/speaker-label.js';
import type { AnswerClaim, Citation } from '../../core/answer.js';
import { Gazetteer } from '../../claims/actors.js';
import { analyzeQuestion } from '../../retrieval/question.js';

const gazetteer = new Gazetteer();

describe('speaker labels', () => {
  it('GIVEN a person speaking for an actor THEN "name (actor)"; the actor alone when they are the same', () => {
    expect(speakerLabel({ speaker: 'Sergey Lavrov', actor: 'Russia', speakerKind: 'person' })).toBe('Sergey Lavrov (Russia)');
    expect(speakerLabel({ speaker: 'Russia', actor: 'Russia' })).toBe('Russia');
    expect(speakerLabel({ speaker: 'Russia' })).toBe('Russia');
  });

  it('GIVEN a name that takes "the" in English THEN it reads "the United States", never "United States" bare', () => {
    expect(speakerLabel({ speaker: 'United States' })).toBe('the United States');
    expect(speakerLabel({ speaker: 'Antony Blinken', actor: 'United States' })).toBe('Antony Blinken (the United States)');
    expect(actorName('Czech Republic')).toBe('the Czech Republic');
    expect(actorName('Pakistan')).toBe('Pakistan');
    expect(actorName('United States', 'fr')).toBe('United States');
  });

  it('GIVEN an unnamed source THEN "unnamed diplomats", never a possessive built on it', () => {
    expect(speakerLabel({ source: 'diplomats' })).toBe('unnamed diplomats');
    expect(speakerLabel({ speaker: 'a senior European diplomat', speakerKind: 'unnamed' })).toBe('unnamed senior European diplomat');
    expect(speakerLabel({})).toBe('an unnamed source');
  });

  it('GIVEN a sentence that is itself a quotation THEN it is not wrapped in a second pair of marks', () => {
    expect(quoted('“We will respond,” the minister said.')).toBe('“We will respond,” the minister said.');
    expect(quoted('The minister said: “We will respond.”')).toBe('The minister said: “We will respond.”');
    expect(quoted('“We will respond.”')).toBe('“We will respond.”');
    expect(quoted('The talks resumed.')).toBe('“The talks resumed.”');
  });
});

describe('question analysis of speakers', () => {
  it('GIVEN a multi-word actor whose name holds a "say" word THEN the whole name is the speaker', () => {
    const a = analyzeQuestion('What did the United States say?', gazetteer);
    expect(a.speaker?.id).toBe('USA');
    expect(a.speakerPhrase).toBeUndefined();
  });

  it('GIVEN capitals and metonyms as speakers THEN they resolve to the actor', () => {
    expect(analyzeQuestion('What did the Kremlin say about the talks?', gazetteer).speaker?.id).toBe('RUS');
    expect(analyzeQuestion('What did Islamabad say about the talks?', gazetteer).speaker?.id).toBe('PAK');
    const tehran = analyzeQuestion('How many missiles did Tehran say it intercepted?', gazetteer);
    expect(tehran.speaker?.id).toBe('IRN');
    expect(tehran.topicTerms).toEqual(expect.arrayContaining(['missile', 'intercept']));
  });

  it('GIVEN mentions and a pasted link around the question THEN they are not words of the question', () => {
    const a = analyzeQuestion('<@123456789> @everyone What did Pakistan say? [x](https://evil.example/p) https://a.example', gazetteer);
    expect(a.intent).toBe('statements');
    expect(a.speaker?.id).toBe('PAK');
    expect(a.topicTerms).toEqual([]);
  });

  it('GIVEN "about the alleged attack" THEN the hedge is not a word the quote must contain', () => {
    expect(analyzeQuestion('What did Peru say about the alleged attack?', gazetteer).aboutTerms).toEqual(['attack']);
  });

  it('GIVEN an occasion after the topic THEN only the topic must be in the quote', () => {
    expect(analyzeQuestion('What did Chad say about climate change at the UN General Debate in 2023?', gazetteer).aboutTerms).toEqual(['climate', 'change']);
  });
});

describe('source age', () => {
  const now = new Date('2026-12-01T12:00:00Z');
  it('GIVEN dates THEN the age in words', () => {
    expect(sourceAge('2026-11-28', now)).toBe('3 days ago');
    expect(sourceAge('2025-12-30', now)).toBe('11 months ago');
    expect(sourceAge('2024-06-01', now)).toBe('2 years ago');
    expect(sourceAge(undefined, now)).toBeUndefined();
  });

  const cite = (published: string): Citation => ({ n: 1, docId: 'd', title: 't', published, quote: 'q', start: 0, end: 1 });
  const claim = (status: AnswerClaim['status']): AnswerClaim => ({ id: 'c', text: 'q', status, citations: [1] });
  it('GIVEN a disputed claim whose newest source is older than the threshold THEN a note names its date', () => {
    expect(staleNote({ citations: [cite('2025-12-30')], claims: [claim('disputed')] }, now, 30)).toBe('The newest source here is from 30 Dec 2025; later reports may exist.');
  });
  it('GIVEN a recent source or a settled claim THEN no note', () => {
    expect(staleNote({ citations: [cite('2026-11-20')], claims: [claim('disputed')] }, now, 30)).toBeUndefined();
    expect(staleNote({ citations: [cite('2025-12-30')], claims: [claim('reported')] }, now, 30)).toBeUndefined();
  });
});

describe('a person asked about by name', () => {
  it('GIVEN "What did Lavrov say?" THEN his statements, named in full with the state he speaks for', async () => {
    const { testApp } = await import('../helpers/app.js');
    const t = await testApp();
    try {
      const a = await t.app.answer('What did Lavrov say?');
      expect(a.answer.split('\n')[0]).toMatch(/Sergey Lavrov \(Russia\)/);
      // The statements under the lead are his (the note after them may quote the other side).
      const own = a.answer.split('\n').slice(1).filter((l) => l.startsWith('•') && !/^• .* (?:alleges|denies) it/.test(l));
      expect(own.length).toBeGreaterThan(0);
      expect(own.every((l) => /Lavrov/.test(l))).toBe(true);
    } finally { await t.cleanup(); }
  });
});
