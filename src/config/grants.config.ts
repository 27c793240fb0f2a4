import { registerAs } from '@nestjs/config';
import { readString } from './env-readers';

/**
 * Grants the service completes itself (RFC 8693 token exchange, RFC 7523 JWT bearer). Which
 * issuers are trusted comes from `TRUSTED_ISSUERS_FILE` through {@link ServerFiles}
 * (docs/trusted-issuers.md): unset, development trusts the demo file and production trusts no
 * issuer at all (the demo issuer's private key is public).
 */
export const grantsConfig = registerAs('grants', () => ({
  production: readString('NODE_ENV') === 'production',
}));

/** Resolved type of {@link grantsConfig}. */
export type GrantsConfig = ReturnType<typeof grantsConfig>;
