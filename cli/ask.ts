import { createApp } from '../app/create-app.js';
import { UserError } from '../app/errors.js';
import { SUPPORTED_LANGUAGES } from '../corpus/language.js';
import { langOfLocale } from '../retrieval/languages/locale.js';
import { COMMON_OPTIONS, configFrom, parse, printJson, run } from './common.js';
import { renderAnswerText } from './render.js';

const USAGE = 'usage: npm run ask -- [--json] [--data-dir DIR] [--locale xx] "question"';

run(async () => {
  const { values, positionals } = parse(process.argv.slice(2), { ...COMMON_OPTIONS, locale: { type: 'string' } });
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
    const answer = await app.answer(question, { channel: 'cli', ...(locale ? { localeOverride: locale } : {}) });
    if (values.json) printJson(answer);
    else process.stdout.write(`${renderAnswerText(answer, process.stdout.isTTY)}\n`);
    return 0;
  } finally {
    await app.close();
  }
});
