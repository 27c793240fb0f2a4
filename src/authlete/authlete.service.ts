import { Injectable } from '@nestjs/common';
import { AuthleteApiError } from './authlete-api.error';
import { AuthleteTransport } from './authlete-transport';
import type * as T from './types';

/** A raw document API answer: the JSON, or a redirect to an external JWK Set (§8.7). */
export type JwksAnswer =
  | { kind: 'document'; document: T.JsonDocument }
  | { kind: 'none' }
  | { kind: 'redirect'; location: string };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The one client of the Authlete API (design.md §5): one typed method per API, each returning the
 * protocol outcome (an `action`) or throwing {@link AuthleteApiError} for API-level failures.
 * Callers pass client parameters as-is and branch on `action` only.
 */
@Injectable()
export class AuthleteService {
  constructor(private readonly transport: AuthleteTransport) {}

  private async post<R extends { action: string }>(api: string, body: object): Promise<R> {
    const answer = await this.transport.send({ api, method: 'POST', body });
    if (!isObject(answer.json) || typeof answer.json['action'] !== 'string') {
      throw new AuthleteApiError(api, 'invalid-json', answer.status);
    }
    return answer.json as unknown as R;
  }

  /** `/auth/authorization` (authlete-api.md §4.1; RFC 6749 §4.1.1). */
  authorization(req: T.AuthorizationRequest): Promise<T.AuthorizationResponse> {
    return this.post('auth/authorization', req);
  }

  /** `/auth/authorization/issue` (§4.2). */
  authorizationIssue(req: T.AuthorizationIssueRequest): Promise<T.AuthorizationIssueResponse> {
    return this.post('auth/authorization/issue', req);
  }

  /** `/auth/authorization/fail` (§4.3). */
  authorizationFail(req: T.AuthorizationFailRequest): Promise<T.AuthorizationFailResponse> {
    return this.post('auth/authorization/fail', req);
  }

  /** `/auth/token` (§6.1; RFC 6749 §3.2). */
  token(req: T.TokenRequest): Promise<T.TokenResponse> {
    return this.post('auth/token', req);
  }

  /** `/auth/token/issue` after PASSWORD (§6.2; RFC 6749 §4.3). */
  tokenIssue(req: T.TokenIssueRequest): Promise<T.TokenIssueResponse> {
    return this.post('auth/token/issue', req);
  }

  /** `/auth/token/fail` after PASSWORD (§6.3). */
  tokenFail(req: T.TokenFailRequest): Promise<T.TokenFailResponse> {
    return this.post('auth/token/fail', req);
  }

  /** `/auth/token/create`: mint tokens directly (§6.4). */
  tokenCreate(req: T.TokenCreateRequest): Promise<T.TokenCreateResponse> {
    return this.post('auth/token/create', req);
  }

  /** `/auth/introspection`: Authlete's resource-server check (§8.1). */
  introspection(req: T.IntrospectionRequest): Promise<T.IntrospectionResponse> {
    return this.post('auth/introspection', req);
  }

  /** `/auth/introspection/standard`: RFC 7662 (§8.2). */
  standardIntrospection(
    req: T.StandardIntrospectionRequest,
  ): Promise<T.StandardIntrospectionResponse> {
    return this.post('auth/introspection/standard', req);
  }

  /** `/auth/userinfo` (§8.3; OIDC Core §5.3). */
  userinfo(req: T.UserInfoRequest): Promise<T.UserInfoResponse> {
    return this.post('auth/userinfo', req);
  }

  /** `/auth/userinfo/issue` (§8.4). */
  userinfoIssue(req: T.UserInfoIssueRequest): Promise<T.UserInfoIssueResponse> {
    return this.post('auth/userinfo/issue', req);
  }

  /** `/auth/revocation`: RFC 7009 (§8.5). */
  revocation(req: T.RevocationRequest): Promise<T.RevocationResponse> {
    return this.post('auth/revocation', req);
  }

  /** `/pushed_auth_req`: RFC 9126 (§8.8). */
  pushedAuthReq(req: T.PushedAuthReqRequest): Promise<T.PushedAuthReqResponse> {
    return this.post('pushed_auth_req', req);
  }

  /** `/client/registration`: RFC 7591 §3 registration (authlete-api.md §8.9). */
  clientRegistration(req: T.ClientRegistrationRequest): Promise<T.ClientRegistrationResponse> {
    return this.post('client/registration', req);
  }

  /** `/client/registration/get`: RFC 7592 §2.1 read. */
  clientRegistrationGet(req: T.ClientRegistrationRequest): Promise<T.ClientRegistrationResponse> {
    return this.post('client/registration/get', req);
  }

  /** `/client/registration/update`: RFC 7592 §2.2 update. */
  clientRegistrationUpdate(
    req: T.ClientRegistrationRequest,
  ): Promise<T.ClientRegistrationResponse> {
    return this.post('client/registration/update', req);
  }

  /** `/client/registration/delete`: RFC 7592 §2.3 delete. */
  clientRegistrationDelete(
    req: T.ClientRegistrationRequest,
  ): Promise<T.ClientRegistrationResponse> {
    return this.post('client/registration/delete', req);
  }

  /** `/gm`: FAPI Grant Management query and revoke (authlete-api.md §8.12). */
  grantManagement(req: T.GMRequest): Promise<T.GMResponse> {
    return this.post('gm', req);
  }

  /** `/backchannel/logout/token`: a logout token for one client (Back-Channel Logout 1.0 §2.4). */
  backchannelLogoutToken(
    req: T.BackchannelLogoutTokenRequest,
  ): Promise<T.BackchannelLogoutTokenResponse> {
    return this.post('backchannel/logout/token', req);
  }

  /** `GET /client/get/{clientId}`: the raw `Client` DTO (client management API). */
  async clientGet(clientId: string): Promise<T.AuthleteClient> {
    const path = `client/get/${encodeURIComponent(clientId)}`;
    const answer = await this.transport.send({ api: 'client/get', path, method: 'GET' });
    if (!isObject(answer.json) || typeof answer.json['clientId'] !== 'number') {
      throw new AuthleteApiError('client/get', 'invalid-json', answer.status);
    }
    return answer.json as unknown as T.AuthleteClient;
  }

  /** `/service/configuration`: the raw discovery document (§8.6; OIDC Discovery §3, RFC 8414). */
  async serviceConfiguration(): Promise<T.JsonDocument> {
    const answer = await this.transport.send({ api: 'service/configuration', method: 'GET' });
    if (!isObject(answer.json)) {
      throw new AuthleteApiError('service/configuration', 'invalid-json', answer.status);
    }
    return answer.json;
  }

  /** `/service/jwks/get`: the public JWK Set, none (204), or a redirect (302) (§8.7). */
  async serviceJwks(): Promise<JwksAnswer> {
    const answer = await this.transport.send({
      api: 'service/jwks/get',
      method: 'GET',
      query: { includePrivateKeys: 'false' },
    });
    if (answer.status === 204) return { kind: 'none' };
    if (answer.status === 302 && answer.location) {
      return { kind: 'redirect', location: answer.location };
    }
    if (!isObject(answer.json)) {
      throw new AuthleteApiError('service/jwks/get', 'invalid-json', answer.status);
    }
    return { kind: 'document', document: answer.json };
  }
}
