import type { Client } from './client';
import type { AuthorizationDetail } from './vci';
import type { AuthorizationGMAction, ManagedGrant } from './managed-grant';
import type { Display, Prompt, ResponseMode, ResponseType } from './enums';
import type { Scope } from './service';

/** A validated authorization request (OAuth 2.0 §4.1.1, OIDC Core §3.1.2.1), kept with its ticket. */
export interface AuthorizationRequest {
  client: Client;
  clientIdAliasUsed: boolean;
  responseType: ResponseType;
  responseMode: ResponseMode;
  /** The redirect URI the response goes to (the registered one when the request omitted it). */
  redirectUri: string;
  /** Whether `redirect_uri` was in the request; the token request must then repeat it (RFC 6749 §4.1.3). */
  redirectUriGiven: boolean;
  state?: string;
  scopes: Scope[];
  nonce?: string;
  codeChallenge?: string;
  codeChallengeMethod?: 'S256' | 'plain';
  /** RFC 9449 §10 `dpop_jkt`: the DPoP key the code may only be exchanged with. */
  dpopJkt?: string;
  prompts: Prompt[];
  maxAge: number;
  display: Display;
  uiLocales?: string[];
  claimsLocales?: string[];
  acrs?: string[];
  acrEssential: boolean;
  loginHint?: string;
  /** `sub` demanded by `claims.id_token.sub.value`. */
  subject?: string;
  /** Claim names for the ID token (claims parameter plus scope shortcuts). */
  idTokenClaimNames: string[];
  /** Claim names for userinfo (claims parameter plus scope shortcuts). */
  userInfoClaimNames: string[];
  idTokenClaims?: string;
  userInfoClaims?: string;
  resources?: string[];
  /** RFC 9396 `authorization_details` (OID4VCI 1.0 §5.1.1 `openid_credential`). */
  authorizationDetails?: AuthorizationDetail[];
  /** Identifier of the credential offer named by `issuer_state` (OID4VCI 1.0 §5.1.3). */
  credentialOfferId?: string;
  /** JSON payload of the request object, when one was used (OIDC Core §6.1). */
  requestObjectPayload?: string;
  /** FAPI Grant Management `grant_management_action`, `grant_id` and the grant it names. */
  gmAction?: AuthorizationGMAction;
  grantId?: string;
  grant?: ManagedGrant;
}

/** Authlete `Property` (authlete-api.md §2). */
export interface Property {
  key: string;
  value: string;
  hidden: boolean;
}
