import { loadConfig, type Config } from '../../app/config.js';
import { tempDir } from './temp.js';
import { createApp, type AppInternals, type CreateAppOptions } from '../../app/create-app.js';


/** Configuration for tests: no `.env`, data in `dir`. */
export function testConfig(dir: string, env: Record<string, string> = {}): Config {
  return loadConfig({ env: { DATA_DIR: dir, ...env }, envFile: null });
}

/** A real app over a temporary data folder. */
export async function testApp(opts: CreateAppOptions & { env?: Record<string, string> } = {}):
Promise<{ app: AppInternals; dir: string; cleanup: () => Promise<void> }> {
  const { dir, cleanup } = tempDir();
  const app = await createApp(testConfig(dir, opts.env), opts);
  return { app, dir, cleanup: async () => { await app.close(); cleanup(); } };
}
