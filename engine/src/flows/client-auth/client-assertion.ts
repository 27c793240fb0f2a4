import { decodeJwt, decodeProtectedHeader, jwtVerify, type JWTPayload } from 'jose';
import type { Client } from '../../model/client';
import { ASYMMETRIC_JWS_ALGS } from '../../model/enums';
import type { EngineContext } from '../../context/engine-context';

/** RFC 7523 §2.2 `client_assertion_type`. */
export const JWT_BEARER_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

const ASYMMETRIC_ALGS: string[] = [...ASYMMETRIC_JWS_ALGS];
const SYMMETRIC_ALGS = ['HS256', 'HS384', 'HS512'];
const CLOCK_SKEW_SECONDS = 10;

/** What the unverified assertion says about itself. */
export interface AssertionPreview {
  issuer?: string;
  symmetric: boolean;
}

/** Reads `iss` and the algorithm family without verifying; undefined when it is not a JWS. */
export function previewAssertion(assertion: string): AssertionPreview | undefined {
  try {
    const header = decodeProtectedHeader(assertion);
    const payload = decodeJwt(assertion);
    return {
      issuer: typeof payload.iss === 'string' ? payload.iss : undefined,
      symmetric: typeof header.alg === 'string' && header.alg.startsWith('HS'),
    };
  } catch {
    return undefined;
  }
}

function audienceAccepted(payload: JWTPayload, accepted: readonly string[]): boolean {
  const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  return audiences.some((audience) => typeof audience === 'string' && accepted.includes(audience));
}

/**
 * Verifies a client_secret_jwt / private_key_jwt assertion (RFC 7523 §3, OIDC Core §9): the
 * signature (client secret or client JWK Set), iss = sub = the client, aud = the issuer, the token
 * endpoint or the called endpoint, exp in the future, and a jti never seen before.
 * @returns undefined when valid, else the reason.
 */
export async function verifyClientAssertion(
  context: EngineContext,
  client: Client,
  assertion: string,
  symmetric: boolean,
  endpointUrl: string,
): Promise<string | undefined> {
  const now = context.now();
  let payload: JWTPayload;
  try {
    const options = {
      algorithms:
        client.tokenAuthSignAlg !== undefined
          ? [client.tokenAuthSignAlg]
          : symmetric
            ? SYMMETRIC_ALGS
            : ASYMMETRIC_ALGS,
      currentDate: new Date(now),
      clockTolerance: CLOCK_SKEW_SECONDS,
      requiredClaims: ['exp', 'jti', 'iss', 'sub', 'aud'],
    };
    if (symmetric) {
      if (client.secretKey === undefined) return 'the client has no secret';
      payload = (await jwtVerify(assertion, client.secretKey, options)).payload;
    } else {
      if (client.publicKeys === undefined) return 'the client has no JWK Set';
      payload = (await jwtVerify(assertion, client.publicKeys, options)).payload;
    }
  } catch (error) {
    return `the client assertion is invalid: ${(error as Error).message}`;
  }
  if (payload.iss !== payload.sub || context.clients.find(payload.iss ?? '') !== client) {
    return "the 'iss' and 'sub' claims of the client assertion must be the client ID";
  }
  const { service } = context;
  if (!audienceAccepted(payload, [service.issuer, service.endpoints.token, endpointUrl])) {
    return "the 'aud' claim of the client assertion does not name this server";
  }
  const replayKey = `${client.clientId}:${String(payload.jti)}`;
  if (context.stores.assertionIds.get(replayKey) !== undefined) {
    return 'the client assertion has already been used (jti replay)';
  }
  const expiresAt = Math.max((payload.exp ?? 0) * 1000 + CLOCK_SKEW_SECONDS * 1000, now + 1000);
  context.stores.assertionIds.add(replayKey, { expiresAt });
  return undefined;
}
