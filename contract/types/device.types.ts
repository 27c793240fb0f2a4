import type {
  AuthleteClientAuthMethod,
  AuthleteEnvelope,
  AuthleteProperty,
  AuthleteScope,
} from './common.types';

/**
 * `POST /device/authorization` request (RFC 8628 §3.1; Java `DeviceAuthorizationRequest`).
 * `parameters` is the raw form body; the client credentials come from the Basic header. The
 * backchannel authentication request (CIBA Core §7.1) has the same members.
 */
export interface DeviceAuthorizationRequest {
  parameters: string;
  clientId?: string;
  clientSecret?: string;
  clientCertificate?: string;
  clientCertificatePath?: string[];
  oauthClientAttestation?: string;
  oauthClientAttestationPop?: string;
}

/** Actions of `/device/authorization` (Java `DeviceAuthorizationResponse.Action`). */
export type DeviceAuthorizationAction =
  'OK' | 'BAD_REQUEST' | 'UNAUTHORIZED' | 'INTERNAL_SERVER_ERROR';

/** `/device/authorization` response (RFC 8628 §3.2; Java `DeviceAuthorizationResponse`). */
export interface DeviceAuthorizationResponse extends AuthleteEnvelope<DeviceAuthorizationAction> {
  clientId?: number;
  clientIdAlias?: string;
  clientIdAliasUsed?: boolean;
  clientName?: string;
  clientAuthMethod?: AuthleteClientAuthMethod;
  scopes?: AuthleteScope[];
  claimNames?: string[];
  acrs?: string[];
  deviceCode?: string;
  userCode?: string;
  verificationUri?: string;
  verificationUriComplete?: string;
  /** Seconds. */
  expiresIn?: number;
  /** Seconds between two polls of the token endpoint. */
  interval?: number;
  resources?: string[];
  warnings?: string[];
}

/** `POST /device/verification` request (RFC 8628 §3.3; Java `DeviceVerificationRequest`). */
export interface DeviceVerificationRequest {
  userCode: string;
}

/** Actions of `/device/verification` (Java `DeviceVerificationResponse.Action`). */
export type DeviceVerificationAction = 'VALID' | 'EXPIRED' | 'NOT_EXIST' | 'SERVER_ERROR';

/** `/device/verification` response (Java `DeviceVerificationResponse`); no `responseContent`. */
export interface DeviceVerificationResponse extends AuthleteEnvelope<DeviceVerificationAction> {
  clientId?: number;
  clientIdAlias?: string;
  clientIdAliasUsed?: boolean;
  clientName?: string;
  scopes?: AuthleteScope[];
  claimNames?: string[];
  acrs?: string[];
  /** Milliseconds since the epoch. */
  expiresAt?: number;
  resources?: string[];
}

/** The end user's decision (Java `DeviceCompleteRequest.Result`). */
export type DeviceCompleteResult = 'AUTHORIZED' | 'ACCESS_DENIED' | 'TRANSACTION_FAILED';

/** `POST /device/complete` request (RFC 8628 §3.3; Java `DeviceCompleteRequest`). */
export interface DeviceCompleteRequest {
  userCode: string;
  result: DeviceCompleteResult;
  /** Required when `result` is AUTHORIZED. */
  subject?: string;
  sub?: string;
  /** Seconds since the epoch. */
  authTime?: number;
  acr?: string;
  /** JSON object string of ID-token claim values. */
  claims?: string;
  properties?: AuthleteProperty[];
  scopes?: string[];
  consentedClaims?: string[];
  jwtAtClaims?: string;
  /** Seconds. */
  accessTokenDuration?: number;
  refreshTokenDuration?: number;
  errorDescription?: string;
  errorUri?: string;
}

/** Actions of `/device/complete` (Java `DeviceCompleteResponse.Action`). */
export type DeviceCompleteAction =
  'SUCCESS' | 'INVALID_REQUEST' | 'USER_CODE_EXPIRED' | 'USER_CODE_NOT_EXIST' | 'SERVER_ERROR';

/** `/device/complete` response (Java `DeviceCompleteResponse`); no `responseContent`. */
export type DeviceCompleteResponse = AuthleteEnvelope<DeviceCompleteAction>;
