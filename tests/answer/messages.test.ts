import { describe, expect, it } from 'vitest';
import { msg } from '../../answer/messages.js';

describe('message catalogue', () => {
  it('GIVEN a key of the English catalogue THEN its text', () => {
    expect(msg('en', 'abstain.nothing')).toMatch(/^The corpus has nothing/);
  });
  it('GIVEN a locale without a catalogue THEN the English text', () => {
    expect(msg('xx', 'abstain.nothing')).toBe(msg('en', 'abstain.nothing'));
  });
  it('GIVEN an unknown key THEN it throws', () => {
    expect(() => msg('en', 'no.such.key')).toThrow(/no\.such\.key/);
  });
});
