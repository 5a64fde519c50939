import { describe, expect, it } from 'vitest';
import type { Answer } from '../../core/answer.js';
import { renderAnswerText } from '../../cli/render.js';

const answer: Answer = {
  question: 'Who condemned it?',
  answer: 'Who condemned it, according to the sources: Peru [1].\n• Peru condemned: “Peru condemned the strike on the port.” [1]',
  citations: [{ n: 1, docId: 'd1', title: 'Port strike', publisher: 'Harbour Times', published: '2026-11-28', quote: 'Peru condemned the strike on the port.', start: 0, end: 38 }],
  claims: [{ id: 'c1', text: 'Peru condemned the strike on the port.', speaker: 'Peru', stance: 'condemn', status: 'reported', citations: [1] }],
  abstained: false, mode: 'extractive', timings: { totalMs: 3 },
};

describe('terminal rendering', () => {
  it('GIVEN a statement the answer quotes THEN its claim line gives status and speaker without repeating the text', () => {
    const out = renderAnswerText(answer, false, new Date('2026-12-01T09:00:00Z'));
    expect(out.split('Peru condemned the strike on the port.').length).toBe(2);
    expect(out).toContain('[reported] Peru, condemn [1]');
  });

  it('GIVEN a dated source THEN its age is shown next to the date', () => {
    expect(renderAnswerText(answer, false, new Date('2026-12-01T09:00:00Z'))).toContain('Port strike (Harbour Times, 2026-11-28, 3 days ago)');
  });
});
