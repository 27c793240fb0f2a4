import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { EnvironmentVariables } from './env.schema';

/** Thrown when the environment does not satisfy {@link EnvironmentVariables}; one line per problem. */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

function describe(error: ValidationError): string {
  const problems = Object.values(error.constraints ?? {}).join('; ');
  return `${error.property}: ${problems || 'is invalid'}`;
}

/**
 * Validates `process.env` against the schema. Empty strings count as unset, so a blank line in an
 * `.env` file does not override a default. Secrets are never echoed: messages name the variable only.
 */
export function validateEnvironment(raw: Record<string, unknown>): EnvironmentVariables {
  const cleaned = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== ''));
  const env = plainToInstance(EnvironmentVariables, cleaned, { enableImplicitConversion: false });
  const errors = validateSync(env, { skipMissingProperties: false, whitelist: false });
  if (errors.length > 0) {
    throw new ConfigurationError(`Invalid configuration: ${errors.map(describe).join(' | ')}`);
  }
  return env;
}
