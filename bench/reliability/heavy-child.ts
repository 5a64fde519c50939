/**
 * Child process of the heavy-input stage: `node heavy-child.js <dataDir> <file>...` adds the files in
 * order through `app.addDocument` and prints, for the last one, one JSON line: time, the longest
 * event-loop block, peak RSS and the outcome. Run by `heavy.ts` with a hard time limit.
 */
import { loadConfig } from '../../app/config.js';
import { createApp } from '../../app/create-app.js';
import { isUserError } from '../../core/errors.js';
import { watchEventLoop } from './load.js';

const [dataDir, ...files] = process.argv.slice(2);
const app = await createApp(loadConfig({ env: { DATA_DIR: dataDir }, envFile: null }), { bundled: false });
let peak = 0;
const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 20);
let outcome = 'added';
let ms = 0;
let loopBlockMs = 0;
for (const [i, file] of files.entries()) {
  const last = i === files.length - 1;
  const loop = watchEventLoop();
  const t0 = performance.now();
  try {
    await app.addDocument({ kind: 'path', path: file! });
  } catch (err) {
    if (!last) throw err;
    outcome = isUserError(err) ? `refused: ${err.code}` : `error: ${(err as Error).message}`;
  }
  ms = performance.now() - t0;
  loopBlockMs = loop.stop();
}
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);
await app.close();
process.stdout.write(`${JSON.stringify({ ms, loopBlockMs, rssMb: peak / 2 ** 20, outcome })}\n`);
