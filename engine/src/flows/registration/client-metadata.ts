import type { JWK } from 'jose';
import {
  CLIENT_AUTH_METHODS,
  type ClientAuthMethod,
  type GrantType,
  type ResponseType,
  SIGNING_ALGS,
  type SigningAlg,
  responseTypeFromWire,
} from '../../model/enums';
import type { Service } from '../../model/service';
import { MetadataProblem, MetadataReader } from './metadata-reader';
import { redirectUriProblem } from './uri-rules';

/** RFC 7591 §2 grant_types values (and registered extension grants) → Authlete `GrantType`. */
const GRANT_TYPES_BY_WIRE: Readonly<Record<string, string>> = {
  authorization_code: 'AUTHORIZATION_CODE',
  implicit: 'IMPLICIT',
  password: 'PASSWORD',
  client_credentials: 'CLIENT_CREDENTIALS',
  refresh_token: 'REFRESH_TOKEN',
  'urn:openid:params:grant-type:ciba': 'CIBA',
  'urn:ietf:params:oauth:grant-type:device_code': 'DEVICE_CODE',
  'urn:ietf:params:oauth:grant-type:token-exchange': 'TOKEN_EXCHANGE',
  'urn:ietf:params:oauth:grant-type:jwt-bearer': 'JWT_BEARER',
  'urn:ietf:params:oauth:grant-type:pre-authorized_code': 'PRE_AUTHORIZED_CODE',
};

const ASSERTION_ALGS = ['HS256', 'HS384', 'HS512', ...SIGNING_ALGS, 'RS384', 'RS512', 'ES384'];

/** Display members that may carry a language tag (`client_name#ja`, RFC 7591 §2.2). */
const LOCALIZABLE = ['client_name', 'client_uri', 'logo_uri', 'tos_uri', 'policy_uri'];

/** Validated RFC 7591 metadata, with Authlete enum values where the engine needs them. */
export interface ClientMetadataInput {
  applicationType: 'WEB' | 'NATIVE';
  redirectUris: string[];
  grantTypes: GrantType[];
  responseTypes: ResponseType[];
  tokenAuthMethod: ClientAuthMethod;
  tokenAuthSignAlg?: string;
  jwks?: JWK[];
  scopes?: string[];
  idTokenSignAlg: SigningAlg;
  userInfoSignAlg?: SigningAlg;
  subjectType: 'PUBLIC' | 'PAIRWISE';
  defaultMaxAge: number;
  authTimeRequired: boolean;
  defaultAcrs: string[];
  backchannelLogoutUri?: string;
  backchannelLogoutSessionRequired: boolean;
  customMetadata?: Record<string, unknown>;
  /** Every member to echo in responses (RFC 7591 §3.2.1), in wire form. */
  echoed: Record<string, unknown>;
}

function wireGrantTypes(reader: MetadataReader, service: Service): GrantType[] {
  const values = reader.stringArray('grant_types') ?? ['authorization_code'];
  return values.map((value) => {
    const grantType = GRANT_TYPES_BY_WIRE[value];
    if (grantType === undefined) {
      throw reader.invalid('grant_types', `names the unknown grant type '${value}'`);
    }
    if (!(service.grantTypes as ReadonlySet<string>).has(grantType)) {
      throw reader.invalid('grant_types', `names '${value}', which the server does not support`);
    }
    return grantType as GrantType;
  });
}

function wireResponseTypes(
  reader: MetadataReader,
  service: Service,
  grants: GrantType[],
): ResponseType[] {
  const fallback = grants.includes('AUTHORIZATION_CODE') ? ['code'] : [];
  return (reader.stringArray('response_types') ?? fallback).map((value) => {
    const type = responseTypeFromWire(value);
    if (type === undefined || !service.responseTypes.has(type)) {
      throw reader.invalid('response_types', `names '${value}', which the server does not support`);
    }
    // RFC 7591 §2.1: each response type needs its grant type.
    const needsCode = type !== 'ID_TOKEN';
    const needsImplicit = type !== 'CODE';
    if (
      (needsCode && !grants.includes('AUTHORIZATION_CODE')) ||
      (needsImplicit && !grants.includes('IMPLICIT'))
    ) {
      throw reader.invalid(
        'response_types',
        `has '${value}', which does not fit grant_types (RFC 7591 §2.1)`,
      );
    }
    return type;
  });
}

