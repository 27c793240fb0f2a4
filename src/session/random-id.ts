import { hash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random 256-bit identifier, base64url (43 characters). */
export function randomId(): string {
  return randomBytes(32).toString('base64url');
}

/** Compares two secrets in constant time (hashing first so lengths never leak). */
export function secretsEqual(a: string, b: string): boolean {
  return timingSafeEqual(hash('sha256', a, 'buffer'), hash('sha256', b, 'buffer'));
}

/** A short non-reversible key part for user-typed values (usernames) in store keys. */
export function keyHash(value: string): string {
  return hash('sha256', value, 'base64url');
}
