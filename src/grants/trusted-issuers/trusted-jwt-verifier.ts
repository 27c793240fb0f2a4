import { errors, jwtVerify, type JWTPayload } from 'jose';
import type { ResolvedIssuer } from './trusted-issuers';

/** What a trusted JWT must satisfy besides its issuer's keys. */
export interface TrustedJwtExpectations {
  /** Accepted `aud` values (any one suffices). */
  readonly audiences: readonly string[];
  /** Whether `jti` must be present (RFC 7523 §3 item 7, for replay detection). */
  readonly jtiRequired: boolean;
  /** Allowed clock skew in seconds. */
  readonly clockToleranceSeconds: number;
}

/** A verified JWT, or the reason it was refused (safe to show to the client). */
export type TrustedJwtResult =
  | { ok: true; claims: JWTPayload & { sub: string; exp: number } }
  | { ok: false; reason: string; expired?: boolean };

function reasonOf(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The JWT has expired.';
  if (error instanceof errors.JWTClaimValidationFailed) {
    return `The '${error.claim}' claim of the JWT is not acceptable.`;
  }
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return 'The JWT is signed with a refused algorithm.';
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return 'The JWT signature is invalid.';
  }
  if (error instanceof errors.JWKSNoMatchingKey) return 'No key of the issuer matches the JWT.';
  return 'The JWT could not be verified.';
}

/**
 * Verifies a JWT of a trusted issuer with jose (RFC 7519 §7.2, RFC 7523 §3): signature with the
 * issuer's keys and algorithms only (never `none`), `iss`, `aud`, `exp` (required), `nbf`, `iat`
 * not in the future, `sub` present, and a lifetime (`exp - iat`, or `exp - now` without `iat`)
 * no longer than the issuer's `maxLifetimeSeconds`.
 */
export async function verifyTrustedJwt(
  token: string,
  issuer: ResolvedIssuer,
  expected: TrustedJwtExpectations,
  nowSeconds = Math.floor(Date.now() / 1000),
): Promise<TrustedJwtResult> {
  let claims: JWTPayload;
  try {
    ({ payload: claims } = await jwtVerify(token, issuer.keys, {
      issuer: issuer.issuer,
      audience: [...expected.audiences],
      algorithms: [...issuer.algorithms],
      requiredClaims: ['exp', 'sub', ...(expected.jtiRequired ? ['jti'] : [])],
      clockTolerance: expected.clockToleranceSeconds,
      currentDate: new Date(nowSeconds * 1000),
    }));
  } catch (error) {
    return { ok: false, reason: reasonOf(error), expired: error instanceof errors.JWTExpired };
  }
  const { exp, iat, sub } = claims;
  if (typeof exp !== 'number' || typeof sub !== 'string' || sub === '') {
    return { ok: false, reason: "The JWT needs 'exp' and a non-empty 'sub'." };
  }
  if (iat !== undefined && iat > nowSeconds + expected.clockToleranceSeconds) {
    return { ok: false, reason: "The 'iat' claim of the JWT is in the future." };
  }
  if (exp - (iat ?? nowSeconds) > issuer.maxLifetimeSeconds) {
    return { ok: false, reason: 'The JWT is valid for longer than the issuer may issue.' };
  }
  return { ok: true, claims: { ...claims, exp, sub } };
}
