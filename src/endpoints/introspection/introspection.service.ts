import { Injectable } from '@nestjs/common';
import { AuthleteService } from '../../authlete/authlete.service';
import type { StandardIntrospectionResponse } from '../../authlete/types';
import type { BasicCredentials } from '../../http/extractors/basic-credentials';
import { OAuthError } from '../../http/oauth.errors';
import { basicChallenge } from '../../http/response-headers';
import { withDelegationClaim } from './delegation-claim';
import { ResourceServerRegistry } from './resource-server-registry';

/** The Basic realm of the introspection endpoint. */
export const INTROSPECTION_REALM = 'introspection';

/** Media type of a JWT introspection response (RFC 9701 §4). */
const JWT_MEDIA_TYPE = 'application/token-introspection+jwt';

/** What a resource server sent to the introspection endpoint. */
export interface IntrospectionCall {
  /** The form body exactly as sent. */
  parameters: string;
  /** Its HTTP Basic credentials, when it sent any. */
  caller: BasicCredentials | undefined;
  /** It asked for a signed JWT response (`Accept: application/token-introspection+jwt`). */
  wantsJwt: boolean;
}

/**
 * Token introspection (RFC 7662 §2.1: the endpoint MUST require authorization): the resource
 * server is checked against {@link ResourceServerRegistry}, then the raw form body goes to
 * `/auth/introspection/standard`, whose action the introspection action map answers. An `act`
 * property (RFC 8693 §4.1, set by token exchange) is answered as the claim's JSON object.
 */
@Injectable()
export class IntrospectionService {
  constructor(
    private readonly authlete: AuthleteService,
    private readonly resourceServers: ResourceServerRegistry,
  ) {}

  /** Introspects for an authenticated resource server; 401 `invalid_client` otherwise. */
  async introspect(call: IntrospectionCall): Promise<StandardIntrospectionResponse> {
    const { caller } = call;
    if (!caller || !this.resourceServers.verify(caller.id, caller.secret)) {
      throw new OAuthError(401, 'invalid_client', 'Resource server authentication failed', {
        'www-authenticate': basicChallenge(INTROSPECTION_REALM),
      });
    }
    const response = await this.authlete.call('standardIntrospection', {
      parameters: call.parameters,
      ...(call.wantsJwt ? { httpAcceptHeader: JWT_MEDIA_TYPE } : {}),
    });
    if (response.action !== 'OK') return response;
    return { ...response, responseContent: withDelegationClaim(response.responseContent) };
  }

  /** Whether an `Accept` header asks for the JWT response. */
  static wantsJwt(accept: string | undefined): boolean {
    return (accept ?? '').toLowerCase().includes(JWT_MEDIA_TYPE);
  }
}
