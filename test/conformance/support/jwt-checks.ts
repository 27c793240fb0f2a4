import { createHash } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader } from 'jose';

/** `at_hash` / `c_hash`: base64url of the left half of the hash named by the JWS alg (OIDC Core §3.1.3.6, §3.3.2.11). */
export function leftHalfHash(value: string, alg: string): string {
  const bits = alg.endsWith('384') ? 384 : alg.endsWith('512') ? 512 : 256;
  const digest = createHash(`sha${bits}`).update(value, 'ascii').digest();
  return digest.subarray(0, digest.length / 2).toString('base64url');
}

/** The header and claims of a compact JWS, unverified. */
export function peek(jwt: string): {
  header: ReturnType<typeof decodeProtectedHeader>;
  claims: ReturnType<typeof decodeJwt>;
} {
  return { header: decodeProtectedHeader(jwt), claims: decodeJwt(jwt) };
}

/**
 * The ID token claim checks of OIDC Core §3.1.3.7 that the conformance suite runs on every ID
 * token (ValidateIdToken: iss, aud, azp, exp, iat; nonce when one was sent).
 */
export function expectValidIdTokenClaims(
  claims: Record<string, unknown>,
  expected: { issuer: string; clientId: string; nonce?: string },
): void {
  const now = Math.floor(Date.now() / 1000);
  expect(claims.iss).toBe(expected.issuer);
  const audience = Array.isArray(claims.aud) ? (claims.aud as string[]) : [claims.aud as string];
  expect(audience).toContain(expected.clientId);
  if (audience.length > 1 || claims.azp !== undefined) expect(claims.azp).toBe(expected.clientId);
  expect(typeof claims.sub).toBe('string');
  expect((claims.sub as string).length).toBeGreaterThan(0);
  expect((claims.sub as string).length).toBeLessThanOrEqual(255);
  expect(typeof claims.exp).toBe('number');
  expect(claims.exp as number).toBeGreaterThan(now - 5);
  expect(typeof claims.iat).toBe('number');
  expect(claims.iat as number).toBeLessThanOrEqual(now + 5);
  expect(claims.iat as number).toBeLessThan(claims.exp as number);
  if (expected.nonce !== undefined) expect(claims.nonce).toBe(expected.nonce);
}
