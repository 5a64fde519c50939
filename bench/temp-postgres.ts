import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A throw-away PostgreSQL cluster for the tests and the bench: the server binaries Debian installs, a
 * new cluster in a temporary folder, reached by a unix socket only.
 */

/** Where Debian puts the server binaries (the newest major version), or `override` when it has them. */
export function findPostgresBinaries(override?: string): string | undefined {
  if (override) return existsSync(path.join(override, 'initdb')) ? override : undefined;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
  return versions.map((v) => path.join(root, v, 'bin')).find((dir) => existsSync(path.join(dir, 'initdb')));
}

export const POSTGRES_MISSING =
  'PostgreSQL server binaries (initdb, pg_ctl) were not found under /usr/lib/postgresql/*/bin. ' +
  'Install them (`apt-get install -y --no-install-recommends postgresql`; .ci/run does this in CI).';

/** Unix socket paths are limited to 107 bytes on Linux. */
const MAX_SOCKET_PATH = 107;

/** A throw-away PostgreSQL cluster: a unix socket in a temporary folder, no TCP. */
export interface TempPostgres {
  /** A DATABASE_URL for the `postgres` database as the `postgres` superuser. */
  url: string;
  stop: () => void;
}

/**
 * Starts a fresh cluster in a new temporary folder (about 1.5 s). initdb refuses to run as root, so as
 * root the server runs as `nobody`, which owns the folder. Throws POSTGRES_MISSING without binaries.
 */
export function startTempPostgres(bin: string | undefined): TempPostgres {
  if (!bin) throw new Error(POSTGRES_MISSING);
  const asRoot = process.getuid?.() === 0;
  // As root the server runs as nobody, who must reach the folder: /tmp, not a private $TMPDIR.
  const dir = mkdtempSync(path.join(asRoot ? '/tmp' : tmpdir(), 'dd-pg-'));
  if (path.join(dir, '.s.PGSQL.5432').length > MAX_SOCKET_PATH) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`the temporary folder ${dir} is too long for a unix socket path; set TMPDIR=/tmp`);
  }
  const run = (tool: string, args: string[]): void => {
    const cmd = path.join(bin, tool);
    if (asRoot) execFileSync('runuser', ['-u', 'nobody', '--', cmd, ...args], { stdio: 'pipe' });
    else execFileSync(cmd, args, { stdio: 'pipe' });
  };
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'nobody'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'nobody'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const data = path.join(dir, 'data');
  const port = 5432;
  try {
    run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale', 'C']);
    run('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-w', 'start',
      '-o', `-k ${dir} -c listen_addresses='' -p ${port} -c fsync=off`]);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    const stderr = (err as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(`could not start a temporary PostgreSQL cluster: ${(err as Error).message}\n${stderr}`);
  }
  // A test run killed before afterAll would leave the server running: stop it when this process exits.
  const stopOnExit = (): void => {
    try { run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']); } catch { /* already stopped */ }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stopOnExit);
  return {
    url: `postgres://postgres@localhost/postgres?host=${encodeURIComponent(dir)}&port=${port}`,
    stop: () => {
      process.removeListener('exit', stopOnExit);
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
