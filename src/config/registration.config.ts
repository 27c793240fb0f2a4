import { registerAs } from '@nestjs/config';
import { readBool, readString } from './env-readers';

function list(name: string): string[] {
  return (readString(name) ?? '')
    .split(',')
    .map((value) => value.trim())
    .filter((value) => value.length > 0);
}

/**
 * Dynamic client registration policy (RFC 7591 §3): who may register. Open in development; with
 * `NODE_ENV=production` closed unless `REGISTRATION_OPEN=true`, and otherwise reachable only with
 * an initial access token or a software statement from the configured issuer.
 */
export const registrationConfig = registerAs('registration', () => {
  const production = readString('NODE_ENV') === 'production';
  return {
    /** Anyone may register, without an initial access token or a software statement. */
    open: readBool('REGISTRATION_OPEN', !production),
    /** RFC 7591 §3 initial access tokens (Bearer), any of which allows a registration. */
    initialAccessTokens: list('REGISTRATION_INITIAL_ACCESS_TOKENS'),
    /** `iss` of trusted software statements (RFC 7591 §2.3). */
    softwareStatementIssuer: readString('REGISTRATION_SOFTWARE_STATEMENT_ISSUER'),
    /** JWK Set file holding the issuer's public keys. */
    softwareStatementJwksFile: readString('REGISTRATION_SOFTWARE_STATEMENT_JWKS_FILE'),
  };
});

/** Resolved type of {@link registrationConfig}. */
export type RegistrationConfig = ReturnType<typeof registrationConfig>;
