import { existsSync, readdirSync, statSync } from 'node:fs';
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
 * that runs compiled, else in dist/ (tests run the sources); undefined without a build. Run from the
 * sources, a dist/ built before the last change to a source would run old code in the worker while the
 * caller runs new code: that throws, naming the changed file and the fix.
 */
export function compiledWorker(callerUrl: string, rel: string): string | undefined {
  const here = fileURLToPath(callerUrl);
  const sibling = path.join(path.dirname(here), path.basename(rel));
  if (here.endsWith('.js') && existsSync(sibling)) return sibling;
  const root = projectRoot();
  const built = path.join(root, 'dist', rel);
  if (!existsSync(built)) return undefined;
  stale ??= staleSources(root, path.join(root, 'dist'));
  assertBuilt(`dist/${rel}`, stale);
  return built;
}

/** Throws when a source changed after its compiled file was written (or was never compiled). */
export function assertBuilt(name: string, staleFiles: readonly string[]): void {
  if (staleFiles.length === 0) return;
  const more = staleFiles.length > 1 ? ` and ${staleFiles.length - 1} more` : '';
  throw new Error(`${name} is older than the sources (${staleFiles[0]}${more} changed after the last build): run \`npm run build\``);
}

/** The folders compiled into the workers (every layer below the adapters). */
const SOURCE_DIRS = ['core', 'storage', 'corpus', 'claims', 'retrieval', 'prompts', 'answer', 'app'];
let stale: string[] | undefined;

/**
 * The TypeScript sources under `root` changed after the last build. `npm run build` ends by writing
 * `dist/.built`; a source newer than it was changed since. (The build is incremental and leaves an
 * output alone when its source's text did not change, so outputs' own times would also flag a source
 * that was only touched, by a checkout for example, and that no build can clear.) Without the stamp,
 * each source is compared with its own output.
 */
export function staleSources(root: string, dist: string): string[] {
  const out: string[] = [];
  const stamp = path.join(dist, '.built');
  const builtAt = existsSync(stamp) ? statSync(stamp).mtimeMs : undefined;
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) {
        const rel = path.relative(root, p);
        const js = path.join(dist, rel.replace(/\.ts$/, '.js'));
        const outputAt = builtAt ?? (existsSync(js) ? statSync(js).mtimeMs : -1);
        if (!existsSync(js) || outputAt < statSync(p).mtimeMs) out.push(rel);
      }
    }
  };
  for (const d of SOURCE_DIRS) walk(path.join(root, d));
  return out;
}
