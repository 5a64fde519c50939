import { createApp } from '../app/create-app.js';
import { UserError } from '../core/errors.js';
import { SUPPORTED_LANGUAGES } from '../core/language.js';
import { langOfLocale } from '../retrieval/languages/locale.js';
import { COMMON_OPTIONS, configFrom, parse, printJson, run } from './common.js';
import { renderAnswerText } from './render.js';

const USAGE = 'usage: npm run ask -- [--json] [--data-dir DIR] [--after "earlier question"] [--locale xx] "question"';

run(async () => {
  // --after: the question is a follow-up to this one, as a reply to the bot's answer is on Discord.
  // --locale: the language of the answer's fixed texts, whatever the question's.
  const { values, positionals } = parse(process.argv.slice(2), { ...COMMON_OPTIONS, after: { type: 'string' }, locale: { type: 'string' } });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const question = positionals.join(' ').trim();
  if (!question) throw new UserError('USAGE', { detail: USAGE });
  const locale = values.locale?.trim();
  if (locale !== undefined && !langOfLocale(locale)) {
    throw new UserError('USAGE', { detail: `--locale "${locale}" is not one of ${SUPPORTED_LANGUAGES.join(', ')}` });
  }
  const app = await createApp(configFrom(values));
  try {
    const after = values.after?.trim();
    const answer = await app.answer(question, {
      channel: 'cli', ...(after ? { followUp: { question: after } } : {}), ...(locale ? { localeOverride: locale } : {}),
    });
    if (values.json) printJson(answer);
    else process.stdout.write(`${renderAnswerText(answer, process.stdout.isTTY)}\n`);
    return 0;
  } finally {
    await app.close();
  }
});
