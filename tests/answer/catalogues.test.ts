import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES, msg } from '../../answer/messages.js';

const dir = path.join(import.meta.dirname, '..', '..', 'answer', 'messages');
const read = (l: string) => JSON.parse(readFileSync(path.join(dir, `${l}.json`), 'utf8')) as Record<string, string>;
const en = read('en');
const vars = {
  speaker: 'X', about: 'Y', count: 3, sources: 'S', page: 1, pages: 2, report: 'R', incident: 'abc', seconds: 5, need: 'N', command: '/ask',
  length: 9, limit: 8, who: 'W', actor: 'A', source: 'S', text: 'T', n: 1, quote: 'Q', stance: 'condemn', verb: 'condemned', noun: 'N',
  date: '2025-01-01', hasAbout: 'yes', status: 'disputed', line: 'L', refs: '[1]', statuses: 'disputed', onTopic: 'yes', hedged: 'no',
  side: 'deny', asserted: 'A', hasAsserted: 'yes', denied: 'D', hasDenied: 'yes', named: 'yes',
};

describe('message catalogues', () => {
  it('GIVEN the catalogue folder THEN every file is a listed locale', () => {
    expect(readdirSync(dir).map((f) => f.replace(/\.json$/, '')).sort()).toEqual([...LOCALES].sort());
  });

  it.each(LOCALES.filter((l) => l !== 'en'))('GIVEN %s THEN it translates every English key, and each text formats', (l) => {
    const own = read(l);
    const missing = Object.keys(en).filter((k) => !(k in own));
    expect(missing).toEqual([]);
    for (const k of Object.keys(en)) {
      if (k.startsWith('_')) continue;
      expect(() => msg(l, k, vars)).not.toThrow();
      // A placeholder left unfilled would show braces to the user.
      expect(msg(l, k, vars)).not.toMatch(/[{}]/);
    }
  });

  it('GIVEN a Russian count THEN the plural form agrees with it', () => {
    expect(msg('ru', 'bot.moreDocuments', { count: 1, sources: 'Источники' })).toMatch(/^Ещё 1 документ:/);
    expect(msg('ru', 'bot.moreDocuments', { count: 5, sources: 'Источники' })).toMatch(/^Ещё 5 документов:/);
  });
});
