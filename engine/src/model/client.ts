import type { JWTVerifyGetKey } from 'jose';
import type {
  ClientAuthMethod,
  ClientType,
  DeliveryMode,
  GrantType,
  ResponseType,
  SigningAlg,
  SubjectType,
} from './enums';

/** Display metadata of a client, shown on consent pages (authlete-api.md §5). */
export interface ClientMetadata {
  clientName?: string;
  description?: string;
  logoUri?: string;
  tosUri?: string;
  policyUri?: string;
  clientUri?: string;
  applicationType?: 'WEB' | 'NATIVE';
}

/** The validated, normalised client (Authlete `Client`, authlete-api.md §8.15). */
export interface Client {
  clientId: number;
  clientIdAlias: string;
  clientType: ClientType;
  metadata: ClientMetadata;
  /** SHA-256 digest of the secret, compared in constant time. */
  secretDigest?: Buffer;
  /** The raw secret, needed as the HMAC key of client_secret_jwt. */
  secretKey?: Uint8Array;
  redirectUris: string[];
  grantTypes: ReadonlySet<GrantType>;
  responseTypes: ReadonlySet<ResponseType>;
  tokenAuthMethod: ClientAuthMethod;
  allowedAuthMethods: ReadonlySet<ClientAuthMethod>;
  /** Verification key lookup built once from the client's public JWK Set. */
  publicKeys?: JWTVerifyGetKey;
  hasJwks: boolean;
  /** The only JWS algorithm accepted for client assertions, when registered. */
  tokenAuthSignAlg?: string;
  idTokenSignAlg: SigningAlg;
  userInfoSignAlg?: SigningAlg;
  subjectType: SubjectType;
  sectorIdentifier?: string;
  defaultMaxAge: number;
  defaultAcrs: string[];
  authTimeRequired: boolean;
  pkceRequired: boolean;
  pkceS256Required: boolean;
  /** Scopes the client may request; undefined means every supported scope. */
  requestableScopes?: ReadonlySet<string>;
  accessTokenDuration: number;
  refreshTokenDuration: number;
  idTokenDuration: number;
  /** Back-Channel Logout 1.0 §2.2 `backchannel_logout_uri` (Authlete `backchannelLogoutUri`). */
  backchannelLogoutUri?: string;
  /** `backchannel_logout_session_required` (Authlete `backchannelLogoutSessionRequired`). */
  backchannelLogoutSessionRequired?: boolean;
  /**
   * Authlete `customMetadata`: a JSON object string holding the client metadata the service lists
   * in `supportedCustomClientMetadata`, e.g. `post_logout_redirect_uris` (RP-Initiated Logout §3.1).
   */
  customMetadata?: string;
  /** Set for clients created by `/client/registration` (RFC 7591); Authlete `dynamicallyRegistered`. */
  registration?: DynamicRegistration;
  /** CIBA Core §4 `backchannel_token_delivery_mode` (Authlete `bcDeliveryMode`). */
  bcDeliveryMode?: DeliveryMode;
  /** CIBA Core §4 `backchannel_client_notification_endpoint` (`bcNotificationEndpoint`). */
  bcNotificationEndpoint?: string;
  /** CIBA Core §4 `backchannel_user_code_parameter` (`bcUserCodeRequired`). */
  bcUserCodeRequired?: boolean;
  /** `extension.tokenExchangePermitted` (Authlete `ClientExtension`; authlete-api.md §7.4). */
  tokenExchangePermitted: boolean;
  /** Authlete `dpopRequired`: token requests must carry a DPoP proof (RFC 9449 §5.2). */
  dpopRequired: boolean;
  /** Authlete `tlsClientCertificateBoundAccessTokens` (RFC 8705 §3.4). */
  tlsClientCertificateBoundAccessTokens: boolean;
}

/** What the engine keeps about a dynamically registered client (RFC 7591 §3.2.1, RFC 7592). */
export interface DynamicRegistration {
  /** SHA-256 digest of the registration access token (Authlete `registrationAccessTokenHash`). */
  accessTokenDigest: Buffer;
  /** The raw client secret, returned again when the client reads its configuration. */
  secret?: string;
  /** Registration time in seconds (`client_id_issued_at`). */
  issuedAt: number;
  /** Milliseconds since the epoch (Authlete `createdAt` / `modifiedAt`). */
  createdAt: number;
  modifiedAt: number;
  /** The registered RFC 7591 metadata, normalised, as echoed in responses. */
  metadata: Record<string, unknown>;
}
