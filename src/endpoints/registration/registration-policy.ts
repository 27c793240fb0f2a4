import { Inject, Injectable } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import { registrationConfig, type RegistrationConfig } from '../../config/registration.config';
import { OAuthError } from '../../http/oauth.errors';
import { SoftwareStatements } from './software-statement';

const CHALLENGE = 'Bearer realm="register"';

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** A registration request the policy let through: the metadata to send to Authlete. */
export interface AdmittedRegistration {
  readonly metadata: Record<string, unknown>;
  /** The initial access token, passed on as Authlete's `token`. */
  readonly token?: string;
}

/**
 * Who may register a client (RFC 7591 §3): anyone when the policy is open (development default);
 * otherwise a valid initial access token (RFC 7591 §3, checked in constant time) or a software
 * statement signed by the trusted issuer (RFC 7591 §2.3). A statement, when sent, is always
 * verified and its claims override the same members sent in the clear.
 */
@Injectable()
export class RegistrationPolicy {
  private readonly tokenDigests: Buffer[];

  constructor(
    @Inject(registrationConfig.KEY) private readonly config: RegistrationConfig,
    private readonly statements: SoftwareStatements,
  ) {
    this.tokenDigests = config.initialAccessTokens.map(digest);
  }

  /** Checks a registration request; throws the OAuth error that refuses it. */
  async admit(metadata: Record<string, unknown>, bearer?: string): Promise<AdmittedRegistration> {
    const tokenValid = bearer !== undefined && this.tokenMatches(bearer);
    if (bearer !== undefined && !tokenValid && this.tokenDigests.length > 0) {
      throw new OAuthError(401, 'invalid_token', 'The initial access token is not valid', {
        'www-authenticate': `${CHALLENGE}, error="invalid_token"`,
      });
    }
    const statement = metadata['software_statement'];
    if (statement !== undefined && typeof statement !== 'string') {
      throw new OAuthError(400, 'invalid_software_statement', 'software_statement must be a JWT');
    }
    const asserted = statement === undefined ? undefined : await this.statements.verify(statement);
    if (!this.config.open && !tokenValid && asserted === undefined) this.refuse();
    return {
      metadata: asserted === undefined ? metadata : { ...metadata, ...asserted },
      token: tokenValid ? bearer : undefined,
    };
  }

  private tokenMatches(token: string): boolean {
    const presented = digest(token);
    return this.tokenDigests.some((expected) => timingSafeEqual(presented, expected));
  }

  private refuse(): never {
    if (this.tokenDigests.length > 0) {
      throw new OAuthError(401, 'invalid_token', 'An initial access token is required', {
        'www-authenticate': CHALLENGE,
      });
    }
    if (this.statements.enabled) {
      throw new OAuthError(400, 'invalid_software_statement', 'A software statement is required');
    }
    throw new OAuthError(403, 'access_denied', 'Dynamic client registration is not open');
  }
}
