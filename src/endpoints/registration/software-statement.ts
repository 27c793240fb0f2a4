import { Inject, Injectable } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { createLocalJWKSet, type JSONWebKeySet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { registrationConfig, type RegistrationConfig } from '../../config/registration.config';
import { OAuthError } from '../../http/oauth.errors';

/** JWT claims of a software statement that are not client metadata (RFC 7519 §4.1). */
const JWT_CLAIMS = new Set(['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti']);

/**
 * Verifies software statements (RFC 7591 §2.3) against the one trusted issuer: signature with its
 * JWK Set (`REGISTRATION_SOFTWARE_STATEMENT_JWKS_FILE`), `iss`, and `exp`/`nbf` when present.
 */
@Injectable()
export class SoftwareStatements {
  private readonly keys?: JWTVerifyGetKey;

  constructor(@Inject(registrationConfig.KEY) private readonly config: RegistrationConfig) {
    if (config.softwareStatementIssuer !== undefined && config.softwareStatementJwksFile) {
      const jwks = JSON.parse(
        readFileSync(config.softwareStatementJwksFile, 'utf8'),
      ) as JSONWebKeySet;
      this.keys = createLocalJWKSet(jwks);
    }
  }

  /** Whether a trusted issuer is configured. */
  get enabled(): boolean {
    return this.keys !== undefined;
  }

  /**
   * The metadata a valid statement asserts (its claims minus the JWT ones), which take
   * precedence over the same members sent in the clear (RFC 7591 §2.3). An unverifiable statement
   * is 400 `invalid_software_statement`; one when none are accepted, `unapproved_software_statement`.
   */
  async verify(statement: string): Promise<Record<string, unknown>> {
    if (this.keys === undefined) {
      throw new OAuthError(
        400,
        'unapproved_software_statement',
        'Software statements are not accepted',
      );
    }
    try {
      const { payload } = await jwtVerify(statement, this.keys, {
        issuer: this.config.softwareStatementIssuer,
        algorithms: ['RS256', 'PS256', 'ES256', 'EdDSA'],
      });
      return Object.fromEntries(Object.entries(payload).filter(([name]) => !JWT_CLAIMS.has(name)));
    } catch {
      throw new OAuthError(
        400,
        'invalid_software_statement',
        'The software statement could not be verified',
      );
    }
  }
}
