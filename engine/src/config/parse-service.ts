import type { JWK } from 'jose';
import { CLIENT_AUTH_METHODS, GRANT_TYPES, RESPONSE_TYPES, SIGNING_ALGS } from '../model/enums';
import { parseCiba, parseDeviceFlow } from './parse-decoupled';
import type { Scope, Service, ServiceEndpoints, StoreCaps } from '../model/service';
import { type ConfigObject, EngineConfigError } from './config-reader';
import { parseVci } from './parse-vci';

/** The public paths of the service (design.md §3), used when an endpoint URL is not configured. */
const DEFAULT_ENDPOINT_PATHS: Record<keyof ServiceEndpoints, string> = {
  authorization: '/api/authorization',
  token: '/api/token',
  userInfo: '/api/userinfo',
  revocation: '/api/revocation',
  introspection: '/api/introspection',
  pushedAuthReq: '/api/par',
  jwks: '/api/jwks',
  endSession: '/api/logout',
  registration: '/api/register',
  registrationManagement: '/api/register',
  grantManagement: '/api/gm',
  deviceAuthorization: '/api/device/authorization',
  deviceVerification: '/api/device',
  deviceVerificationComplete: '/api/device?user_code=USER_CODE',
  backchannelAuthentication: '/api/backchannel/authentication',
};

const ENDPOINT_FIELDS: Record<keyof ServiceEndpoints, string> = {
  authorization: 'authorizationEndpoint',
  token: 'tokenEndpoint',
  userInfo: 'userInfoEndpoint',
  revocation: 'revocationEndpoint',
  introspection: 'introspectionEndpoint',
  pushedAuthReq: 'pushedAuthReqEndpoint',
  jwks: 'jwksUri',
  endSession: 'endSessionEndpoint',
  registration: 'registrationEndpoint',
  registrationManagement: 'registrationManagementEndpoint',
  grantManagement: 'grantManagementEndpoint',
  deviceAuthorization: 'deviceAuthorizationEndpoint',
  deviceVerification: 'deviceVerificationUri',
  deviceVerificationComplete: 'deviceVerificationUriComplete',
  backchannelAuthentication: 'backchannelAuthenticationEndpoint',
};

const DEFAULT_CAP = 100_000;

function stripTrailingSlash(url: string): string {
  return url.endsWith('/') ? url.slice(0, -1) : url;
}

/**
 * Endpoint URLs: configured ones are re-rooted onto `issuer` when they start with the configured
 * issuer (so `startEngine({ issuer })` moves all of them); missing ones follow the default paths.
 */
function parseEndpoints(
  reader: ConfigObject,
  configuredIssuer: string,
  issuer: string,
): ServiceEndpoints {
  const endpoints = {} as ServiceEndpoints;
  for (const key of Object.keys(DEFAULT_ENDPOINT_PATHS) as (keyof ServiceEndpoints)[]) {
    const configured = reader.optionalUrl(ENDPOINT_FIELDS[key]);
    if (configured === undefined) {
      endpoints[key] = `${issuer}${DEFAULT_ENDPOINT_PATHS[key]}`;
    } else if (configured.startsWith(configuredIssuer)) {
      endpoints[key] = `${issuer}${configured.slice(configuredIssuer.length)}`;
    } else {
      endpoints[key] = configured;
    }
  }
  return endpoints;
}

function parseScopes(reader: ConfigObject): Map<string, Scope> {
  const scopes = new Map<string, Scope>();
  for (const entry of reader.objectArray('supportedScopes')) {
    const name = entry.string('name');
    if (/\s/.test(name)) {
      throw new EngineConfigError(entry.fieldPath('name'), 'must not contain spaces');
    }
    const descriptions = entry.objectArray('descriptions', []).map((tagged) => ({
      tag: tagged.string('tag'),
      value: tagged.string('value'),
    }));
    scopes.set(name, {
      name,
      defaultEntry: entry.boolean('defaultEntry', false),
      description: entry.optionalString('description'),
      descriptions: descriptions.length > 0 ? descriptions : undefined,
    });
  }
  return scopes;
}

function parseCaps(reader: ConfigObject | undefined): StoreCaps {
  const cap = (name: keyof StoreCaps): number =>
    reader?.integer(name, DEFAULT_CAP, 1) ?? DEFAULT_CAP;
  return {
    tickets: cap('tickets'),
    authorizationCodes: cap('authorizationCodes'),
    accessTokens: cap('accessTokens'),
    refreshTokens: cap('refreshTokens'),
    requestUris: cap('requestUris'),
    clientAssertionIds: cap('clientAssertionIds'),
    dynamicClients: reader?.integer('dynamicClients', 10_000, 1) ?? 10_000,
    grants: cap('grants'),
    deviceCodes: cap('deviceCodes'),
    backchannelRequests: cap('backchannelRequests'),
  };
}

/** Reads the `jwks` member (private keys of the service), if configured. */
export function parseServiceJwks(reader: ConfigObject): JWK[] | undefined {
  const jwks = reader.optionalObject('jwks');
  if (jwks === undefined) return undefined;
  return jwks.objectArray('keys').map((key, index) => {
    if (typeof key.raw('kty') !== 'string' || typeof key.raw('d') !== 'string') {
      throw new EngineConfigError(`${jwks.fieldPath('keys')}[${index}]`, 'must be a private JWK');
    }
    return Object.fromEntries(
      ['kty', 'kid', 'alg', 'use', 'crv', 'x', 'y', 'n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi']
        .filter((name) => key.raw(name) !== undefined)
        .map((name) => [name, key.raw(name)]),
    );
  });
}

