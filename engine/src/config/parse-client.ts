import { createLocalJWKSet, type JWK } from 'jose';
import type { Client } from '../model/client';
import {
  ASYMMETRIC_JWS_ALGS,
  CLIENT_AUTH_METHODS,
  CLIENT_TYPES,
  DELIVERY_MODES,
  GRANT_TYPES,
  RESPONSE_TYPES,
  SIGNING_ALGS,
  SUBJECT_TYPES,
} from '../model/enums';
import type { Service } from '../model/service';
import { sha256 } from '../protocol/secrets';
import { type ConfigObject, EngineConfigError } from './config-reader';

const ASSERTION_ALGS = ['HS256', 'HS384', 'HS512', ...ASYMMETRIC_JWS_ALGS] as const;

function parseClientJwks(reader: ConfigObject): JWK[] | undefined {
  const jwks = reader.optionalObject('jwks');
  if (jwks === undefined) return undefined;
  return jwks.objectArray('keys').map((key, index) => {
    if (typeof key.raw('kty') !== 'string') {
      throw new EngineConfigError(`${jwks.fieldPath('keys')}[${index}].kty`, 'is required');
    }
    if (key.raw('d') !== undefined) {
      throw new EngineConfigError(`${jwks.fieldPath('keys')}[${index}]`, 'must be a public key');
    }
    return Object.fromEntries(
      ['kty', 'kid', 'alg', 'use', 'crv', 'x', 'y', 'n', 'e']
        .filter((name) => key.raw(name) !== undefined)
        .map((name) => [name, key.raw(name)]),
    );
  });
}

function requireSubset(
  reader: ConfigObject,
  field: string,
  values: string[],
  allowed: ReadonlySet<string>,
): void {
  values.forEach((value, index) => {
    if (!allowed.has(value)) {
      throw new EngineConfigError(
        `${reader.fieldPath(field)}[${index}]`,
        `"${value}" is not supported by the service`,
      );
    }
  });
}

/**
 * `logoUri`: an absolute URL, or a path starting with `/` that is served by the authorization
 * server itself (the shipped demo logos), made absolute against the service issuer so it follows
 * the issuer wherever the server runs.
 */
function parseLogoUri(reader: ConfigObject, issuer: string): string | undefined {
  const value = reader.optionalString('logoUri');
  if (value === undefined || !value.startsWith('/')) return reader.optionalUrl('logoUri');
  if (value.startsWith('//')) {
    throw new EngineConfigError(reader.fieldPath('logoUri'), 'must be an absolute URL or a path');
  }
  return `${issuer.replace(/\/+$/, '')}${value}`;
}

/** `customMetadata` must hold a JSON object (Authlete keeps it as a string). */
function parseCustomMetadata(reader: ConfigObject): string | undefined {
  const text = reader.optionalString('customMetadata');
  if (text === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new EngineConfigError(reader.fieldPath('customMetadata'), 'must be a JSON object string');
  }
  return text;
}

