import { registerAs } from '@nestjs/config';
import { readString } from './env-readers';

/**
 * Grants the service completes itself (RFC 8693 token exchange, RFC 7523 JWT bearer):
 * `TRUSTED_ISSUERS_FILE` names the issuers whose JWTs are accepted (docs/trusted-issuers.md).
 */
export const grantsConfig = registerAs('grants', () => ({
  trustedIssuersFile: readString('TRUSTED_ISSUERS_FILE') ?? 'config/trusted-issuers.json',
  production: readString('NODE_ENV') === 'production',
}));

/** Resolved type of {@link grantsConfig}. */
export type GrantsConfig = ReturnType<typeof grantsConfig>;
