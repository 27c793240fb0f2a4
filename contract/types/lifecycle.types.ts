import type {
  AuthleteClientAuthMethod,
  AuthleteEnvelope,
  AuthleteGrantType,
  AuthleteSubjectType,
} from './common.types';

/**
 * `POST /client/registration[/get|/update|/delete]` request (authlete-java-common
 * `ClientRegistrationRequest`; authlete-api.md §8.9). `json` is the RFC 7591 body as received,
 * `token` the initial or registration access token, `clientId` the id from the client URI.
 */
export interface ClientRegistrationRequest {
  json?: string;
  token?: string;
  clientId?: string;
}

/** `ClientRegistrationResponse.Action` (RFC 7591 §3.2, RFC 7592 §2). */
export type ClientRegistrationAction =
  | 'CREATED'
  | 'OK'
  | 'UPDATED'
  | 'DELETED'
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'INTERNAL_SERVER_ERROR';

/** `ClientRegistrationResponse`: the envelope plus Authlete's `client` (never logged). */
export interface ClientRegistrationResponse extends AuthleteEnvelope<ClientRegistrationAction> {
  client?: AuthleteClient;
}

/** Java `ResponseType` wire values. */
export type AuthleteResponseType =
  | 'NONE'
  | 'CODE'
  | 'TOKEN'
  | 'ID_TOKEN'
  | 'CODE_TOKEN'
  | 'CODE_ID_TOKEN'
  | 'ID_TOKEN_TOKEN'
  | 'CODE_ID_TOKEN_TOKEN';

/** Java `ClientExtension`: per-client overrides of the service's settings. */
export interface AuthleteClientExtension {
  requestableScopesEnabled?: boolean;
  requestableScopes?: string[];
  /** Seconds; 0 means the service's value. */
  accessTokenDuration?: number;
  refreshTokenDuration?: number;
  idTokenDuration?: number;
  tokenExchangePermitted?: boolean;
}

/**
 * Authlete's `Client` DTO (authlete-java-common; authlete-api.md §8.15), the members this server
 * and the engine use: the `client` of `/client/registration*` and the body of
 * `GET /client/get/{clientId}`. Secrets and key material are never part of it here.
 */
export interface AuthleteClient {
  clientId: number;
  clientIdAlias?: string;
  clientIdAliasEnabled?: boolean;
  clientName?: string;
  clientType?: 'PUBLIC' | 'CONFIDENTIAL';
  applicationType?: 'WEB' | 'NATIVE';
  logoUri?: string;
  tosUri?: string;
  policyUri?: string;
  clientUri?: string;
  redirectUris?: string[];
  grantTypes?: AuthleteGrantType[];
  responseTypes?: AuthleteResponseType[];
  tokenAuthMethod?: AuthleteClientAuthMethod;
  tokenAuthSignAlg?: string;
  idTokenSignAlg?: string;
  userInfoSignAlg?: string;
  subjectType?: AuthleteSubjectType;
  derivedSectorIdentifier?: string;
  defaultMaxAge?: number;
  defaultAcrs?: string[];
  authTimeRequired?: boolean;
  pkceRequired?: boolean;
  pkceS256Required?: boolean;
  softwareId?: string;
  softwareVersion?: string;
  backchannelLogoutUri?: string;
  backchannelLogoutSessionRequired?: boolean;
  /** JSON object string of the service's `supportedCustomClientMetadata` values. */
  customMetadata?: string;
  extension?: AuthleteClientExtension;
  dynamicallyRegistered?: boolean;
  /** Milliseconds since the epoch. */
  createdAt?: number;
  modifiedAt?: number;
}

/** `GET /client/get/{clientId}` request: the numeric client id or its alias (path segment). */
export interface ClientGetRequest {
  clientId: string;
}

/** `GMAction` (authlete-java-common `types/GMAction`): wire values of FAPI Grant Management. */
export type AuthleteGMAction = 'CREATE' | 'QUERY' | 'REPLACE' | 'REVOKE' | 'MERGE';

/** Authlete's `Grant` DTO (`scopes[{scope, resource}]`, `claims`, `authorizationDetails`). */
export interface AuthleteGrant {
  scopes?: { scope?: string; resource?: string[] }[];
  claims?: string[];
}

/** `POST /gm` request (`GMRequest`; authlete-api.md §8.12). */
export interface GMRequest {
  gmAction: 'QUERY' | 'REVOKE';
  grantId: string;
  accessToken?: string;
  clientCertificate?: string;
  dpop?: string;
  htm?: string;
  htu?: string;
}

/** `GMResponse.Action`. */
export type GMResponseAction =
  | 'OK'
  | 'NO_CONTENT'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CALLER_ERROR'
  | 'AUTHLETE_ERROR';

/** `GMResponse`: the envelope (responseContent, dpopNonce). */
export type GMResponse = AuthleteEnvelope<GMResponseAction>;

/** `POST /backchannel/logout/token` request (`BackchannelLogoutTokenRequest`, Authlete 3.0.32). */
export interface BackchannelLogoutTokenRequest {
  clientIdentifier: string;
  subject?: string;
  sessionId?: string;
}

/** `BackchannelLogoutTokenResponse.Action`. */
export type BackchannelLogoutTokenAction = 'OK' | 'SERVER_ERROR' | 'CALLER_ERROR';

/** `BackchannelLogoutTokenResponse`: the logout token and where to send it (may be absent). */
export interface BackchannelLogoutTokenResponse extends AuthleteEnvelope<BackchannelLogoutTokenAction> {
  logoutToken?: string;
  backchannelLogoutUri?: string;
}
