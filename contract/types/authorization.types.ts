import type { AuthleteAuthzDetails, CredentialOfferInfo } from './vci.types';
import type { AuthleteGMAction, AuthleteGrant } from './lifecycle.types';
import type {
  AuthleteClientInfo,
  AuthleteDisplay,
  AuthleteEnvelope,
  AuthleteProperty,
  AuthletePrompt,
  AuthleteScope,
  AuthleteServiceInfo,
} from './common.types';

/** `POST /auth/authorization` request (authlete-api.md §4.1). `parameters` is the raw query/body. */
export interface AuthorizationRequest {
  parameters: string;
  context?: string;
}

/** Actions of `/auth/authorization` (§4.1). */
export type AuthorizationAction =
  'INTERNAL_SERVER_ERROR' | 'BAD_REQUEST' | 'LOCATION' | 'FORM' | 'INTERACTION' | 'NO_INTERACTION';

/** `/auth/authorization` response (§4.1, §5). */
export interface AuthorizationResponse extends AuthleteEnvelope<AuthorizationAction> {
  ticket?: string;
  client?: AuthleteClientInfo;
  service?: AuthleteServiceInfo;
  display?: AuthleteDisplay;
  /** Java `int`: present on INTERACTION / NO_INTERACTION, absent on error answers. */
  maxAge?: number;
  scopes?: AuthleteScope[];
  uiLocales?: string[];
  claimsLocales?: string[];
  claims?: string[];
  claimsAtUserInfo?: string[];
  acrs?: string[];
  acrEssential?: boolean;
  subject?: string;
  loginHint?: string;
  prompts?: AuthletePrompt[];
  idTokenClaims?: string;
  userInfoClaims?: string;
  requestObjectPayload?: string;
  /** FAPI Grant Management: `grant_management_action`, `grant_id`, the grant's content and user. */
  gmAction?: AuthleteGMAction;
  grantId?: string;
  grant?: AuthleteGrant;
  grantSubject?: string;
  /** RFC 9396 `authorization_details` of the request (OID4VCI 1.0 §5.1.1). */
  authorizationDetails?: AuthleteAuthzDetails;
  /** The credential offer the `issuer_state` request parameter names (OID4VCI 1.0 §5.1.3). */
  credentialOfferInfo?: CredentialOfferInfo;
  resources?: string[];
  purpose?: string;
  clientIdAliasUsed?: boolean;
  nativeSsoRequested?: boolean;
}

/** `POST /auth/authorization/issue` request (§4.2). */
export interface AuthorizationIssueRequest {
  ticket: string;
  subject: string;
  sub?: string;
  /** Seconds since the epoch. */
  authTime?: number;
  acr?: string;
  /** JSON object string of claim values; omit when no claims were requested. */
  claims?: string;
  properties?: AuthleteProperty[];
  /** Absent keeps the requested scopes; any array replaces them (§11.9). */
  scopes?: string[];
  idtHeaderParams?: string;
  consentedClaims?: string[];
  jwtAtClaims?: string;
  accessToken?: string;
  accessTokenDuration?: number;
  idTokenAudType?: 'array' | 'string';
  sessionId?: string;
}

/** Actions of `/auth/authorization/issue` and `/fail` (§4.2, §4.3). */
export type AuthorizationIssueAction =
  'LOCATION' | 'FORM' | 'BAD_REQUEST' | 'INTERNAL_SERVER_ERROR';

/** `/auth/authorization/issue` response (§4.2). */
export interface AuthorizationIssueResponse extends AuthleteEnvelope<AuthorizationIssueAction> {
  authorizationCode?: string;
  accessToken?: string;
  accessTokenExpiresAt?: number;
  accessTokenDuration?: number;
  idToken?: string;
  jwtAccessToken?: string;
}

/** Reasons accepted by `/auth/authorization/fail` (§4.3, including the Java ≥4.46 additions). */
export type AuthorizationFailReason =
  | 'UNKNOWN'
  | 'NOT_LOGGED_IN'
  | 'MAX_AGE_NOT_SUPPORTED'
  | 'EXCEEDS_MAX_AGE'
  | 'DIFFERENT_SUBJECT'
  | 'ACR_NOT_SATISFIED'
  | 'DENIED'
  | 'SERVER_ERROR'
  | 'NOT_AUTHENTICATED'
  | 'ACCOUNT_SELECTION_REQUIRED'
  | 'CONSENT_REQUIRED'
  | 'INTERACTION_REQUIRED'
  | 'INVALID_TARGET'
  | 'INVALID_SCOPE'
  | 'UNAUTHORIZED_CLIENT'
  | 'TEMPORARILY_UNAVAILABLE';

/** `POST /auth/authorization/fail` request (§4.3). */
export interface AuthorizationFailRequest {
  ticket: string;
  reason: AuthorizationFailReason;
  description?: string;
}

/** `/auth/authorization/fail` response: the envelope only (§4.3). */
export type AuthorizationFailResponse = AuthleteEnvelope<AuthorizationIssueAction>;
