import { describe, expect, it } from 'vitest';
import { Gazetteer } from '../../claims/actors.js';
import { foreignSpeechEvents, hasClaimRules } from '../../claims/cues-lang.js';

const g = new Gazetteer();
const spans = (s: string, lang: string) => foreignSpeechEvents(s, lang, g).map((e) => ({
  speaker: e.speaker?.id, source: e.sourceText, cue: e.cue, stance: e.cueStance, mode: e.mode, content: s.slice(e.content.start, e.content.end),
}));

describe('speech in Russian and Ukrainian sentences', () => {
  it.each([
    ['ru', 'МИД России заявил, что Киев несёт ответственность за атаку.', { speaker: 'RUS', cue: 'заявил', stance: 'statement', mode: 'indirect', content: 'Киев несёт ответственность за атаку' }],
    ['ru', 'По словам Лаврова, все 91 беспилотник были сбиты.', { speaker: 'RUS', cue: 'по словам', mode: 'according', content: 'все 91 беспилотник были сбиты' }],
    ['ru', '«Это провокация», — заявил Песков.', { speaker: 'RUS', mode: 'direct', content: 'Это провокация' }],
    ['ru', 'Как заявила Захарова, Москва пересмотрит свою позицию.', { speaker: 'RUS', mode: 'according', content: 'Москва пересмотрит свою позицию' }],
    ['ru', 'Зеленский опроверг обвинения Москвы.', { speaker: 'UKR', stance: 'deny' }],
    ['ru', 'Пакистан осудил нападение на резиденцию.', { speaker: 'PAK', stance: 'condemn', content: 'нападение на резиденцию' }],
    ['uk', 'МЗС України заявило, що це вигадка.', { speaker: 'UKR', cue: 'заявило', content: 'це вигадка' }],
    ['uk', 'За словами Сибіги, Росія бреше.', { speaker: 'UKR', mode: 'according', content: 'Росія бреше' }],
    ['uk', 'Зеленський спростував заяви Кремля.', { speaker: 'UKR', stance: 'deny', content: 'заяви Кремля' }],
  ])('GIVEN (%s) "%s" THEN source, cue and content are found', (lang, s, want) => {
    expect(spans(s, lang)[0]).toMatchObject(want);
  });

  it('GIVEN "по данным" an unnamed ministry THEN the source keeps its words and has no actor', () => {
    expect(spans('Все беспилотники были уничтожены, по данным Министерства обороны.', 'ru')[0])
      .toMatchObject({ speaker: undefined, source: 'Министерства обороны', content: 'Все беспилотники были уничтожены' });
  });

  it('GIVEN a sentence with no reporting verb THEN it has no speech event', () => {
    expect(spans('Погода в Москве была холодной.', 'ru')).toEqual([]);
  });

  it('GIVEN a sentence at an offset in its document THEN the spans are document offsets', () => {
    const s = 'Песков заявил, что переговоры продолжатся.';
    const [e] = foreignSpeechEvents(s, 'ru', g, 100);
    expect(e!.cueStart).toBe(100 + s.indexOf('заявил'));
    expect(e!.content.start).toBe(100 + s.indexOf('переговоры'));
  });

  it('GIVEN languages THEN only English, Russian and Ukrainian have claim rules', () => {
    expect(['en', 'ru', 'uk', 'uk-UA', 'ur', 'ar', 'zh', 'fr'].map(hasClaimRules)).toEqual([true, true, true, true, false, false, false, false]);
  });
});
