import type {
  AuthleteClientAuthMethod,
  AuthleteEnvelope,
  AuthleteProperty,
  AuthleteScope,
} from './common.types';
import type { DeviceAuthorizationRequest } from './device.types';

/** CIBA token delivery mode (CIBA Core §5; Java `DeliveryMode`). */
export type AuthleteDeliveryMode = 'POLL' | 'PING' | 'PUSH';

/** Which hint identified the user (CIBA Core §7.1; Java `UserIdentificationHintType`). */
export type AuthleteHintType = 'ID_TOKEN_HINT' | 'LOGIN_HINT_TOKEN' | 'LOGIN_HINT';

/**
 * `POST /backchannel/authentication` request (CIBA Core §7.1; Java
 * `BackchannelAuthenticationRequest`): the same members as `/device/authorization`.
 */
export type BackchannelAuthenticationRequest = DeviceAuthorizationRequest;

/** Actions of `/backchannel/authentication` (Java `BackchannelAuthenticationResponse.Action`). */
export type BackchannelAuthenticationAction =
  'BAD_REQUEST' | 'UNAUTHORIZED' | 'INTERNAL_SERVER_ERROR' | 'USER_IDENTIFICATION';

/** `/backchannel/authentication` response (Java `BackchannelAuthenticationResponse`). */
export interface BackchannelAuthenticationResponse extends AuthleteEnvelope<BackchannelAuthenticationAction> {
  clientId?: number;
  clientIdAlias?: string;
  clientIdAliasUsed?: boolean;
  clientName?: string;
  clientAuthMethod?: AuthleteClientAuthMethod;
  deliveryMode?: AuthleteDeliveryMode;
  scopes?: AuthleteScope[];
  claimNames?: string[];
  clientNotificationToken?: string;
  acrs?: string[];
  hintType?: AuthleteHintType;
  hint?: string;
  /** The `sub` of a valid `id_token_hint`. */
  sub?: string;
  bindingMessage?: string;
  userCode?: string;
  userCodeRequired?: boolean;
  /** Seconds (`requested_expiry`); 0 when absent. */
  requestedExpiry?: number;
  requestContext?: string;
  resources?: string[];
  warnings?: string[];
  /** Passed to `/issue` or `/fail`. */
  ticket?: string;
}

/** `POST /backchannel/authentication/issue` request (Java `BackchannelAuthenticationIssueRequest`). */
export interface BackchannelAuthenticationIssueRequest {
  ticket: string;
}

/** Actions of `/backchannel/authentication/issue`. */
export type BackchannelAuthenticationIssueAction =
  'OK' | 'INTERNAL_SERVER_ERROR' | 'INVALID_TICKET';

/** `/backchannel/authentication/issue` response (CIBA Core §7.3). */
export interface BackchannelAuthenticationIssueResponse extends AuthleteEnvelope<BackchannelAuthenticationIssueAction> {
  authReqId?: string;
  /** Seconds. */
  expiresIn?: number;
  /** Seconds; 0 when the client does not poll. */
  interval?: number;
}

/** Reasons accepted by `/backchannel/authentication/fail` (Java `...FailRequest.Reason`; CIBA Core §13). */
export type BackchannelAuthenticationFailReason =
  | 'EXPIRED_LOGIN_HINT_TOKEN'
  | 'UNKNOWN_USER_ID'
  | 'UNAUTHORIZED_CLIENT'
  | 'MISSING_USER_CODE'
  | 'INVALID_USER_CODE'
  | 'INVALID_BINDING_MESSAGE'
  | 'INVALID_TARGET'
  | 'ACCESS_DENIED'
  | 'SERVER_ERROR';

/** `POST /backchannel/authentication/fail` request. */
export interface BackchannelAuthenticationFailRequest {
  ticket: string;
  reason: BackchannelAuthenticationFailReason;
  errorDescription?: string;
  errorUri?: string;
}

/** Actions of `/backchannel/authentication/fail`. */
export type BackchannelAuthenticationFailAction =
  'BAD_REQUEST' | 'FORBIDDEN' | 'INTERNAL_SERVER_ERROR';

/** `/backchannel/authentication/fail` response. */
export type BackchannelAuthenticationFailResponse =
  AuthleteEnvelope<BackchannelAuthenticationFailAction>;

/** The end user's decision (Java `BackchannelAuthenticationCompleteRequest.Result`). */
export type BackchannelAuthenticationCompleteResult =
  'AUTHORIZED' | 'ACCESS_DENIED' | 'TRANSACTION_FAILED';

/** `POST /backchannel/authentication/complete` request (Java `...CompleteRequest`). */
export interface BackchannelAuthenticationCompleteRequest {
  ticket: string;
  result: BackchannelAuthenticationCompleteResult;
  /** Required when `result` is AUTHORIZED. */
  subject?: string;
  sub?: string;
  /** Seconds since the epoch. */
  authTime?: number;
  acr?: string;
  claims?: string;
  properties?: AuthleteProperty[];
  scopes?: string[];
  consentedClaims?: string[];
  jwtAtClaims?: string;
  accessToken?: string;
  /** Seconds. */
  accessTokenDuration?: number;
  refreshTokenDuration?: number;
  errorDescription?: string;
  errorUri?: string;
}

/** Actions of `/backchannel/authentication/complete` (Java `...CompleteResponse.Action`). */
export type BackchannelAuthenticationCompleteAction = 'NOTIFICATION' | 'NO_ACTION' | 'SERVER_ERROR';

/** `/backchannel/authentication/complete` response (CIBA Core §10.2, §10.3). */
export interface BackchannelAuthenticationCompleteResponse extends AuthleteEnvelope<BackchannelAuthenticationCompleteAction> {
  clientId?: number;
  clientIdAlias?: string;
  clientIdAliasUsed?: boolean;
  clientName?: string;
  deliveryMode?: AuthleteDeliveryMode;
  clientNotificationEndpoint?: string;
  clientNotificationToken?: string;
  authReqId?: string;
  accessToken?: string;
  refreshToken?: string;
  idToken?: string;
  /** Seconds. */
  accessTokenDuration?: number;
  refreshTokenDuration?: number;
  idTokenDuration?: number;
  jwtAccessToken?: string;
  resources?: string[];
  grantId?: string;
}
