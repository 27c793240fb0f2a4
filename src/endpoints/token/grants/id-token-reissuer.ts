import { Injectable, Logger } from '@nestjs/common';
import { AuthleteService } from '../../../authlete/authlete.service';
import type { TokenResponse } from '../../../authlete/types';
import { withRelayedFields } from '../../../http/response-headers';
import { UserAuthenticator } from '../../../users/user-authenticator';
import type { TokenOutcome } from '../token-outcome';
import { grantError } from './grant-outcome';
import { releasableClaimNames } from '../../../users/internal-claims';

/**
 * ID_TOKEN_REISSUABLE (Java `TokenResponse` §ID_TOKEN_REISSUABLE; OIDC Core §12.2): a refresh
 * kept `openid`, so a fresh ID token is made with `/idtoken/reissue`, carrying the user's current
 * values of the claims the authorization asked for (`requestedIdTokenClaims`) from the
 * {@link UserAuthenticator}.
 */
@Injectable()
export class IdTokenReissuer {
  private readonly logger = new Logger(IdTokenReissuer.name);

  constructor(
    private readonly authlete: AuthleteService,
    private readonly users: UserAuthenticator,
  ) {}

  async reissue(response: TokenResponse): Promise<TokenOutcome> {
    const accessToken = response.jwtAccessToken ?? response.accessToken;
    const refreshToken = response.refreshToken;
    if (accessToken === undefined || refreshToken === undefined) {
      // Nothing to reissue for: answer as for OK, which Authlete allows (option 1 of the Javadoc).
      return { ...response, action: 'OK' };
    }
    const names = releasableClaimNames(response.requestedIdTokenClaims ?? []);
    const subject = response.subject;
    const values =
      subject === undefined || names.length === 0
        ? {}
        : await this.users.claims(subject, names, []);
    const reissued = await this.authlete.call('idTokenReissue', {
      accessToken,
      refreshToken,
      claims: Object.keys(values).length > 0 ? JSON.stringify(values) : undefined,
    });
    switch (reissued.action) {
      case 'OK':
        return withRelayedFields<TokenOutcome>(
          { action: 'OK', responseContent: reissued.responseContent },
          response,
        );
      case 'INTERNAL_SERVER_ERROR':
      case 'CALLER_ERROR':
        this.logger.error(
          `/idtoken/reissue answered ${reissued.action}: ${reissued.resultMessage ?? ''}`,
        );
        throw grantError(response, 'server_error', 'The ID token could not be reissued.', 500);
    }
  }
}
