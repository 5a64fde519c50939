import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadConfig, type Config } from '../app/config.js';
import { isUserError, UserError } from '../core/errors.js';

/** Options every command takes. */
export const COMMON_OPTIONS = {
  'data-dir': { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies ParseArgsConfig['options'];

/** Parses arguments strictly: an unknown option is a one-line usage error. */
export function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UserError('USAGE', { detail: (err as Error).message.split('\n')[0]! });
  }
}

/** Reads the configuration, with `--data-dir` taking precedence over `DATA_DIR`. */
export function configFrom(values: { 'data-dir'?: string }): Config {
  return loadConfig({ overrides: values['data-dir'] ? { DATA_DIR: values['data-dir'] } : {} });
}

/**
 * Runs a command: a `UserError` prints its one-line message and exits 1; anything else prints a short
 * line and exits 2.
 */
export function run(main: () => Promise<number | void>): void {
  main().then(
    (code) => { process.exitCode = code ?? 0; },
    (err: unknown) => {
      if (isUserError(err)) {
        process.stderr.write(`error: ${err.message}\n`);
        process.exitCode = 1;
      } else {
        const e = err as Error;
        process.stderr.write(`unexpected error: ${e?.message ?? String(err)}\n`);
        process.exitCode = 2;
      }
    },
  );
}

/** Prints JSON to stdout. */
export function printJson(x: unknown): void {
  process.stdout.write(`${JSON.stringify(x, null, 2)}\n`);
}
