import type { AuthleteTokenInfo } from '../../../../contract';
import { createLocalJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { ASYMMETRIC_JWS_ALGS } from '../../model/enums';
import type { TokenType } from '../../model/token-types';
import type { EngineContext } from '../../context/engine-context';
import { nowSeconds } from '../../context/engine-context';
import type { TokenSubjectContext } from '../../store/records';
import { inspectJwt, timeClaimProblem } from './jwt-inspection';

/** Asymmetric JWS algorithms an ID token may be signed with (OIDC Core §3.1.3.7 step 6). */
const ID_TOKEN_ALGS: string[] = [...ASYMMETRIC_JWS_ALGS];

/** A token presented at the token-exchange grant, after the engine's checks. */
export type CheckedToken =
  { ok: true; info?: AuthleteTokenInfo; claims?: JWTPayload } | { ok: false; text: string };

/** Authlete `TokenInfo` of one of this service's tokens (Java `TokenInfo`; scopes are `Scope` objects). */
function tokenInfo(
  context: EngineContext,
  subject: TokenSubjectContext,
  scopes: string[],
  expiresAt: number,
): AuthleteTokenInfo {
  return {
    clientId: subject.client.clientId,
    clientIdAlias: subject.client.clientIdAlias,
    clientIdAliasUsed: subject.clientIdAliasUsed,
    clientEntityIdUsed: false,
    metadataDocumentUsed: false,
    subject: subject.subject,
    scopes: scopes.map((name) => {
      const scope = context.service.scopes.get(name);
      return { name, defaultEntry: scope?.defaultEntry ?? false, description: scope?.description };
    }),
    expiresAt,
    properties: subject.properties.length > 0 ? subject.properties : undefined,
    resources: subject.resources,
  };
}

function checkJwt(context: EngineContext, value: string, role: string): CheckedToken {
  const settings = context.service.tokenExchange;
  const jwt = inspectJwt(value);
  if (jwt.kind === 'malformed') return { ok: false, text: `The ${role} token is not a JWT.` };
  if (jwt.kind === 'encrypted') {
    return settings.encryptedJwtRejected
      ? { ok: false, text: `The ${role} token is an encrypted JWT, which the service rejects.` }
      : { ok: true };
  }
  if (jwt.kind === 'unsigned' && settings.unsignedJwtRejected) {
    return { ok: false, text: `The ${role} token is an unsigned JWT, which the service rejects.` };
  }
  const problem = timeClaimProblem(jwt.claims, nowSeconds(context), false);
  return problem === undefined ? { ok: true, claims: jwt.claims } : { ok: false, text: problem };
}

/**
 * An ID token gets the OIDC Core §3.1.3.7 checks: signed with an asymmetric algorithm, then for
 * this service's own ID tokens signature, `iss`, `exp`. Authlete fetches another issuer's keys
 * through its discovery document, which an offline engine cannot: an ID token of another issuer
 * gets the checks that need no keys (`iss`, `sub`, `exp`, `iat`, `nbf`) and is passed to the
 * service, which must verify its signature against the issuers it trusts (RFC 8693 §2.1: the
 * service validates the subject token). Its claims are not returned, so it can never stand for
 * this service's own ID token (Native SSO).
 */
async function checkIdToken(
  context: EngineContext,
  value: string,
  role: string,
): Promise<CheckedToken> {
  const jwt = inspectJwt(value);
  if (jwt.kind !== 'signed' || !ID_TOKEN_ALGS.includes(String(jwt.header.alg))) {
    return {
      ok: false,
      text: `The ${role} token is not an ID token signed with an asymmetric key.`,
    };
  }
  if (jwt.claims.iss !== context.service.issuer) {
    if (typeof jwt.claims.iss !== 'string' || typeof jwt.claims.sub !== 'string') {
      return { ok: false, text: `The ${role} token needs string 'iss' and 'sub' claims.` };
    }
    const problem = timeClaimProblem(jwt.claims, nowSeconds(context), true);
    return problem === undefined ? { ok: true } : { ok: false, text: problem };
  }
  try {
    const { payload } = await jwtVerify(value, createLocalJWKSet(context.keys.publicJwkSet()), {
      issuer: context.service.issuer,
      algorithms: ID_TOKEN_ALGS,
      requiredClaims: ['exp', 'sub'],
      currentDate: new Date(context.now()),
    });
    return { ok: true, claims: payload };
  } catch {
    return {
      ok: false,
      text: `The ${role} token failed ID token validation (signature or expiry).`,
    };
  }
}

/**
 * Validates a `subject_token` or `actor_token` by its type, as Authlete's `/auth/token` does for
 * RFC 8693 (authlete-api.md §7.4): this service's access and refresh tokens must exist and be
 * unexpired (their TokenInfo is returned); JWTs get time and signed/encrypted checks; ID tokens
 * full validation; SAML assertions are not validated.
 */
export async function checkExchangeToken(
  context: EngineContext,
  value: string,
  type: TokenType,
  role: 'subject' | 'actor',
): Promise<CheckedToken> {
  switch (type) {
    case 'ACCESS_TOKEN': {
      const record = context.stores.accessTokens.get(value);
      if (record === undefined) {
        return { ok: false, text: `The ${role} token does not exist or has expired.` };
      }
      return {
        ok: true,
        info: tokenInfo(context, record.context, record.scopes, record.expiresAt),
      };
    }
    case 'REFRESH_TOKEN': {
      const record = context.stores.refreshTokens.get(value);
      if (record === undefined || record.rotated) {
        return { ok: false, text: `The ${role} token does not exist or has expired.` };
      }
      return {
        ok: true,
        info: tokenInfo(context, record.context, record.scopes, record.expiresAt),
      };
    }
    case 'JWT':
      return checkJwt(context, value, role);
    case 'ID_TOKEN':
      return checkIdToken(context, value, role);
    case 'SAML1':
    case 'SAML2':
      return { ok: true };
    case 'DEVICE_SECRET':
      return role === 'actor'
        ? { ok: true }
        : { ok: false, text: 'A device secret cannot be the subject token.' };
  }
}
