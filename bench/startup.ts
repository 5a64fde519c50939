/**
 * Child process of the benchmark: `node dist/bench/startup.js <dataDir> [question]`. Opens the app the
 * way the bot and the CLI do, prints as JSON the milliseconds since this process started and the
 * resident memory once loaded, then (with a question) the time of one answer and the memory after it.
 */
import { loadConfig } from '../app/config.js';
import { createApp } from '../app/create-app.js';
import { run } from '../cli/common.js';

const MB = 1024 * 1024;

run(async () => {
  const [dataDir, question] = process.argv.slice(2);
  if (!dataDir) throw new Error('usage: node dist/bench/startup.js <dataDir> [question]');
  const app = await createApp(loadConfig({ overrides: { DATA_DIR: dataDir } }));
  const startupMs = performance.now();
  const rssMB = process.memoryUsage().rss / MB;
  const out: Record<string, number> = { startupMs, rssMB };
  try {
    if (question) {
      const t0 = performance.now();
      await app.answer(question, { channel: 'bench' });
      out.answerMs = performance.now() - t0;
      out.rssAfterAnswerMB = process.memoryUsage().rss / MB;
    }
  } finally {
    await app.close();
  }
  process.stdout.write(`${JSON.stringify(out)}\n`);
});
