import {
  decodeJwt,
  decodeProtectedHeader,
  type JWTPayload,
  type ProtectedHeaderParameters,
} from 'jose';

/** What the structure of a JWT tells before any key is involved (RFC 7519 §7.2). */
export type InspectedJwt =
  | { kind: 'malformed' }
  | { kind: 'encrypted' }
  | { kind: 'unsigned' | 'signed'; header: ProtectedHeaderParameters; claims: JWTPayload };

/**
 * Classifies a JWT: a JWE (five parts) is `encrypted` and not opened; a JWS with `alg: none` is
 * `unsigned`; anything that is not a compact JWT with a JSON claims set is `malformed`.
 */
export function inspectJwt(value: string): InspectedJwt {
  const parts = value.split('.');
  if (parts.length === 5) return { kind: 'encrypted' };
  if (parts.length !== 3) return { kind: 'malformed' };
  try {
    const header = decodeProtectedHeader(value);
    const claims = decodeJwt(value);
    const unsigned = typeof header.alg !== 'string' || header.alg.toLowerCase() === 'none';
    return { kind: unsigned ? 'unsigned' : 'signed', header, claims };
  } catch {
    return { kind: 'malformed' };
  }
}

/**
 * The first time-claim problem of a claims set, checked as Authlete does for token-exchange JWTs
 * and JWT-bearer assertions (authlete-api.md §7.4, §7.5): `exp` in the future (required when
 * `expRequired`), `iat` and `nbf` not in the future. Numbers only (RFC 7519 §2 NumericDate).
 */
export function timeClaimProblem(
  claims: JWTPayload,
  nowSeconds: number,
  expRequired: boolean,
): string | undefined {
  const { exp, iat, nbf } = claims as Record<string, unknown>;
  if (exp === undefined) return expRequired ? "The JWT has no 'exp' claim." : undefined;
  if (typeof exp !== 'number') return "The 'exp' claim of the JWT is not a number.";
  if (exp <= nowSeconds) return 'The JWT has expired.';
  if (iat !== undefined && (typeof iat !== 'number' || iat > nowSeconds)) {
    return "The 'iat' claim of the JWT is invalid or in the future.";
  }
  if (nbf !== undefined && (typeof nbf !== 'number' || nbf > nowSeconds)) {
    return "The 'nbf' claim of the JWT is invalid or in the future.";
  }
  return undefined;
}
