import { existsSync } from 'node:fs';
import { ConfigurationError } from './validate-environment';

/**
 * Loads `ENV_FILE` (default `.env` in the working directory) into `env` with Node's own parser
 * (`process.loadEnvFile`, the `--env-file` format): `NAME=value` lines, `#` comments, quotes.
 * Variables already set in the environment win over the file. A missing `.env` is fine; a missing
 * file named by `ENV_FILE` stops start-up. Returns the path read, if any.
 */
export function loadEnvFile(env: NodeJS.ProcessEnv): string | undefined {
  const named = env['ENV_FILE'];
  const path = named === undefined || named === '' ? '.env' : named;
  if (!existsSync(path)) {
    if (path === '.env') return undefined;
    throw new ConfigurationError(`Invalid configuration: ENV_FILE: ${path} does not exist`);
  }
  process.loadEnvFile(path);
  return path;
}
