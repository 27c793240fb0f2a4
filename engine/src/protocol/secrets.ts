import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** SHA-256 of a UTF-8 string; used so that secrets of any length compare in constant time. */
export function sha256(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** Constant-time comparison of a presented secret against a stored digest (issue 3 item 5). */
export function secretMatches(presented: string, expectedDigest: Buffer): boolean {
  return timingSafeEqual(sha256(presented), expectedDigest);
}

/** A 256-bit random value, base64url-encoded (43 characters, like Authlete's own tokens). */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}
