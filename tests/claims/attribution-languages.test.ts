import { describe, expect, it } from 'vitest';
import { Gazetteer } from '../../claims/actors.js';
import { attributeSentences } from '../../claims/attribution.js';
import { extractMentions } from '../../claims/extract.js';
import { deriveEventStatus } from '../../claims/status.js';
import { splitSentences } from '../../corpus/sentences.js';

// Invented sentences: attribution by the cue rules of a document's language, and never the outlet's
// voice for a language without rules (issue 14).
const g = new Gazetteer();
const mentions = (t: string, lang: string) => extractMentions('d', t, attributeSentences(t, splitSentences(t), g, undefined, lang));

describe('attribution in other languages', () => {
  it('GIVEN a Russian ministry statement THEN Russia speaks, with the content after "что"', () => {
    const t = 'МИД России заявил, что переговоры будут продолжены в Женеве.';
    const [m] = mentions(t, 'ru');
    expect(m).toMatchObject({ speaker: { id: 'RUS' }, speakerName: 'МИД России', speakerKind: 'organisation', role: 'assertion' });
    expect(m!.certainty).not.toBe('unread');
  });

  it('GIVEN a sentence in a language without claim rules THEN its claim is unread and unverified, never reported as fact', () => {
    const t = 'Das Außenministerium erklärte, die Drohnen seien abgeschossen worden.';
    const [m] = mentions(t, 'de');
    expect(m).toMatchObject({ certainty: 'unread', speaker: undefined });
    const status = deriveEventStatus([{ role: m!.role, certainty: m!.certainty, sources: ['outlet:x'], text: t, factive: false }]);
    expect(status).toEqual({ status: 'unverified', reason: 'in a language the claim rules do not read: who says it is not known' });
  });

  it('GIVEN the same sentence read as English THEN it would be the outlet\'s report (what the mark prevents)', () => {
    const t = 'Das Außenministerium erklärte, die Drohnen seien abgeschossen worden.';
    expect(mentions(t, 'en')[0]).toMatchObject({ stance: 'report', certainty: 'asserted' });
  });
});
