/**
 * Fields shared by every Authlete runtime response (authlete-api.md §1.5). Protocol outcomes are
 * HTTP 200 with an `action`; branch on `action` only and treat `resultCode` as diagnostic.
 */
export interface AuthleteEnvelope<A extends string> {
  resultCode?: string;
  resultMessage?: string;
  action: A;
  /** Role depends on the action: JSON body, Location URL, WWW-Authenticate value or HTML. */
  responseContent?: string;
  /** `DPoP-Nonce` to relay (RFC 9449 §8), present on token/userinfo/introspection/PAR. */
  dpopNonce?: string;
  /** `OAuth-Client-Attestation-Challenge` to relay (Java DTO field, Authlete 3.0.28+). */
  attestationChallenge?: string;
}

/** Extra data attached to a token; non-hidden ones are echoed in the token response (§2). */
export interface AuthleteProperty {
  key: string;
  value: string;
  hidden?: boolean;
}

/** A scope as returned in authorization responses (§2 `Scope`). */
export interface AuthleteScope {
  name: string;
  defaultEntry?: boolean;
  description?: string;
  descriptions?: { tag: string; value: string }[];
}

/** Enum values on the wire are upper-case Java constant names (§1.4, §2). */
export type AuthletePrompt = 'NONE' | 'LOGIN' | 'CONSENT' | 'SELECT_ACCOUNT' | 'CREATE';
export type AuthleteDisplay = 'PAGE' | 'POPUP' | 'TOUCH' | 'WAP';
export type AuthleteGrantType =
  | 'AUTHORIZATION_CODE'
  | 'IMPLICIT'
  | 'PASSWORD'
  | 'CLIENT_CREDENTIALS'
  | 'REFRESH_TOKEN'
  | 'CIBA'
  | 'DEVICE_CODE'
  | 'TOKEN_EXCHANGE'
  | 'JWT_BEARER'
  | 'PRE_AUTHORIZED_CODE';
export type AuthleteSubjectType = 'PUBLIC' | 'PAIRWISE';
/** Java `ClientAuthMethod`: how the client authenticated at the token or PAR endpoint. */
export type AuthleteClientAuthMethod =
  | 'NONE'
  | 'CLIENT_SECRET_BASIC'
  | 'CLIENT_SECRET_POST'
  | 'CLIENT_SECRET_JWT'
  | 'PRIVATE_KEY_JWT'
  | 'TLS_CLIENT_AUTH'
  | 'SELF_SIGNED_TLS_CLIENT_AUTH'
  | 'ATTEST_JWT_CLIENT_AUTH'
  | 'SPIFFE_JWT';

/**
 * Client subset returned to the consent UI (§5; Java `Client`, limited view). `clientId` is an
 * int64 number on the wire.
 */
export interface AuthleteClientInfo {
  clientId: number | string;
  clientIdAlias?: string;
  clientIdAliasEnabled?: boolean;
  clientName?: string;
  clientNames?: { tag: string; value: string }[];
  description?: string;
  logoUri?: string;
  tosUri?: string;
  policyUri?: string;
  clientUri?: string;
  clientType?: 'PUBLIC' | 'CONFIDENTIAL';
  subjectType?: AuthleteSubjectType;
  sectorIdentifierUri?: string;
  redirectUris?: string[];
  number?: number;
  applicationType?: 'WEB' | 'NATIVE';
  derivedSectorIdentifier?: string;
  tokenAuthMethod?: AuthleteClientAuthMethod;
  idTokenSignAlg?: string;
  userInfoSignAlg?: string;
  defaultMaxAge?: number;
  authTimeRequired?: boolean;
  pkceRequired?: boolean;
  pkceS256Required?: boolean;
  parRequired?: boolean;
  requestObjectRequired?: boolean;
  dpopRequired?: boolean;
  locked?: boolean;
  dynamicallyRegistered?: boolean;
}

/** The service subset embedded in `/auth/authorization` responses (§4.1; Java `Service`). */
export interface AuthleteServiceInfo {
  apiKey?: number | string;
  serviceName?: string;
  number?: number;
  issuer?: string;
  clientIdAliasEnabled?: boolean;
}
