import { randomInt } from 'node:crypto';
import { createLocalJWKSet } from 'jose';
import type { Client, DynamicRegistration } from '../../model/client';
import type { Service } from '../../model/service';
import { randomToken, sha256 } from '../../protocol/secrets';
import type { EngineContext } from '../../context/engine-context';
import type { ClientMetadataInput } from './client-metadata';

/** The identity of a registered client that survives RFC 7592 updates. */
export interface ClientIdentity {
  clientId: number;
  /** Undefined for public clients (`token_endpoint_auth_method=none`). */
  secret?: string;
  accessTokenDigest: Buffer;
  issuedAt: number;
  createdAt: number;
}

/** A fresh numeric client id (14–15 digits, like Authlete's) that no client uses yet. */
export function newClientId(context: EngineContext): number {
  for (;;) {
    const candidate = randomInt(10_000_000_000_000, 281_474_976_710_655);
    if (!context.clients.has(String(candidate))) return candidate;
  }
}

/** A client secret for confidential clients: 256 bits, base64url (RFC 6749 §2.3.1). */
export function newClientSecret(method: Client['tokenAuthMethod']): string | undefined {
  return method === 'NONE' || method === 'PRIVATE_KEY_JWT' ? undefined : randomToken();
}

/**
 * Builds the engine's Client from validated metadata (RFC 7591 §2 → Authlete `Client` fields):
 * `client_id` is the numeric id as a string, the type follows the authentication method.
 */
export function registeredClient(
  service: Service,
  input: ClientMetadataInput,
  identity: ClientIdentity,
  modifiedAt: number,
): Client {
  const registration: DynamicRegistration = {
    accessTokenDigest: identity.accessTokenDigest,
    secret: identity.secret,
    issuedAt: identity.issuedAt,
    createdAt: identity.createdAt,
    modifiedAt,
    metadata: input.echoed,
  };
  const echoed = input.echoed;
  const text = (name: string): string | undefined => {
    const value = echoed[name];
    return typeof value === 'string' ? value : undefined;
  };
  return {
    clientId: identity.clientId,
    clientIdAlias: String(identity.clientId),
    clientType: input.tokenAuthMethod === 'NONE' ? 'PUBLIC' : 'CONFIDENTIAL',
    metadata: {
      clientName: text('client_name'),
      logoUri: text('logo_uri'),
      tosUri: text('tos_uri'),
      policyUri: text('policy_uri'),
      clientUri: text('client_uri'),
      applicationType: input.applicationType,
    },
    secretDigest: identity.secret === undefined ? undefined : sha256(identity.secret),
    secretKey:
      identity.secret === undefined ? undefined : new TextEncoder().encode(identity.secret),
    redirectUris: input.redirectUris,
    grantTypes: new Set(input.grantTypes),
    responseTypes: new Set(input.responseTypes),
    tokenAuthMethod: input.tokenAuthMethod,
    allowedAuthMethods: new Set([input.tokenAuthMethod]),
    publicKeys: input.jwks === undefined ? undefined : createLocalJWKSet({ keys: input.jwks }),
    hasJwks: input.jwks !== undefined,
    tokenAuthSignAlg: input.tokenAuthSignAlg,
    idTokenSignAlg: input.idTokenSignAlg,
    userInfoSignAlg: input.userInfoSignAlg,
    subjectType: input.subjectType,
    sectorIdentifier: input.subjectType === 'PAIRWISE' ? sectorOf(input.redirectUris) : undefined,
    defaultMaxAge: input.defaultMaxAge,
    defaultAcrs: input.defaultAcrs,
    authTimeRequired: input.authTimeRequired,
    pkceRequired: false,
    pkceS256Required: false,
    requestableScopes: input.scopes === undefined ? undefined : new Set(input.scopes),
    accessTokenDuration: service.durations.accessToken,
    refreshTokenDuration: service.durations.refreshToken,
    idTokenDuration: service.durations.idToken,
    backchannelLogoutUri: input.backchannelLogoutUri,
    backchannelLogoutSessionRequired: input.backchannelLogoutSessionRequired,
    customMetadata:
      input.customMetadata === undefined ? undefined : JSON.stringify(input.customMetadata),
    registration,
    // Authlete sets `extension` through the management API only, never through RFC 7591.
    tokenExchangePermitted: false,
    dpopRequired: false,
    tlsClientCertificateBoundAccessTokens: false,
  };
}

/** The host of the redirect URIs keys pairwise subjects (OIDC Core §8.1). */
function sectorOf(uris: string[]): string | undefined {
  const first = uris[0];
  return first === undefined ? undefined : new URL(first).host || undefined;
}