/**
 * Validates the `service` member (Authlete `Service`, authlete-api.md §8.14).
 * @param issuerOverride replaces `issuer` and the base of every endpoint URL.
 */
export function parseService(reader: ConfigObject, issuerOverride?: string): Service {
  const apiKey = reader.string('apiKey');
  if (!/^[1-9][0-9]{0,15}$/.test(apiKey)) {
    throw new EngineConfigError(reader.fieldPath('apiKey'), 'must be a string of digits');
  }
  const configuredIssuer = stripTrailingSlash(
    reader.optionalUrl('issuer') ?? reader.string('issuer'),
  );
  const issuer = stripTrailingSlash(issuerOverride ?? configuredIssuer);
  if (!URL.canParse(issuer)) throw new EngineConfigError('issuer', 'must be an absolute URL');
  const scopes = parseScopes(reader);
  return {
    apiKey,
    apiKeyNumber: Number(apiKey),
    serviceName: reader.string('serviceName'),
    issuer,
    endpoints: parseEndpoints(reader, configuredIssuer, issuer),
    scopes,
    supportedClaims: reader.stringArray('supportedClaims', []),
    supportedAcrs: reader.stringArray('supportedAcrs', []),
    supportedUiLocales: reader.stringArray('supportedUiLocales', []),
    supportedClaimLocales: reader.stringArray('supportedClaimLocales', []),
    grantTypes: new Set(reader.enumArray('supportedGrantTypes', GRANT_TYPES)),
    responseTypes: new Set(reader.enumArray('supportedResponseTypes', RESPONSE_TYPES)),
    tokenAuthMethods: new Set(reader.enumArray('supportedTokenAuthMethods', CLIENT_AUTH_METHODS)),
    durations: {
      accessToken: reader.integer('accessTokenDuration', 3600, 1),
      refreshToken: reader.integer('refreshTokenDuration', 86400, 1),
      idToken: reader.integer('idTokenDuration', 3600, 1),
      authorizationCode: reader.integer('authorizationCodeDuration', 600, 1),
      pushedAuthReq: reader.integer('pushedAuthReqDuration', 600, 1),
      ticket: reader.integer('ticketDuration', 600, 1),
    },
    refreshTokenKept: reader.boolean('refreshTokenKept', false),
    pkceRequired: reader.boolean('pkceRequired', false),
    pkceS256Required: reader.boolean('pkceS256Required', false),
    issSuppressed: reader.boolean('issSuppressed', false),
    loopbackRedirectionUriVariable: reader.boolean('loopbackRedirectionUriVariable', false),
    errorDescriptionOmitted: reader.boolean('errorDescriptionOmitted', false),
    errorUriOmitted: reader.boolean('errorUriOmitted', false),
    accessTokenSignAlg: reader.optionalEnum('accessTokenSignAlg', SIGNING_ALGS),
    tokenExchange: {
      byIdentifiableClientsOnly: reader.boolean('tokenExchangeByIdentifiableClientsOnly', false),
      byConfidentialClientsOnly: reader.boolean('tokenExchangeByConfidentialClientsOnly', false),
      byPermittedClientsOnly: reader.boolean('tokenExchangeByPermittedClientsOnly', false),
      encryptedJwtRejected: reader.boolean('tokenExchangeEncryptedJwtRejected', false),
      unsignedJwtRejected: reader.boolean('tokenExchangeUnsignedJwtRejected', false),
    },
    jwtGrant: {
      byIdentifiableClientsOnly: reader.boolean('jwtGrantByIdentifiableClientsOnly', false),
      encryptedJwtRejected: reader.boolean('jwtGrantEncryptedJwtRejected', false),
      unsignedJwtRejected: reader.boolean('jwtGrantUnsignedJwtRejected', false),
    },
    idTokenReissuable: reader.boolean('idTokenReissuable', false),
    dpopNonce: {
      required: reader.boolean('dpopNonceRequired', false),
      durationSeconds: reader.integer('dpopNonceDuration', 600, 1),
    },
    nativeSsoSupported: reader.boolean('nativeSsoSupported', false),
    idTokenSignatureKeyId: reader.optionalString('idTokenSignatureKeyId'),
    caps: parseCaps(reader.optionalObject('storeCaps')),
    sweepIntervalSeconds: reader.integer('sweepInterval', 30, 1),
    dynamicRegistrationSupported: reader.boolean('dynamicRegistrationSupported', false),
    unauthorizedOnClientConfigSupported: reader.boolean(
      'unauthorizedOnClientConfigSupported',
      false,
    ),
    supportedCustomClientMetadata: reader.stringArray('supportedCustomClientMetadata', []),
    backchannelLogoutSupported: reader.boolean('backchannelLogoutSupported', false),
    backchannelLogoutSessionSupported: reader.boolean('backchannelLogoutSessionSupported', false),
    grantManagementActionRequired: reader.boolean('grantManagementActionRequired', false),
    vci: parseVci(reader, { configured: configuredIssuer, issuer }),
    device: parseDeviceFlow(reader),
    ciba: parseCiba(reader),
  };
}
