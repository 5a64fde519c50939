import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's root folder (where package.json is), from source or from the compiled `dist/`. */
export function projectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('package.json not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
  return dir;
}

/** The folder of bundled documents. */
export function bundledDocumentsDir(): string {
  return path.join(projectRoot(), 'corpus', 'documents');
}

/**
 * The compiled worker script `dist/<rel>` (e.g. `app/analyse-worker.js`): beside the calling module when
 * that runs compiled, else in dist/ (tests run the sources); undefined without a build.
 */
export function compiledWorker(callerUrl: string, rel: string): string | undefined {
  const here = fileURLToPath(callerUrl);
  const sibling = path.join(path.dirname(here), path.basename(rel));
  if (here.endsWith('.js') && existsSync(sibling)) return sibling;
  const built = path.join(projectRoot(), 'dist', rel);
  return existsSync(built) ? built : undefined;
}
