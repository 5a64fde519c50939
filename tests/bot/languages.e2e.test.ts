import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app/create-app.js';
import { UserError } from '../../core/errors.js';
import { userText } from '../../bot/errors.js';
import { slash } from './fake-discord/events.js';
import { IDS, startHarness, type Harness } from './harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness((config) => createApp(config));
}, 60_000);
afterAll(async () => {
  await h?.close();
});

const original = (token: string) => (r: { method: string; path: string }) =>
  r.method === 'PATCH' && r.path === `/api/v10/webhooks/${IDS.app}/${token}/messages/@original`;

async function ask(question: string, locale?: string, guildLocale?: string) {
  const { token } = h.fake.interact(slash(h.member(undefined, { locale, guildLocale }), 'ask', [{ type: 3, name: 'question', value: question }]));
  return (await h.fake.waitForRequest(original(token), 20_000)).body;
}

const labels = (body: any) => body.components[0].components.map((c: { label?: string }) => c.label).filter(Boolean);

describe('questions in other languages through Discord (bundled corpus)', () => {
  it('GIVEN a Russian question from a Russian member THEN the answer is framed in Russian and quotes the English source verbatim', async () => {
    const body = await ask('Что сказал Пакистан?', 'ru');
    const embed = body.embeds[0];
    expect(embed.description).toMatch(/^Что говорит Пакистан, словами источников:/);
    expect(embed.description).toContain('Pakistan has firmly condemned the alleged attack');
    expect(embed.footer.text).toMatch(/^Ответ только по документам корпуса/);
    expect(labels(body)).toEqual(['Источники', 'Пожаловаться', 'Следить']);
  });

  it.each([
    ['Що сказав Пакистан?', 'uk', /^Що каже Пакистан, словами джерел:/],
    ['ماذا قالت باكستان؟', 'en-US', /^ما قاله باكستان، بكلمات المصادر:/],
    ['巴基斯坦说了什么？', 'zh-CN', /^巴基斯坦的说法（引自来源原文）：/],
    ['पाकिस्तान ने क्या कहा?', 'hi', /^पाकिस्तान ने क्या कहा, स्रोतों के शब्दों में:/],
    ["Qu'a dit le Pakistan ?", 'fr', /^Ce qu’a dit Pakistan, dans les mots des sources :/],
    ['¿Qué dijo Pakistán?', 'es-ES', /^Lo que dijo Pakistán, en palabras de las fuentes:/],
    ['Was hat Pakistan gesagt?', 'de', /^Was Pakistan gesagt hat, in den Worten der Quellen:/],
  ])('GIVEN "%s" (member locale %s) THEN the answer is framed in the question\'s language', async (q, locale, lead) => {
    const body = await ask(q, locale);
    expect(body.embeds[0].description).toMatch(lead);
    expect(body.embeds[0].description).toContain('Pakistan has firmly condemned');
  });

  it('GIVEN an Urdu question from a member whose Discord is in English THEN the question\'s language wins', async () => {
    const embed = (await ask('پاکستان نے کیا کہا؟', 'en-US')).embeds[0];
    expect(embed.description).toMatch(/^پاکستان نے کیا کہا، ذرائع کے الفاظ میں:/);
  });

  it('GIVEN a question that shows no language THEN the member\'s locale frames it, then the server\'s', async () => {
    expect((await ask('Pakistan?', 'de')).embeds[0].description).toMatch(/^Was die Quellen sagen:/);
    expect((await ask('Pakistan?', 'xx-YY', 'es-ES')).embeds[0].description).toMatch(/^Lo que dicen las fuentes:/);
  });

  it('GIVEN a Spanish question about an actor the corpus never quotes THEN it abstains in Spanish', async () => {
    const embed = (await ask('¿Qué dijo Islandia?', 'en-US')).embeds[0];
    expect(embed.description).toMatch(/^El corpus no contiene ninguna declaración de Islandia/);
    expect(embed.description).toContain('Prueba con otras palabras');
    expect(embed.footer.text).toBe('Nada en el corpus coincide');
  });

  it('GIVEN start-up THEN /ask is registered with Russian, Hindi and Chinese names and descriptions', async () => {
    const put = await h.fake.waitForRequest((r) => r.method === 'PUT' && r.path.endsWith('/commands'));
    const ask = (put.body as any[]).find((c) => c.name === 'ask');
    expect(ask.name_localizations).toMatchObject({ ru: 'спросить', hi: 'पूछें', 'zh-CN': '提问', 'es-ES': 'preguntar' });
    expect(ask.description_localizations.de).toMatch(/^Frag nach den Ereignissen/);
    expect(ask.options[0].description_localizations.fr).toContain('Qu’a dit le Pakistan');
  });
});

describe('error texts in the member\'s language', () => {
  it('GIVEN a rate limit for a Ukrainian member THEN the message is Ukrainian with the seconds filled in', () => {
    expect(userText(new UserError('RATE_LIMITED', { seconds: 7 }), 'ab12', 'uk').text).toBe('Повільніше: спробуйте знову через 7 с.');
  });
  it('GIVEN an error with no translation THEN the English text is kept', () => {
    expect(userText(new UserError('USAGE', { detail: 'bad option' }), 'ab12', 'fr').text).toBe('bad option');
  });
});
