import { describe, expect, it } from 'vitest';
import { Gazetteer } from '../../../claims/actors.js';
import { analyzeQuestion } from '../../../retrieval/question.js';
import { detectLanguage } from '../../../core/language.js';

const g = new Gazetteer();

describe('questions in other languages', () => {
  it.each([
    ['Что сказал Пакистан?', 'ru'], ['Що заявила Росія?', 'uk'], ['پاکستان نے کیا کہا؟', 'ur'],
    ['ماذا قالت باكستان؟', 'ar'], ['巴基斯坦说了什么？', 'zh'], ['पाकिस्तान ने क्या कहा?', 'hi'],
    ["Qu'a dit le Pakistan ?", 'fr'], ['¿Qué dijo Pakistán?', 'es'], ['Was hat Pakistan gesagt?', 'de'],
  ])('GIVEN "%s" THEN it asks for Pakistan\'s or Russia\'s statements, in %s', (q, lang) => {
    const a = analyzeQuestion(q, g);
    expect(a.intent).toBe('statements');
    expect(['PAK', 'RUS']).toContain(a.speaker?.id);
    expect(a.locale).toBe(lang);
  });

  it('GIVEN a Russian question with an inflected country name THEN the speaker is found ("МИД России")', () => {
    expect(analyzeQuestion('Что заявил МИД России?', g).speaker?.id).toBe('RUS');
  });

  it.each([
    ['¿Quién condenó el ataque?'], ['Кто осудил нападение?'], ['Хто засудив атаку?'], ['من أدان الهجوم؟'],
    ['谁谴责了袭击？'], ['किसने हमले की निंदा की?'], ["Qui a condamné l'attaque ?"], ['Wer hat den Angriff verurteilt?'],
    ['حملے کی مذمت کس نے کی؟'],
  ])('GIVEN "%s" THEN it asks who condemned, about an attack (English stems)', (q) => {
    const a = analyzeQuestion(q, g);
    expect(a.intent).toBe('who');
    expect(a.stanceVerb).toBe('condemned');
    expect(a.topicTerms).toContain('attack');
  });

  it('GIVEN an English question THEN it is read as before, with no locale of its own', () => {
    const a = analyzeQuestion('What did Pakistan say about the attack?', g);
    expect(a).toMatchObject({ intent: 'statements', speaker: { id: 'PAK' }, aboutTerms: ['attack'] });
    expect(a.locale).toBeUndefined();
  });

  it('GIVEN an "about" part THEN only its domain words are the about-terms', () => {
    const a = analyzeQuestion('¿Qué dijo Pakistán sobre el ataque contra la residencia de Putin?', g);
    expect(a.aboutTerms).toEqual(['attack', 'residence']);
  });
});

describe('language detection', () => {
  it.each([
    ['The ministry urged all parties to exercise restraint.', 'en'],
    ['Министерство иностранных дел России заявило, что это провокация.', 'ru'],
    ['Міністерство закордонних справ України заявило про це.', 'uk'],
    ['دفتر خارجہ نے حملے کی مذمت کی ہے۔', 'ur'],
    ['أدانت وزارة الخارجية الهجوم.', 'ar'],
    ['外交部发言人表示谴责。', 'zh'],
    ['विदेश मंत्रालय ने हमले की निंदा की।', 'hi'],
    ["Le ministère a condamné l'attaque et appelé à la retenue.", 'fr'],
    ['El ministerio condenó el ataque y pidió moderación.', 'es'],
    ['Das Ministerium hat den Angriff verurteilt.', 'de'],
  ])('GIVEN "%s" THEN it is %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });
});
