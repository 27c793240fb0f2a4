import type { JWTPayload } from 'jose';
import { leftHalfHash } from '../../keys/jwt-signer';
import type { EngineContext } from '../../context/engine-context';
import { nowSeconds } from '../../context/engine-context';
import type { TokenSubjectContext } from '../../store/records';

/** What an ID token is issued alongside. */
export interface IdTokenInputs {
  nonce?: string;
  /** The access token issued with it (→ `at_hash`). */
  accessToken?: string;
  /** The authorization code issued with it (→ `c_hash`, hybrid flow). */
  code?: string;
  /** `ds_hash` (OpenID Connect Native SSO 1.0 §3.1). */
  deviceSecretHash?: string;
  /** The refresh token issued with it (→ `urn:openid:params:jwt:claim:rt_hash`, CIBA Core §10.3.1). */
  refreshToken?: string;
  /** The `auth_req_id` a CIBA push delivers it with (→ `urn:openid:params:jwt:claim:auth_req_id`). */
  authReqId?: string;
  /** `"array"` or `"string"` (authlete-api.md §4.2 `idTokenAudType`); string by default. */
  audType?: string;
  /** Additional JWS header parameters (Authlete `idtHeaderParams`, e.g. `{"typ":"JWT"}`). */
  headerParams?: Record<string, unknown>;
}

/** Member names the supplied user claims may not overwrite. */
const RESERVED = new Set([
  'iss',
  'sub',
  'aud',
  'exp',
  'iat',
  'auth_time',
  'nonce',
  'acr',
  'azp',
  'at_hash',
  'c_hash',
  'sid',
  'ds_hash',
]);

/**
 * Builds and signs an ID token (OpenID Connect Core §2, authlete-api.md §11.15): iss, sub, aud, exp,
 * iat, auth_time (when known or required), nonce, acr, azp, at_hash, c_hash, sid and the
 * supplied claims, signed with the client's idTokenSignAlg (RS256 by default), with the caller's
 * additional header parameters (`idtHeaderParams`, Authlete 2.2+) in its JWS header.
 */
export async function buildIdToken(
  context: EngineContext,
  subject: TokenSubjectContext,
  inputs: IdTokenInputs,
): Promise<string> {
  const { client } = subject;
  const issuedAt = nowSeconds(context);
  const payload: JWTPayload = {
    iss: context.service.issuer,
    sub: subject.sub ?? subject.subject,
    aud: inputs.audType === 'array' ? [client.clientIdAlias] : client.clientIdAlias,
    exp: issuedAt + client.idTokenDuration,
    iat: issuedAt,
  };
  const authTimeNeeded = subject.maxAge > 0 || client.authTimeRequired;
  if (subject.authTime > 0 || authTimeNeeded) payload.auth_time = subject.authTime;
  if (inputs.nonce !== undefined) payload.nonce = inputs.nonce;
  if (subject.acr !== undefined) payload.acr = subject.acr;
  payload.azp = client.clientIdAlias;
  if (inputs.accessToken !== undefined) payload.at_hash = leftHalfHash(inputs.accessToken);
  if (inputs.code !== undefined) payload.c_hash = leftHalfHash(inputs.code);
  if (subject.sessionId !== undefined) payload.sid = subject.sessionId;
  if (inputs.deviceSecretHash !== undefined) payload.ds_hash = inputs.deviceSecretHash;
  if (inputs.refreshToken !== undefined) {
    payload['urn:openid:params:jwt:claim:rt_hash'] = leftHalfHash(inputs.refreshToken);
  }
  if (inputs.authReqId !== undefined) {
    payload['urn:openid:params:jwt:claim:auth_req_id'] = inputs.authReqId;
  }
  for (const [name, value] of Object.entries(subject.claims ?? {})) {
    if (!RESERVED.has(name) && value !== null && value !== undefined) payload[name] = value;
  }
  return context.signer.sign(payload, client.idTokenSignAlg, undefined, inputs.headerParams);
}
