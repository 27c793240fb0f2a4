import type { Property } from '../model/authorization-request';
import type { Client } from '../model/client';
import type { AuthorizationDetail, CredentialConfiguration } from '../model/vci';

/** A credential offer (OID4VCI 1.0 §4.1.1; Authlete `CredentialOfferInfo`). */
export interface CredentialOfferRecord {
  expiresAt: number;
  identifier: string;
  credentialOffer: string;
  credentialConfigurationIds: string[];
  authorizationCodeGrantIncluded: boolean;
  issuerStateIncluded: boolean;
  issuerState?: string;
  preAuthorizedCodeGrantIncluded: boolean;
  preAuthorizedCode?: string;
  subject?: string;
  context?: string;
  properties: Property[];
  jwtAtClaims?: string;
  authTime: number;
  acr?: string;
  txCode?: string;
  txCodeInputMode?: string;
  txCodeDescription?: string;
  /** Set once its pre-authorized code has been redeemed. */
  redeemed: boolean;
}

/** A `c_nonce` issued by /vci/nonce (OID4VCI 1.0 §7). */
export interface CredentialNonceRecord {
  expiresAt: number;
}

/** A parsed credential request awaiting /vci/single/issue (Authlete `CredentialRequestInfo`). */
export interface CredentialRequestRecord {
  expiresAt: number;
  identifier: string;
  /** The access token the request was parsed with; /vci/single/issue must present it again. */
  accessToken: string;
  client: Client;
  subject?: string;
  configuration: CredentialConfiguration;
  credentialIdentifier?: string;
  /** The proof keys, public JWKs: one credential per key. */
  bindingKeys: Record<string, unknown>[];
  details: Record<string, unknown>;
  authorizationDetails?: AuthorizationDetail[];
}

/** A deferred issuance transaction (OID4VCI 1.0 §9): the request, kept under its transaction id. */
export type CredentialTransactionRecord = CredentialRequestRecord;