/** Validates one entry of `clients` (Authlete `Client`, authlete-api.md §8.15). */
export function parseClient(reader: ConfigObject, service: Service): Client {
  const clientId = reader.integer('clientId', undefined, 1);
  const clientIdAlias = reader.string('clientIdAlias');
  const clientType = reader.enumValue('clientType', CLIENT_TYPES);
  const secret = reader.optionalString('clientSecret');
  const tokenAuthMethod = reader.enumValue('tokenAuthMethod', CLIENT_AUTH_METHODS);
  const additional = reader.enumArray('additionalTokenAuthMethods', CLIENT_AUTH_METHODS, []);
  const allowedAuthMethods = new Set([tokenAuthMethod, ...additional]);
  const grantTypes = reader.enumArray('grantTypes', GRANT_TYPES);
  const responseTypes = reader.enumArray('responseTypes', RESPONSE_TYPES, []);
  const redirectUris = reader.stringArray('redirectUris', []);
  redirectUris.forEach((uri, index) => {
    if (!URL.canParse(uri) || uri.includes('#')) {
      throw new EngineConfigError(
        `${reader.fieldPath('redirectUris')}[${index}]`,
        'must be an absolute URL without a fragment',
      );
    }
  });
  requireSubset(reader, 'grantTypes', grantTypes, service.grantTypes);
  requireSubset(reader, 'responseTypes', responseTypes, service.responseTypes);
  if (clientType === 'PUBLIC' && tokenAuthMethod !== 'NONE') {
    throw new EngineConfigError(
      reader.fieldPath('tokenAuthMethod'),
      'must be NONE for a PUBLIC client',
    );
  }
  const needsSecret = [...allowedAuthMethods].some((method) => method.startsWith('CLIENT_SECRET'));
  if (needsSecret && secret === undefined) {
    throw new EngineConfigError(
      reader.fieldPath('clientSecret'),
      `is required by ${tokenAuthMethod}`,
    );
  }
  const jwks = parseClientJwks(reader);
  if (allowedAuthMethods.has('PRIVATE_KEY_JWT') && jwks === undefined) {
    throw new EngineConfigError(reader.fieldPath('jwks'), 'is required by PRIVATE_KEY_JWT');
  }
  const requestable = reader.optionalStringArray('requestableScopes');
  return {
    clientId,
    clientIdAlias,
    clientType,
    metadata: {
      clientName: reader.optionalString('clientName'),
      description: reader.optionalString('description'),
      logoUri: parseLogoUri(reader, service.issuer),
      tosUri: reader.optionalUrl('tosUri'),
      policyUri: reader.optionalUrl('policyUri'),
      clientUri: reader.optionalUrl('clientUri'),
      applicationType: reader.optionalEnum('applicationType', ['WEB', 'NATIVE'] as const),
    },
    secretDigest: secret === undefined ? undefined : sha256(secret),
    secretKey: secret === undefined ? undefined : new TextEncoder().encode(secret),
    redirectUris,
    grantTypes: new Set(grantTypes),
    responseTypes: new Set(responseTypes),
    tokenAuthMethod,
    allowedAuthMethods,
    publicKeys: jwks === undefined ? undefined : createLocalJWKSet({ keys: jwks }),
    hasJwks: jwks !== undefined,
    tokenAuthSignAlg: reader.optionalEnum('tokenAuthSignAlg', ASSERTION_ALGS),
    idTokenSignAlg: reader.enumValue('idTokenSignAlg', SIGNING_ALGS, 'RS256'),
    userInfoSignAlg: reader.optionalEnum('userInfoSignAlg', SIGNING_ALGS),
    subjectType: reader.enumValue('subjectType', SUBJECT_TYPES, 'PUBLIC'),
    sectorIdentifier: reader.optionalString('sectorIdentifier'),
    defaultMaxAge: reader.integer('defaultMaxAge', 0),
    defaultAcrs: reader.stringArray('defaultAcrs', []),
    authTimeRequired: reader.boolean('authTimeRequired', false),
    pkceRequired: reader.boolean('pkceRequired', false),
    pkceS256Required: reader.boolean('pkceS256Required', false),
    requestableScopes: requestable === undefined ? undefined : new Set(requestable),
    accessTokenDuration: reader.integer('accessTokenDuration', service.durations.accessToken, 1),
    refreshTokenDuration: reader.integer('refreshTokenDuration', service.durations.refreshToken, 1),
    idTokenDuration: reader.integer('idTokenDuration', service.durations.idToken, 1),
    backchannelLogoutUri: reader.optionalUrl('backchannelLogoutUri'),
    backchannelLogoutSessionRequired: reader.boolean('backchannelLogoutSessionRequired', false),
    customMetadata: parseCustomMetadata(reader),
    bcDeliveryMode: reader.optionalEnum('bcDeliveryMode', DELIVERY_MODES),
    bcNotificationEndpoint: reader.optionalUrl('bcNotificationEndpoint'),
    bcUserCodeRequired: reader.boolean('bcUserCodeRequired', false),
    dpopRequired: reader.boolean('dpopRequired', false),
    tlsClientCertificateBoundAccessTokens: reader.boolean(
      'tlsClientCertificateBoundAccessTokens',
      false,
    ),
    tokenExchangePermitted:
      reader.optionalObject('extension')?.boolean('tokenExchangePermitted', false) ?? false,
  };
}
