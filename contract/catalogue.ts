import { type AuthleteApiEntry, io } from './api-entry';
import type * as T from './types';

/**
 * Every Authlete API this server calls and the embedded engine serves, each declared once
 * (authlete-api.md §4–§8). The key is the API's name in code (`authlete.call('token', …)`); the
 * entry gives its path, method, answer kind, retry safety and request/response types.
 *
 * Derived from it: `AuthleteService.call`/`document` and the retry policy in src/authlete, the
 * `api` label of the Authlete metrics, and the engine's route table, whose type requires one
 * handler per entry answering the entry's response type. Adding an API is one entry here plus
 * one handler on each side (docs/architecture.md, "How to add an Authlete API").
 */
export const AUTHLETE_APIS = {
  /** Authorization request (RFC 6749 §4.1.1, OIDC Core §3.1.2; authlete-api.md §4.1). */
  authorization: {
    path: 'auth/authorization',
    method: 'POST',
    answer: 'action',
    retryable: false,
    io: io<T.AuthorizationRequest, T.AuthorizationResponse>(),
  },
  /** Issues the authorization response after consent (§4.2). */
  authorizationIssue: {
    path: 'auth/authorization/issue',
    method: 'POST',
    answer: 'action',
    retryable: false,
    io: io<T.AuthorizationIssueRequest, T.AuthorizationIssueResponse>(),
  },
  /** Builds the error response of a refused authorization request (§4.3). */
  authorizationFail: {
    path: 'auth/authorization/fail',
    method: 'POST',
    answer: 'action',
    retryable: false,
    io: io<T.AuthorizationFailRequest, T.AuthorizationFailResponse>(),
  },
  /** Token request, every grant type (RFC 6749 §3.2; §6.1). */
  token: {
    path: 'auth/token',
    method: 'POST',
    answer: 'action',
    retryable: false,
    io: io<T.TokenRequest, T.TokenResponse>(),
  },
  /** Issues tokens after the server checked resource owner credentials (RFC 6749 §4.3; §6.2). */
  tokenIssue: {
    path: 'auth/token/issue',
    method: 'POST',
    answer: 'action',
    retryable: false,
    io: io<T.TokenIssueRequest, T.TokenIssueResponse>(),
  },
  /** Builds the error response of a refused token request (§6.3). */
  tokenFail: {
    path: 'auth/token/fail',
    method: 'POST',
    answer: 'action',
    retryable: false,
    io: io<T.TokenFailRequest, T.TokenFailResponse>(),
  },
  /** Mints tokens directly, outside any flow (§6.4). */
  tokenCreate: {
    path: 'auth/token/create',
    method: 'POST',
    answer: 'action',
    retryable: false,
    io: io<T.TokenCreateRequest, T.TokenCreateResponse>(),
  },
  /** Resource-server token check (RFC 6750; §8.1). A read: safe to retry. */
  introspection: {
    path: 'auth/introspection',
    method: 'POST',
    answer: 'action',
    retryable: true,
    io: io<T.IntrospectionRequest, T.IntrospectionResponse>(),
  },
  /** RFC 7662 token introspection (§8.2). A read: safe to retry. */
  standardIntrospection: {
    path: 'auth/introspection/standard',
    method: 'POST',
    answer: 'action',
    retryable: true,
    io: io<T.StandardIntrospectionRequest, T.StandardIntrospectionResponse>(),
  },
  /** UserInfo request (OIDC Core §5.3; §8.3). */
  userinfo: {
    path: 'auth/userinfo',
    method: 'POST',
    answer: 'action',
    retryable: false,
    io: io<T.UserInfoRequest, T.UserInfoResponse>(),
  },
  /** Builds the UserInfo response from the claim values (OIDC Core §5.3.2; §8.4). */
  userinfoIssue: {
    path: 'auth/userinfo/issue',
    method: 'POST',
    answer: 'action',
    retryable: false,
    io: io<T.UserInfoIssueRequest, T.UserInfoIssueResponse>(),
  },
  /** Token revocation (RFC 7009; §8.5). */
  revocation: {
    path: 'auth/revocation',
    method: 'POST',
    answer: 'action',
    retryable: false,
    io: io<T.RevocationRequest, T.RevocationResponse>(),
  },
  /** Pushed authorization request (RFC 9126; §8.8). */
  pushedAuthReq: {
    path: 'pushed_auth_req',
    method: 'POST',
    answer: 'action',
    retryable: false,
    io: io<T.PushedAuthReqRequest, T.PushedAuthReqResponse>(),
  },
  /** Provider metadata (OIDC Discovery §3, RFC 8414; §8.6). A read: safe to retry. */
  serviceConfiguration: {
    path: 'service/configuration',
    method: 'GET',
    answer: 'document',
    retryable: true,
    io: io<T.ServiceConfigurationRequest, T.JsonDocument>(),
  },
  /** The service's public JWK Set (RFC 7517 §5; §8.7). A read: safe to retry. */
  serviceJwks: {
    path: 'service/jwks/get',
    method: 'GET',
    answer: 'document',
    retryable: true,
    io: io<T.ServiceJwksRequest, T.JsonDocument>(),
  },
  /** Credential issuer metadata (OID4VCI 1.0 §12.2). A read: safe to retry. */
  credentialIssuerMetadata: {
    path: 'vci/metadata',
    method: 'POST',
    answer: 'action',
    retryable: true,
    io: io<T.CredentialPrettyRequest, T.CredentialIssuerMetadataResponse>(),
  },
  /** JWT VC issuer metadata (SD-JWT VC §5). A read: safe to retry. */
  credentialJwtIssuerMetadata: {
    path: 'vci/jwtissuer',
    method: 'POST',
    answer: 'action',
    retryable: true,
    io: io<T.CredentialPrettyRequest, T.CredentialJwtIssuerMetadataResponse>(),
  },
  /** The credential issuer's public JWK Set (SD-JWT VC §5). A read: safe to retry. */
  credentialIssuerJwks: {
    path: 'vci/jwks',
    method: 'POST',
    answer: 'action',
    retryable: true,
    io: io<T.CredentialPrettyRequest, T.CredentialIssuerJwksResponse>(),
  },
  /** Creates a credential offer (OID4VCI 1.0 §4.1). */
  credentialOfferCreate: {
    path: 'vci/offer/create',
    method: 'POST',
    answer: 'action',
    retryable: false,
    io: io<T.CredentialOfferCreateRequest, T.CredentialOfferCreateResponse>(),
  },
  /** Reads a credential offer (OID4VCI 1.0 §4.1.3). A read: safe to retry. */
  credentialOfferInfo: {
    path: 'vci/offer/info',
    method: 'POST',
    answer: 'action',
    retryable: true,
    io: io<T.CredentialOfferInfoRequest, T.CredentialOfferInfoResponse>(),
  },
  /** Issues a fresh `c_nonce` (OID4VCI 1.0 §7). */
  credentialNonce: {
    path: 'vci/nonce',
    method: 'POST',
    answer: 'action',
    retryable: false,
    io: io<T.CredentialPrettyRequest, T.CredentialNonceResponse>(),
  },
  /** Parses a credential request and verifies its proofs (OID4VCI 1.0 §8.2). */
  credentialSingleParse: {
    path: 'vci/single/parse',
    method: 'POST',
    answer: 'action',
    retryable: false,
    io: io<T.CredentialParseRequest, T.CredentialParseResponse>(),
  },
  /** Issues a credential, or a transaction id when deferred (OID4VCI 1.0 §8.3). */
  credentialSingleIssue: {
    path: 'vci/single/issue',
    method: 'POST',
    answer: 'action',
    retryable: false,
    io: io<T.CredentialSingleIssueRequest, T.CredentialSingleIssueResponse>(),
  },
  /** Parses a deferred credential request (OID4VCI 1.0 §9.1). */
  credentialDeferredParse: {
    path: 'vci/deferred/parse',
    method: 'POST',
    answer: 'action',
    retryable: false,
    io: io<T.CredentialParseRequest, T.CredentialParseResponse>(),
  },
  /** Issues a deferred credential, or answers "still pending" (OID4VCI 1.0 §9.2). */
  credentialDeferredIssue: {
    path: 'vci/deferred/issue',
    method: 'POST',
    answer: 'action',
    retryable: false,
    io: io<T.CredentialDeferredIssueRequest, T.CredentialDeferredIssueResponse>(),
  },
  /** Dynamic client registration (RFC 7591 §3; §8.9). */
  clientRegistration: {
    path: 'client/registration',
    method: 'POST',
    answer: 'action',
    retryable: false,
    io: io<T.ClientRegistrationRequest, T.ClientRegistrationResponse>(),
  },
  /** Reads a registered client with its registration access token (RFC 7592 §2.1). */
  clientRegistrationGet: {
    path: 'client/registration/get',
    method: 'POST',
    answer: 'action',
    retryable: false,
    io: io<T.ClientRegistrationRequest, T.ClientRegistrationResponse>(),
  },
  /** Updates a registered client (RFC 7592 §2.2). */
  clientRegistrationUpdate: {
    path: 'client/registration/update',
    method: 'POST',
    answer: 'action',
    retryable: false,
    io: io<T.ClientRegistrationRequest, T.ClientRegistrationResponse>(),
  },
  /** Deletes a registered client (RFC 7592 §2.3). */
  clientRegistrationDelete: {
    path: 'client/registration/delete',
    method: 'POST',
    answer: 'action',
    retryable: false,
    io: io<T.ClientRegistrationRequest, T.ClientRegistrationResponse>(),
  },
  /** The `Client` DTO of one client, by id or alias (client management API; §8.15). */
  clientGet: {
    path: 'client/get/{clientId}',
    method: 'GET',
    answer: 'document',
    retryable: true,
    io: io<T.ClientGetRequest, T.AuthleteClient>(),
  },
  /** A logout token for one client (OpenID Connect Back-Channel Logout 1.0 §2.4). */
  backchannelLogoutToken: {
    path: 'backchannel/logout/token',
    method: 'POST',
    answer: 'action',
    retryable: false,
    io: io<T.BackchannelLogoutTokenRequest, T.BackchannelLogoutTokenResponse>(),
  },
  /** Grant management query and revoke (FAPI Grant Management §6; §8.12). */
  grantManagement: {
    path: 'gm',
    method: 'POST',
    answer: 'action',
    retryable: false,
    io: io<T.GMRequest, T.GMResponse>(),
  },
  /** A new ID token after ID_TOKEN_REISSUABLE (OIDC Core §12.2; Java `IDTokenReissueRequest`). */
  idTokenReissue: {
    path: 'idtoken/reissue',
    method: 'POST',
    answer: 'action',
    retryable: false,
    io: io<T.IdTokenReissueRequest, T.IdTokenReissueResponse>(),
  },
  /** The token response after NATIVE_SSO (OpenID Connect Native SSO 1.0; Java `NativeSsoRequest`). */
  nativeSso: {
    path: 'nativesso',
    method: 'POST',
    answer: 'action',
    retryable: false,
    io: io<T.NativeSsoRequest, T.NativeSsoResponse>(),
  },
  /** Deletes the tokens of a Native SSO session (Java `NativeSsoLogoutRequest`). */
  nativeSsoLogout: {
    path: 'nativesso/logout',
    method: 'POST',
    answer: 'action',
    retryable: false,
    io: io<T.NativeSsoLogoutRequest, T.NativeSsoLogoutResponse>(),
  },
  /** Device authorization request (RFC 8628 §3.1, §3.2; Java `DeviceAuthorizationRequest`). */
  deviceAuthorization: {
    path: 'device/authorization',
    method: 'POST',
    answer: 'action',
    retryable: false,
    io: io<T.DeviceAuthorizationRequest, T.DeviceAuthorizationResponse>(),
  },
  /** Looks up a user code typed on the verification page (RFC 8628 §3.3). */
  deviceVerification: {
    path: 'device/verification',
    method: 'POST',
    answer: 'action',
    retryable: false,
    io: io<T.DeviceVerificationRequest, T.DeviceVerificationResponse>(),
  },
  /** Reports the user's decision on a user code (RFC 8628 §3.3). */
  deviceComplete: {
    path: 'device/complete',
    method: 'POST',
    answer: 'action',
    retryable: false,
    io: io<T.DeviceCompleteRequest, T.DeviceCompleteResponse>(),
  },
  /** Backchannel authentication request (OpenID Connect CIBA Core 1.0 §7.1). */
  backchannelAuthentication: {
    path: 'backchannel/authentication',
    method: 'POST',
    answer: 'action',
    retryable: false,
    io: io<T.BackchannelAuthenticationRequest, T.BackchannelAuthenticationResponse>(),
  },
  /** Issues the `auth_req_id` after the user was identified (CIBA Core §7.3). */
  backchannelAuthenticationIssue: {
    path: 'backchannel/authentication/issue',
    method: 'POST',
    answer: 'action',
    retryable: false,
    io: io<T.BackchannelAuthenticationIssueRequest, T.BackchannelAuthenticationIssueResponse>(),
  },
  /** Builds the error response of a refused backchannel request (CIBA Core §13). */
  backchannelAuthenticationFail: {
    path: 'backchannel/authentication/fail',
    method: 'POST',
    answer: 'action',
    retryable: false,
    io: io<T.BackchannelAuthenticationFailRequest, T.BackchannelAuthenticationFailResponse>(),
  },
  /** Reports the user's decision; answers what to notify (CIBA Core §10). */
  backchannelAuthenticationComplete: {
    path: 'backchannel/authentication/complete',
    method: 'POST',
    answer: 'action',
    retryable: false,
    io: io<
      T.BackchannelAuthenticationCompleteRequest,
      T.BackchannelAuthenticationCompleteResponse
    >(),
  },
} as const satisfies Record<string, AuthleteApiEntry>;
