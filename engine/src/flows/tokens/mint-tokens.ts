import type { JWTPayload } from 'jose';
import { randomToken } from '../../protocol/secrets';
import { confirmationClaim } from './confirmation';
import type { EngineContext } from '../../context/engine-context';
import { accessTokenKeys } from '../../store/engine-stores';
import type {
  AccessTokenRecord,
  RefreshTokenRecord,
  TokenBinding,
  TokenSubjectContext,
} from '../../store/records';

/** Per-call inputs of token minting (authlete-api.md §6.1, §6.4). */
export interface MintOptions {
  scopes: string[];
  /** Seconds; 0 means the client's (or service's) default. */
  accessTokenDuration?: number;
  refreshTokenDuration?: number;
  /** Caller-chosen access token value (authlete-api.md §9). */
  accessToken?: string;
  /** Extra JWT access token claims (`jwtAtClaims`). */
  jwtAtClaims?: Record<string, unknown>;
  /** Sender constraint: stored with the token and, in a JWT, its `cnf` claim (RFC 9449 §6.1). */
  binding?: TokenBinding;
}

/**
 * The scopes a stored token keeps: an exact-size copy. Arrays built by `filter` or `push` keep
 * room for 17 elements (152 bytes for one scope), a quarter of a stored token (issue 16).
 */
function stored(scopes: string[]): string[] {
  return scopes.slice();
}

/** An access token as minted: the stored record, its opaque id and, for RFC 9068, the JWT. */
export interface MintedAccessToken {
  record: AccessTokenRecord;
  opaque: string;
  jwt?: string;
  duration: number;
}

/** The RFC 9068 payload: iss, sub, aud, exp, iat, jti, client_id, scope, then the extras. */
function jwtAccessTokenPayload(
  context: EngineContext,
  subject: TokenSubjectContext,
  scopes: string[],
  issuedAt: number,
  expiresAt: number,
  extra: Record<string, unknown> | undefined,
  binding: TokenBinding | undefined,
): JWTPayload {
  const payload: JWTPayload = {
    iss: context.service.issuer,
    sub: subject.subject ?? subject.client.clientIdAlias,
    aud: subject.resources ?? [context.service.issuer],
    exp: Math.floor(expiresAt / 1000),
    iat: Math.floor(issuedAt / 1000),
    jti: randomToken(),
    client_id: subject.client.clientIdAlias,
  };
  if (scopes.length > 0) payload.scope = scopes.join(' ');
  if (subject.authTime > 0) payload.auth_time = subject.authTime;
  if (subject.acr !== undefined) payload.acr = subject.acr;
  const cnf = confirmationClaim(binding);
  if (cnf !== undefined) payload.cnf = cnf;
  return { ...extra, ...payload };
}

/**
 * Mints an access token: 256-bit random opaque value by default; an RFC 9068 JWT (typ `at+jwt`)
 * when the service sets accessTokenSignAlg. The presented value keys the store.
 */
export async function mintAccessToken(
  context: EngineContext,
  subject: TokenSubjectContext,
  options: MintOptions,
  refreshToken?: RefreshTokenRecord,
): Promise<MintedAccessToken> {
  const issuedAt = context.now();
  const duration = options.accessTokenDuration || subject.client.accessTokenDuration;
  const expiresAt = issuedAt + duration * 1000;
  const opaque = options.accessToken ?? randomToken();
  const alg = context.service.accessTokenSignAlg;
  const jwt =
    alg === undefined
      ? undefined
      : await context.signer.sign(
          jwtAccessTokenPayload(
            context,
            subject,
            options.scopes,
            issuedAt,
            expiresAt,
            options.jwtAtClaims,
            options.binding,
          ),
          alg,
          'at+jwt',
        );
  const record: AccessTokenRecord = {
    value: jwt ?? opaque,
    alias: jwt === undefined ? undefined : opaque,
    issuedAt,
    expiresAt,
    context: subject,
    scopes: stored(options.scopes),
    refreshToken: refreshToken?.value,
    binding: confirmationClaim(options.binding) === undefined ? undefined : options.binding,
  };
  context.stores.addAccessToken(record);
  for (const key of accessTokenKeys(record)) refreshToken?.accessTokens.add(key);
  return { record, opaque, jwt, duration };
}

/** Mints a refresh token bound to the same grant (RFC 6749 §6). */
export function mintRefreshToken(
  context: EngineContext,
  subject: TokenSubjectContext,
  scopes: string[],
  durationSeconds?: number,
): RefreshTokenRecord {
  const issuedAt = context.now();
  const duration = durationSeconds || subject.client.refreshTokenDuration;
  const record: RefreshTokenRecord = {
    value: randomToken(),
    issuedAt,
    expiresAt: issuedAt + duration * 1000,
    context: subject,
    scopes: stored(scopes),
    accessTokens: new Set(),
    rotated: false,
  };
  context.stores.addRefreshToken(record);
  return record;
}

/**
 * Whether a refresh token goes with this grant: both service and client support REFRESH_TOKEN,
 * and the grant is neither client credentials nor implicit (RFC 6749 §4.2.2, §4.4.3).
 */
export function refreshTokenAllowed(
  context: EngineContext,
  subject: TokenSubjectContext,
  grantType = subject.grantType,
): boolean {
  return (
    context.service.grantTypes.has('REFRESH_TOKEN') &&
    subject.client.grantTypes.has('REFRESH_TOKEN') &&
    grantType !== 'CLIENT_CREDENTIALS' &&
    grantType !== 'IMPLICIT'
  );
}
