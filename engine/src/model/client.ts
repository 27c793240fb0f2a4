import type { JWTVerifyGetKey } from 'jose';
import type {
  ClientAuthMethod,
  ClientType,
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
  applicationType?: string;
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
}
