import { describe, expect, it } from 'vitest';
import { Gazetteer } from '../../claims/actors.js';

const g = new Gazetteer();
const names = (text: string, lenient = false) => g.find(text, lenient).map((m) => `${m.surface}=${m.actor.name}`);

describe('Gazetteer', () => {
  it('GIVEN names, demonyms, capitals and ministries THEN each resolves to its country', () => {
    const t = 'Islamabad, Pakistan — Pakistan’s Ministry of Foreign Affairs said; Russian Foreign Minister Sergey Lavrov asserted; Kyiv rejected it.';
    expect(names(t)).toEqual([
      'Islamabad=Pakistan', 'Pakistan=Pakistan', 'Pakistan=Pakistan', 'Russian=Russia', 'Sergey Lavrov=Russia', 'Kyiv=Ukraine',
    ]);
  });

  it('GIVEN short all-capital aliases THEN they match only in capitals ("us", "who" are words)', () => {
    expect(names('the U.S. told us; WHO said who knows')).toEqual(['U.S.=United States', 'WHO=World Health Organization']);
  });

  it('GIVEN a casual question THEN lower-case country names still resolve', () => {
    expect(names('what did pakistan say?', true)).toEqual(['pakistan=Pakistan']);
    expect(names('what did pakistan say?')).toEqual([]);
  });

  it('GIVEN a longer alias THEN the longest match wins', () => {
    expect(names('President Volodymyr Zelensky and the United Nations Security Council')).toEqual([
      'Volodymyr Zelensky=Ukraine', 'United Nations=United Nations', 'Security Council=United Nations',
    ]);
  });

  it('GIVEN an alias or an ISO code THEN resolve() finds the actor', () => {
    expect(g.resolve('Pakistani')?.id).toBe('PAK');
    expect(g.resolve('pak')?.name).toBe('Pakistan');
    expect(g.resolve('Kremlin')?.name).toBe('Russia');
    expect(g.resolve('Atlantis')).toBeUndefined();
  });
});

describe('maintainer aliases (DATA_DIR/aliases.json)', () => {
  it('GIVEN aliases for a known actor and a new body THEN both resolve; a maintainer alias overrides a bundled one', () => {
    const m = new Gazetteer({ COD: ['Congolese'], RUS: ['Rossiya'], WAGNER: { name: 'Wagner Group', aliases: ['Wagner'] } });
    expect(m.find('Rossiya said; Wagner fighters; Congolese troops').map((x) => `${x.surface}=${x.actor.id}`))
      .toEqual(['Rossiya=RUS', 'Wagner=WAGNER', 'Congolese=COD']);
    expect(m.resolve('Wagner Group')?.name).toBe('Wagner Group');
    expect(m.resolve('WAGNER')?.kind).toBe('body');
  });

  it('GIVEN an unknown id or a malformed entry THEN a configuration error naming it', () => {
    expect(() => new Gazetteer({ XYZ: ['x'] })).toThrow(/aliases.json, "XYZ": unknown actor id/);
    expect(() => new Gazetteer({ RUS: 'Rossiya' } as never)).toThrow(/aliases.json, "RUS": expected a list/);
    expect(() => new Gazetteer({ 'bad id': { name: 'X' } })).toThrow(/capital letters/);
  });
});
