import { hash, randomFillSync, timingSafeEqual } from 'node:crypto';

/**
 * SHA-256 of a UTF-8 string; used so that secrets of any length compare in constant time. The
 * one-shot `crypto.hash` costs about half of a `createHash` object per call (every API call checks
 * the service's key, every token request the client's secret).
 */
export function sha256(value: string): Buffer {
  return hash('sha256', value, 'buffer');
}

/** Constant-time comparison of a presented secret against a stored digest (issue 3 item 5). */
export function secretMatches(presented: string, expectedDigest: Buffer): boolean {
  return timingSafeEqual(sha256(presented), expectedDigest);
}

const TOKEN_BYTES = 32;
/** Random bytes drawn from the CSPRNG 128 tokens at a time; each byte is handed out once. */
const pool = Buffer.alloc(TOKEN_BYTES * 128);
let poolOffset = pool.length;

/**
 * A 256-bit random value, base64url-encoded (43 characters, like Authlete's own tokens). The bytes
 * come from the CSPRNG in batches (one `randomFillSync` per 128 tokens instead of one
 * `randomBytes` call each: a fifth of a token grant's CPU, issue 16); no byte is ever reused.
 */
export function randomToken(): string {
  if (poolOffset + TOKEN_BYTES > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const token = pool.toString('base64url', poolOffset, poolOffset + TOKEN_BYTES);
  poolOffset += TOKEN_BYTES;
  return token;
}
