import type { AuthleteEnvelope, AuthleteProperty } from './common.types';

/*
 * OpenID for Verifiable Credential Issuance 1.0 over Authlete's /vci/* APIs. Field names and
 * action enums follow the authlete-java-common DTOs (`Credential*Request` / `Credential*Response`,
 * `CredentialOfferInfo`, `CredentialRequestInfo`, `CredentialIssuanceOrder`).
 */

/** One element of RFC 9396 `authorization_details` (Authlete `AuthzDetailsElement`, flattened). */
export interface AuthleteAuthzDetailsElement {
  type: string;
  [member: string]: unknown;
}

/** Authlete `AuthzDetails`: the `authorization_details` of a request or token. */
export interface AuthleteAuthzDetails {
  elements: AuthleteAuthzDetailsElement[];
}

/** Request of the document-like VCI APIs (`CredentialIssuerMetadataRequest`, …): `pretty` only. */
export interface CredentialPrettyRequest {
  pretty?: boolean;
}

/** Actions of `/vci/metadata`, `/vci/jwtissuer` and `/vci/jwks` (NOT_FOUND: VCI is disabled). */
export type CredentialDocumentAction = 'OK' | 'NOT_FOUND' | 'INTERNAL_SERVER_ERROR';

/** `/vci/metadata` response: `responseContent` is the credential issuer metadata (OID4VCI §12.2). */
export type CredentialIssuerMetadataResponse = AuthleteEnvelope<CredentialDocumentAction>;

/** `/vci/jwtissuer` response: `responseContent` is the JWT VC issuer metadata (SD-JWT VC §5). */
export type CredentialJwtIssuerMetadataResponse = AuthleteEnvelope<CredentialDocumentAction>;

/** `/vci/jwks` response: `responseContent` is the JWK Set of the credential issuer. */
export type CredentialIssuerJwksResponse = AuthleteEnvelope<CredentialDocumentAction>;

/** `POST /vci/offer/create` request (`CredentialOfferCreateRequest`). */
export interface CredentialOfferCreateRequest {
  credentialConfigurationIds: string[];
  authorizationCodeGrantIncluded?: boolean;
  issuerStateIncluded?: boolean;
  preAuthorizedCodeGrantIncluded?: boolean;
  subject?: string;
  /** Seconds; 0 means the service's `credentialOfferDuration`. */
  duration?: number;
  context?: string;
  properties?: AuthleteProperty[];
  /** A JSON object string of extra claims for JWT access tokens. */
  jwtAtClaims?: string;
  /** Seconds since the epoch. */
  authTime?: number;
  acr?: string;
  txCode?: string;
  /** `numeric` or `text` (OID4VCI §4.1.1 `tx_code.input_mode`). */
  txCodeInputMode?: string;
  txCodeDescription?: string;
}

/** `CredentialOfferInfo`: a stored credential offer. */
export interface CredentialOfferInfo {
  identifier: string;
  /** The credential offer JSON (OID4VCI §4.1.1). */
  credentialOffer: string;
  credentialIssuer: string;
  credentialConfigurationIds: string[];
  authorizationCodeGrantIncluded: boolean;
  issuerStateIncluded: boolean;
  issuerState?: string;
  preAuthorizedCodeGrantIncluded: boolean;
  preAuthorizedCode?: string;
  subject?: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
  context?: string;
  properties?: AuthleteProperty[];
  jwtAtClaims?: string;
  authTime: number;
  acr?: string;
  txCode?: string;
  txCodeInputMode?: string;
  txCodeDescription?: string;
}

/** `CredentialOfferCreateResponse.Action`. */
export type CredentialOfferCreateAction =
  'CREATED' | 'FORBIDDEN' | 'CALLER_ERROR' | 'AUTHLETE_ERROR';

/** `/vci/offer/create` response. */
export interface CredentialOfferCreateResponse extends AuthleteEnvelope<CredentialOfferCreateAction> {
  info?: CredentialOfferInfo;
}

