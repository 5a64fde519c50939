import { describe, expect, it } from 'vitest';
import { outletKey } from '../../claims/sources-names.js';

describe('outlet names across scripts', () => {
  it('GIVEN a Cyrillic and a Latin spelling of one agency THEN they are one source', () => {
    expect(outletKey('ТАСС')).toBe(outletKey('TASS'));
    expect(outletKey('Интерфакс')).toBe(outletKey('Interfax'));
    expect(outletKey('РИА Новости')).toBe(outletKey('RIA Novosti'));
  });
  it('GIVEN outlets in Arabic, Urdu, Hindi or Chinese script THEN each keeps a key of its own (never empty)', () => {
    const keys = ['الجزيرة', 'جنگ', 'दैनिक जागरण', '新华社'].map(outletKey);
    expect(keys.every((k) => k.length > 0)).toBe(true);
    expect(new Set(keys).size).toBe(4);
  });
  it('GIVEN English names THEN they fold as before (case, "the", punctuation)', () => {
    expect(outletKey('The Neutral')).toBe('neutral');
    expect(outletKey('Reuters')).toBe(outletKey('reuters.'));
  });
});
