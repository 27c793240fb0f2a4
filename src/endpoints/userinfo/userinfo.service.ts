import { Injectable } from '@nestjs/common';
import { AuthleteService } from '../../authlete/authlete.service';
import type {
  UserInfoIssueResponse,
  UserInfoRequest,
  UserInfoResponse,
} from '../../authlete/types';
import { withRelayedFields } from '../../http/response-headers';
import { pairwiseSubFrom } from '../../users/pairwise-subjects';
import { TOKEN_PROPERTY, tokenProperty } from '../../users/token-properties';
import { UserAuthenticator } from '../../users/user-authenticator';
import { releasableClaimNames } from '../../users/internal-claims';

/**
 * Userinfo logic (OIDC Core §5.3): validates the token with `/auth/userinfo`, fetches the
 * requested claims from the {@link UserAuthenticator} port in one batch, and lets
 * `/auth/userinfo/issue` build the JSON or signed JWT response.
 */
@Injectable()
export class UserinfoService {
  constructor(
    private readonly authlete: AuthleteService,
    private readonly users: UserAuthenticator,
  ) {}

  async handle(request: UserInfoRequest): Promise<UserInfoResponse | UserInfoIssueResponse> {
    const response = await this.authlete.call('userinfo', request);
    if (response.action !== 'OK') return response;
    const names = releasableClaimNames(response.claims ?? []);
    const properties = (response as { properties?: unknown }).properties;
    // claims_locales of the authorization request, kept on the token (OIDC Core §5.2).
    const locales =
      response.claimsLocales ??
      tokenProperty(properties, TOKEN_PROPERTY.claimsLocales)?.split(' ').filter(Boolean) ??
      [];
    const values =
      names.length > 0 && response.subject
        ? await this.users.claims(response.subject, names, locales)
        : {};
    // PAIRWISE clients: the pairwise `sub` chosen at authorization time (OIDC Core §8.1).
    const sub = pairwiseSubFrom(properties);
    const issued = await this.authlete.call('userinfoIssue', {
      token: request.token,
      ...(Object.keys(values).length > 0 ? { claims: JSON.stringify(values) } : {}),
      ...(sub !== undefined ? { sub } : {}),
    });
    // DPoP-Nonce comes with /auth/userinfo only; relay it on the final answer (RFC 9449 §9).
    return withRelayedFields(issued, response);
  }
}
