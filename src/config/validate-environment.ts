import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { EnvironmentVariables } from './env.schema';

/** Thrown when the environment does not satisfy {@link EnvironmentVariables}; one line in all. */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

/** Constraints that say the value has the wrong type; when one fails, range checks are noise. */
const TYPE_CONSTRAINTS = ['isInt', 'isString', 'isUrl', 'isIn', 'isBooleanString'];

function describe(error: ValidationError): string {
  if (error.value === undefined) return `${error.property}: is required`;
  const constraints = error.constraints ?? {};
  const typeFailure = TYPE_CONSTRAINTS.find((name) => constraints[name] !== undefined);
  const messages = typeFailure ? [constraints[typeFailure]!] : Object.values(constraints);
  const prefix = `${error.property} `;
  const problems = messages.map((message) =>
    message.startsWith(prefix) ? message.slice(prefix.length) : message,
  );
  return `${error.property}: ${problems.join('; ') || 'is invalid'}`;
}

/**
 * Validates `process.env` against the schema (design.md §4). Empty strings count as unset, so a
 * blank line in an `.env` file does not override a default. The error is a single line naming each
 * bad variable and what is wrong; values are never echoed, since some are secrets.
 */
export function validateEnvironment(raw: Record<string, unknown>): EnvironmentVariables {
  const cleaned = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== ''));
  const env = plainToInstance(EnvironmentVariables, cleaned, { enableImplicitConversion: false });
  const errors = validateSync(env, { skipMissingProperties: false, whitelist: false });
  if (errors.length > 0) {
    throw new ConfigurationError(`Invalid configuration: ${errors.map(describe).join(' | ')}`);
  }
  refuseEngineInProduction(env);
  return env;
}

/**
 * The embedded engine serves demo clients whose secrets are public (`config/engine.json`): it is
 * for development, tests and demos. `NODE_ENV=production` without `AUTHLETE_BASE_URL` is refused
 * unless `ENGINE_ALLOW_PRODUCTION=true` says it is meant.
 */
function refuseEngineInProduction(env: EnvironmentVariables): void {
  if (env.NODE_ENV !== 'production' || env.AUTHLETE_BASE_URL !== undefined) return;
  if (['true', '1'].includes(env.ENGINE_ALLOW_PRODUCTION?.toLowerCase() ?? '')) return;
  throw new ConfigurationError(
    'Invalid configuration: AUTHLETE_BASE_URL: unset, so NODE_ENV=production would run the embedded engine with its public demo secrets; set the AUTHLETE_* variables, or ENGINE_ALLOW_PRODUCTION=true to run it anyway',
  );
}
