import { describe, expect, it } from 'vitest';
import { prepareDocument } from '../../corpus/prepare.js';

describe('document language at ingest', () => {
  it('GIVEN no language in the metadata THEN it is detected from the text and stored', () => {
    const ru = prepareDocument({ text: 'МИД России заявил, что Москва пересмотрит свою позицию на переговорах.', meta: {}, origin: 'text' });
    const zh = prepareDocument({ text: '外交部发言人表示，中方对此表示严重关切。', meta: {}, origin: 'text' });
    const en = prepareDocument({ text: 'The ministry said the talks would go on.', meta: {}, origin: 'text' });
    expect([ru.doc.language, zh.doc.language, en.doc.language]).toEqual(['ru', 'zh', 'en']);
  });
  it('GIVEN a language in the front matter THEN it wins over detection', () => {
    expect(prepareDocument({ text: 'Пример текста.', meta: { language: 'uk' }, origin: 'text' }).doc.language).toBe('uk');
  });
});
