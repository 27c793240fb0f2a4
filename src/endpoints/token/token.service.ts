import { Injectable, Logger } from '@nestjs/common';
import { AuthleteService } from '../../authlete/authlete.service';
import type { TokenResponse } from '../../authlete/types';
import type { ClientPresentation } from '../../http/client-request.reader';
import { OAuthError } from '../../http/oauth.errors';
import { relayedHeaders, withRelayedFields } from '../../http/response-headers';
import { unexpectedAction } from '../../http/unexpected-action';
import { LoginAttemptLimiter } from '../../session/login-attempt.limiter';
import { authenticateUser } from '../../users/authentication-outcome';
import { UserAuthenticator } from '../../users/user-authenticator';
import { IdTokenReissuer } from './grants/id-token-reissuer';
import { JwtBearerGrant } from './grants/jwt-bearer-grant';
import { NativeSsoCompleter } from './grants/native-sso-completer';
import { TokenExchanger } from './grants/token-exchanger';
import { passwordWaitError } from './password-wait-error';
import type { TokenOutcome } from './token-outcome';

export type { TokenOutcome } from './token-outcome';

/**
 * Token endpoint logic (RFC 6749 §3.2): forwards the raw form body to `/auth/token` and resolves
 * the actions that need the service (authlete-api.md §6.1): PASSWORD through the
 * {@link UserAuthenticator} port (RFC 6749 §4.3), TOKEN_EXCHANGE (RFC 8693), JWT_BEARER
 * (RFC 7523), ID_TOKEN_REISSUABLE (`/idtoken/reissue`) and NATIVE_SSO (`/nativesso`). A user
 * store that cannot answer makes the PASSWORD grant a 503 `temporarily_unavailable` with
 * `Retry-After` (the ticket simply expires).
 */
@Injectable()
export class TokenService {
  private readonly logger = new Logger(TokenService.name);

  constructor(
    private readonly authlete: AuthleteService,
    private readonly users: UserAuthenticator,
    private readonly limiter: LoginAttemptLimiter,
    private readonly exchanger: TokenExchanger,
    private readonly jwtBearer: JwtBearerGrant,
    private readonly reissuer: IdTokenReissuer,
    private readonly nativeSso: NativeSsoCompleter,
  ) {}

  async handle(parameters: string, client: ClientPresentation, ip: string): Promise<TokenOutcome> {
    const response = await this.authlete.call('token', { parameters, ...client });
    switch (response.action) {
      case 'PASSWORD':
        return this.passwordGrant(response, ip);
      case 'TOKEN_EXCHANGE':
        return this.exchanger.exchange(response);
      case 'JWT_BEARER':
        return this.jwtBearer.grant(response);
      case 'ID_TOKEN_REISSUABLE':
        return this.reissuer.reissue(response);
      case 'NATIVE_SSO':
        return this.nativeSso.complete(response);
      case 'OK':
      case 'BAD_REQUEST':
      case 'INVALID_CLIENT':
      case 'INTERNAL_SERVER_ERROR':
        return { ...response, action: response.action };
      default:
        return unexpectedAction('auth/token', response.action);
    }
  }

  private async passwordGrant(response: TokenResponse, ip: string): Promise<TokenOutcome> {
    const ticket = response.ticket ?? '';
    const username = response.username ?? '';
    // The login form's brute-force rules apply here too (RFC 6749 §10.10): a try during a wait
    // is refused without checking the password, and says how long to wait.
    const gate = await this.limiter.check(username, ip);
    const blocked = !gate.allowed;
    const outcome = blocked
      ? ({ kind: 'rejected' } as const)
      : await authenticateUser(
          this.users,
          { username, password: response.password ?? '' },
          {
            flow: 'password-grant',
            clientId: response.clientIdAlias ?? String(response.clientId ?? ''),
            ip,
          },
          this.logger,
        );
    if (outcome.kind === 'unavailable') {
      throw new OAuthError(
        503,
        'temporarily_unavailable',
        'The user store is temporarily unavailable',
        { ...relayedHeaders(response), 'retry-after': '30' },
      );
    }
    const next =
      outcome.kind === 'rejected' && !blocked
        ? await this.limiter.recordFailure(username, ip)
        : gate;
    const user = outcome.kind === 'authenticated' ? outcome.user : null;
    if (user !== null) await this.limiter.recordSuccess(username, ip);
    // DPoP-Nonce and the attestation challenge come with /auth/token; keep them (§3).
    if (user === null) {
      const failed = await this.authlete.call('tokenFail', {
        ticket,
        reason: 'INVALID_RESOURCE_OWNER_CREDENTIALS',
      });
      if (!next.allowed && failed.action === 'BAD_REQUEST') {
        throw passwordWaitError(next.waitSeconds, failed, response, !blocked);
      }
      return withRelayedFields(failed, response);
    }
    const issued = await this.authlete.call('tokenIssue', { ticket, subject: user.subject });
    return withRelayedFields(issued, response);
  }
}
