import { registerAs } from '@nestjs/config';
import { readString } from './env-readers';

/**
 * Grants the service completes itself (RFC 8693 token exchange, RFC 7523 JWT bearer):
 * `TRUSTED_ISSUERS_FILE` names the issuers whose JWTs are accepted (docs/trusted-issuers.md).
 * Unset, development trusts the demo file and production trusts no issuer at all (the demo
 * issuer's private key is public).
 */
export const grantsConfig = registerAs('grants', () => {
  const production = readString('NODE_ENV') === 'production';
  const trustedIssuersFile: string | undefined =
    readString('TRUSTED_ISSUERS_FILE') ?? (production ? undefined : 'config/trusted-issuers.json');
  return { trustedIssuersFile, production };
});

/** Resolved type of {@link grantsConfig}. */
export type GrantsConfig = ReturnType<typeof grantsConfig>;
