import { createHash } from 'node:crypto';

/** RFC 7636 §4.1/4.2: 43–128 characters of the unreserved set. */
const PKCE_VALUE = /^[A-Za-z0-9\-._~]{43,128}$/;

/** Whether a `code_challenge` or `code_verifier` has the RFC 7636 syntax. */
export function isPkceValue(value: string): boolean {
  return PKCE_VALUE.test(value);
}

/** RFC 7636 §4.6: the verifier transformed by the method equals the stored challenge. */
export function verifierMatches(
  verifier: string,
  challenge: string,
  method: 'S256' | 'plain',
): boolean {
  if (!isPkceValue(verifier)) return false;
  const transformed =
    method === 'S256'
      ? createHash('sha256').update(verifier, 'ascii').digest('base64url')
      : verifier;
  return transformed === challenge;
}