function authMethod(
  reader: MetadataReader,
  service: Service,
  grants: GrantType[],
): ClientAuthMethod {
  const wire = reader.string('token_endpoint_auth_method') ?? 'client_secret_basic';
  const method = wire.toUpperCase() as ClientAuthMethod;
  if (!CLIENT_AUTH_METHODS.includes(method) || !service.tokenAuthMethods.has(method)) {
    throw reader.invalid('token_endpoint_auth_method', `'${wire}' is not supported`);
  }
  if (
    method === 'NONE' &&
    grants.some((grant) => grant === 'CLIENT_CREDENTIALS' || grant === 'PASSWORD')
  ) {
    throw reader.invalid(
      'token_endpoint_auth_method',
      "'none' cannot be used with client_credentials or password",
    );
  }
  return method;
}

function publicJwks(reader: MetadataReader): JWK[] | undefined {
  if (reader.has('jwks_uri')) {
    throw reader.invalid('jwks_uri', 'is not supported; register the keys in jwks');
  }
  const jwks = reader.raw('jwks');
  if (jwks === undefined || jwks === null) return undefined;
  const keys = (jwks as { keys?: unknown }).keys;
  if (!Array.isArray(keys) || keys.length === 0 || keys.length > 20) {
    throw reader.invalid('jwks', 'must be a JWK Set with 1 to 20 keys');
  }
  return keys.map((key: unknown) => {
    const entry = (typeof key === 'object' && key !== null ? key : {}) as Record<string, unknown>;
    if (typeof entry.kty !== 'string') throw reader.invalid('jwks', 'has a key without kty');
    if (entry.d !== undefined || entry.k !== undefined) {
      throw reader.invalid('jwks', 'must hold public keys only');
    }
    return Object.fromEntries(
      ['kty', 'kid', 'alg', 'use', 'crv', 'x', 'y', 'n', 'e']
        .filter((name) => typeof entry[name] === 'string')
        .map((name) => [name, entry[name]]),
    );
  });
}

function redirectUris(
  reader: MetadataReader,
  applicationType: 'WEB' | 'NATIVE',
  grants: GrantType[],
): string[] {
  let uris: string[];
  try {
    uris = reader.stringArray('redirect_uris') ?? [];
  } catch {
    throw new MetadataProblem(
      'invalid_redirect_uri',
      "The value of 'redirect_uris' must be an array of URIs.",
    );
  }
  for (const uri of uris) {
    const problem = redirectUriProblem(uri, applicationType);
    if (problem !== undefined) {
      throw new MetadataProblem('invalid_redirect_uri', `The redirect URI '${uri}' ${problem}.`);
    }
  }
  if (
    uris.length === 0 &&
    grants.some((grant) => grant === 'AUTHORIZATION_CODE' || grant === 'IMPLICIT')
  ) {
    throw new MetadataProblem(
      'invalid_redirect_uri',
      "'redirect_uris' is required for the authorization_code and implicit grants.",
    );
  }
  return uris;
}