/** `POST /vci/offer/info` request (`CredentialOfferInfoRequest`). */
export interface CredentialOfferInfoRequest {
  identifier: string;
}

/** `CredentialOfferInfoResponse.Action`. */
export type CredentialOfferInfoAction =
  'OK' | 'FORBIDDEN' | 'NOT_FOUND' | 'CALLER_ERROR' | 'AUTHLETE_ERROR';

/** `/vci/offer/info` response. */
export interface CredentialOfferInfoResponse extends AuthleteEnvelope<CredentialOfferInfoAction> {
  info?: CredentialOfferInfo;
}

/** `/vci/nonce` response (`CredentialNonceResponse`; OID4VCI §7). */
export interface CredentialNonceResponse extends AuthleteEnvelope<CredentialDocumentAction> {
  cnonce?: string;
}

/** `POST /vci/single/parse` and `/vci/deferred/parse` request. */
export interface CredentialParseRequest {
  accessToken: string;
  /** The credential (or deferred credential) request body as received (OID4VCI §8.2, §9.1). */
  requestContent: string;
}

/** `CredentialRequestInfo`: a parsed credential request. */
export interface CredentialRequestInfo {
  identifier: string;
  format?: string;
  /** The key of the first proof, a JWK JSON string. */
  bindingKey?: string;
  /** The keys of every proof, JWK JSON strings. */
  bindingKeys?: string[];
  /** The credential request's details (a JSON object string). */
  details?: string;
  credentialConfigurationId?: string;
  credentialIdentifier?: string;
}

/** `CredentialSingleParseResponse.Action` and `CredentialDeferredParseResponse.Action`. */
export type CredentialParseAction =
  'OK' | 'BAD_REQUEST' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'INTERNAL_SERVER_ERROR';

/** `/vci/single/parse` and `/vci/deferred/parse` response. */
export interface CredentialParseResponse extends AuthleteEnvelope<CredentialParseAction> {
  info?: CredentialRequestInfo;
}

/** `CredentialIssuanceOrder`: what to issue for one parsed request. */
export interface CredentialIssuanceOrder {
  /** `CredentialRequestInfo.identifier` (the transaction id for deferred issuance). */
  requestIdentifier: string;
  /** The credential's claims, a JSON object string. */
  credentialPayload?: string;
  issuanceDeferred?: boolean;
  /** Seconds; 0 means the service default. */
  credentialDuration?: number;
  signingKeyId?: string;
}

/** `POST /vci/single/issue` request (`CredentialSingleIssueRequest`). */
export interface CredentialSingleIssueRequest {
  accessToken: string;
  order: CredentialIssuanceOrder;
  denied?: boolean;
  /** Seconds the wallet should wait before polling the deferred endpoint. */
  interval?: number;
}

/** `CredentialSingleIssueResponse.Action`. */
export type CredentialSingleIssueAction =
  | 'OK'
  | 'OK_JWT'
  | 'ACCEPTED'
  | 'ACCEPTED_JWT'
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'INTERNAL_SERVER_ERROR'
  | 'CALLER_ERROR';

/** `/vci/single/issue` response. */
export interface CredentialSingleIssueResponse extends AuthleteEnvelope<CredentialSingleIssueAction> {
  transactionId?: string;
}

/** `POST /vci/deferred/issue` request (`CredentialDeferredIssueRequest`). */
export interface CredentialDeferredIssueRequest {
  order: CredentialIssuanceOrder;
  denied?: boolean;
  interval?: number;
}

/** `CredentialDeferredIssueResponse.Action`. */
export type CredentialDeferredIssueAction =
  | 'OK'
  | 'OK_JWT'
  | 'ACCEPTED'
  | 'ACCEPTED_JWT'
  | 'BAD_REQUEST'
  | 'FORBIDDEN'
  | 'INTERNAL_SERVER_ERROR'
  | 'CALLER_ERROR';

/** `/vci/deferred/issue` response. */
export type CredentialDeferredIssueResponse = AuthleteEnvelope<CredentialDeferredIssueAction>;
