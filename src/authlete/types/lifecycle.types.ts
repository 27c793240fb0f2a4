import type { AuthleteEnvelope } from './common.types';

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

/**
 * The members of Authlete's `Client` DTO the service reads (authlete-api.md §8.15), as returned
 * by `GET /client/get/{clientId}`.
 */
export interface AuthleteClient {
  clientId: number;
  clientIdAlias?: string;
  clientName?: string;
  redirectUris?: string[];
  backchannelLogoutUri?: string;
  backchannelLogoutSessionRequired?: boolean;
  /** JSON object string of the service's `supportedCustomClientMetadata` values. */
  customMetadata?: string;
  dynamicallyRegistered?: boolean;
}

/** `GMAction` (authlete-java-common `types/GMAction`): wire values of FAPI Grant Management. */
export type AuthleteGMAction = 'CREATE' | 'QUERY' | 'REPLACE' | 'REVOKE' | 'MERGE';

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