function custom(reader: MetadataReader, service: Service): Record<string, unknown> | undefined {
  const entries = service.supportedCustomClientMetadata
    .filter((name) => reader.has(name))
    .map(
      (name) =>
        [
          name,
          name === 'post_logout_redirect_uris' ? reader.webUriArray(name) : reader.raw(name),
        ] as const,
    );
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

function scopes(reader: MetadataReader, service: Service): string[] | undefined {
  const names = reader
    .string('scope')
    ?.split(' ')
    .filter((name) => name !== '');
  const unknown = names?.find((name) => !service.scopes.has(name));
  if (unknown !== undefined) {
    throw reader.invalid('scope', `names the unsupported scope '${unknown}'`);
  }
  return names;
}

/**
 * Validates the metadata of an RFC 7591 registration (or RFC 7592 update) request: redirect URIs
 * (`invalid_redirect_uri`), grant and response types that the service supports and that fit
 * together, the authentication method, keys, algorithms and URIs (`invalid_client_metadata`).
 * Unrecognised members are dropped, as Authlete does, except the service's custom metadata.
 */
export function readClientMetadata(json: string, service: Service): ClientMetadataInput {
  const reader = MetadataReader.parse(json);
  const applicationType = reader.oneOf('application_type', ['web', 'native'] as const) ?? 'web';
  const grantTypes = wireGrantTypes(reader, service);
  const responseTypes = wireResponseTypes(reader, service, grantTypes);
  const tokenAuthMethod = authMethod(reader, service, grantTypes);
  const jwks = publicJwks(reader);
  if (tokenAuthMethod === 'PRIVATE_KEY_JWT' && jwks === undefined) {
    throw reader.invalid('jwks', 'is required by private_key_jwt');
  }
  const input: ClientMetadataInput = {
    applicationType: applicationType === 'native' ? 'NATIVE' : 'WEB',
    redirectUris: redirectUris(reader, applicationType === 'native' ? 'NATIVE' : 'WEB', grantTypes),
    grantTypes,
    responseTypes,
    tokenAuthMethod,
    tokenAuthSignAlg: reader.oneOf('token_endpoint_auth_signing_alg', ASSERTION_ALGS),
    jwks,
    scopes: scopes(reader, service),
    idTokenSignAlg: reader.oneOf('id_token_signed_response_alg', SIGNING_ALGS) ?? 'RS256',
    userInfoSignAlg: reader.oneOf('userinfo_signed_response_alg', SIGNING_ALGS),
    subjectType:
      reader.oneOf('subject_type', ['public', 'pairwise'] as const) === 'pairwise'
        ? 'PAIRWISE'
        : 'PUBLIC',
    defaultMaxAge: reader.nonNegativeInteger('default_max_age') ?? 0,
    authTimeRequired: reader.boolean('require_auth_time') ?? false,
    defaultAcrs: reader.stringArray('default_acr_values') ?? [],
    backchannelLogoutUri: reader.webUri('backchannel_logout_uri', true),
    backchannelLogoutSessionRequired:
      reader.boolean('backchannel_logout_session_required') ?? false,
    customMetadata: custom(reader, service),
    echoed: {},
  };
  input.echoed = echo(reader, input);
  return input;
}

function echo(reader: MetadataReader, input: ClientMetadataInput): Record<string, unknown> {
  const localized = reader
    .names()
    .filter((name) => LOCALIZABLE.some((base) => name === base || name.startsWith(`${base}#`)));
  for (const name of localized) {
    if (name.startsWith('client_name')) reader.string(name);
    else reader.webUri(name);
  }
  const echoed: Record<string, unknown> = {
    redirect_uris: input.redirectUris,
    token_endpoint_auth_method: input.tokenAuthMethod.toLowerCase(),
    grant_types: reader.stringArray('grant_types') ?? ['authorization_code'],
    response_types:
      reader.stringArray('response_types') ??
      (input.grantTypes.includes('AUTHORIZATION_CODE') ? ['code'] : []),
    application_type: input.applicationType.toLowerCase(),
    ...Object.fromEntries(localized.map((name) => [name, reader.raw(name)])),
    contacts: reader.stringArray('contacts'),
    scope: input.scopes?.join(' '),
    jwks: input.jwks === undefined ? undefined : { keys: input.jwks },
    software_id: reader.string('software_id'),
    software_version: reader.string('software_version'),
    software_statement: reader.string('software_statement'),
    subject_type: input.subjectType.toLowerCase(),
    id_token_signed_response_alg: input.idTokenSignAlg,
    userinfo_signed_response_alg: input.userInfoSignAlg,
    token_endpoint_auth_signing_alg: input.tokenAuthSignAlg,
    default_max_age: input.defaultMaxAge > 0 ? input.defaultMaxAge : undefined,
    require_auth_time: input.authTimeRequired,
    default_acr_values: input.defaultAcrs.length > 0 ? input.defaultAcrs : undefined,
    backchannel_logout_uri: input.backchannelLogoutUri,
    backchannel_logout_session_required: input.backchannelLogoutSessionRequired,
    ...input.customMetadata,
  };
  return Object.fromEntries(Object.entries(echoed).filter(([, value]) => value !== undefined));
}
