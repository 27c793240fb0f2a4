import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random 256-bit identifier, base64url (43 characters). */
export function randomId(): string {
  return randomBytes(32).toString('base64url');
}

/** Compares two secrets in constant time (hashing first so lengths never leak). */
export function secretsEqual(a: string, b: string): boolean {
  const left = createHash('sha256').update(a).digest();
  const right = createHash('sha256').update(b).digest();
  return timingSafeEqual(left, right);
}

/** A short non-reversible key part for user-typed values (usernames) in store keys. */
export function keyHash(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}
