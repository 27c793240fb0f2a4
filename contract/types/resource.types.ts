import type { AuthleteAuthzDetails } from './vci.types';
import type {
  AuthleteClientAuthMethod,
  AuthleteEnvelope,
  AuthleteGrantType,
  AuthleteProperty,
} from './common.types';

/** `POST /auth/introspection` request (authlete-api.md §8.1). */
export interface IntrospectionRequest {
  token: string;
  scopes?: string[];
  subject?: string;
  clientCertificate?: string;
  dpop?: string;
  htm?: string;
  htu?: string;
  resources?: string[];
}

/** Actions of `/auth/introspection` (§8.1). */
export type IntrospectionAction =
  'OK' | 'BAD_REQUEST' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'INTERNAL_SERVER_ERROR';

/** `/auth/introspection` response (§8.1). */
export interface IntrospectionResponse extends AuthleteEnvelope<IntrospectionAction> {
  clientId?: number;
  clientIdAlias?: string;
  clientIdAliasUsed?: boolean;
  subject?: string;
  scopes?: string[];
  existent?: boolean;
  usable?: boolean;
  sufficient?: boolean;
  refreshable?: boolean;
  expiresAt?: number;
  properties?: AuthleteProperty[];
  acr?: string;
  authTime?: number;
  grantType?: AuthleteGrantType;
  resources?: string[];
  accessTokenResources?: string[];
  consentedClaims?: string[];
  /** RFC 9396 `authorization_details` of the token (OID4VCI 1.0 §6.2). */
  authorizationDetails?: AuthleteAuthzDetails;
  /** `x5t#S256` of the certificate a certificate-bound token is bound to (RFC 8705 §3). */
  certificateThumbprint?: string;
}

/** `POST /auth/introspection/standard` request (§8.2). `parameters` is the raw form body. */
export interface StandardIntrospectionRequest {
  parameters: string;
  withHiddenProperties?: boolean;
  rsUri?: string;
  /** `application/token-introspection+jwt` asks for a JWT response (RFC 9701). */
  httpAcceptHeader?: string;
}

/** Actions of `/auth/introspection/standard` (§8.2). */
export type StandardIntrospectionAction = 'OK' | 'JWT' | 'BAD_REQUEST' | 'INTERNAL_SERVER_ERROR';

/** `/auth/introspection/standard` response (§8.2). */
export type StandardIntrospectionResponse = AuthleteEnvelope<StandardIntrospectionAction>;

/** `POST /auth/userinfo` request (§8.3). */
export interface UserInfoRequest {
  token: string;
  clientCertificate?: string;
  dpop?: string;
  htm?: string;
  htu?: string;
}

/** Actions of `/auth/userinfo` (§8.3). */
export type UserInfoAction =
  'OK' | 'BAD_REQUEST' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'INTERNAL_SERVER_ERROR';

/** `/auth/userinfo` response (§8.3). */
export interface UserInfoResponse extends AuthleteEnvelope<UserInfoAction> {
  subject?: string;
  clientId?: number;
  clientIdAlias?: string;
  clientIdAliasUsed?: boolean;
  scopes?: string[];
  /** Names of claims to return; may carry `#tag`. */
  claims?: string[];
  userInfoClaims?: string;
  claimsLocales?: string[];
  consentedClaims?: string[];
  properties?: AuthleteProperty[];
  token?: string;
}

/** `POST /auth/userinfo/issue` request (§8.4). */
export interface UserInfoIssueRequest {
  token: string;
  /** JSON object string of claim values. */
  claims?: string;
  sub?: string;
}

/** Actions of `/auth/userinfo/issue` (§8.4). */
export type UserInfoIssueAction =
  'JSON' | 'JWT' | 'BAD_REQUEST' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'INTERNAL_SERVER_ERROR';

/** `/auth/userinfo/issue` response (§8.4). */
export type UserInfoIssueResponse = AuthleteEnvelope<UserInfoIssueAction>;

/** `POST /auth/revocation` request (§8.5). */
export interface RevocationRequest {
  parameters: string;
  clientId?: string;
  clientSecret?: string;
  clientCertificate?: string;
  clientCertificatePath?: string[];
  oauthClientAttestation?: string;
  oauthClientAttestationPop?: string;
}

/** Actions of `/auth/revocation` (§8.5). */
export type RevocationAction = 'OK' | 'INVALID_CLIENT' | 'BAD_REQUEST' | 'INTERNAL_SERVER_ERROR';

/** `/auth/revocation` response (§8.5). */
export type RevocationResponse = AuthleteEnvelope<RevocationAction>;

/** `POST /pushed_auth_req` request (§8.8, RFC 9126). */
export interface PushedAuthReqRequest {
  parameters: string;
  clientId?: string;
  clientSecret?: string;
  clientCertificate?: string;
  clientCertificatePath?: string[];
  dpop?: string;
  htm?: string;
  htu?: string;
  oauthClientAttestation?: string;
  oauthClientAttestationPop?: string;
}

/** Actions of `/pushed_auth_req` (§8.8). */
export type PushedAuthReqAction =
  | 'CREATED'
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'PAYLOAD_TOO_LARGE'
  | 'INTERNAL_SERVER_ERROR';

/** `/pushed_auth_req` response (§8.8). */
export interface PushedAuthReqResponse extends AuthleteEnvelope<PushedAuthReqAction> {
  requestUri?: string;
  clientAuthMethod?: AuthleteClientAuthMethod;
}
