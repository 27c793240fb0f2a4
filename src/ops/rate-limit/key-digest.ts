import { hash } from 'node:crypto';

/** Digests already computed (IPs, client ids, client id + IP pairs: not secrets), bounded. */
const digests = new Map<string, string>();
const MAX_REMEMBERED_DIGESTS = 10_000;

/**
 * The SHA-256 (base64url) of a counter key part, remembered: the same address and client are
 * counted on every request, and the storage keys must not carry raw IPs or client ids. The memory
 * is bounded: past 10,000 parts it starts over.
 */
export function keyDigest(value: string): string {
  let known = digests.get(value);
  if (known === undefined) {
    known = hash('sha256', value, 'base64url');
    if (digests.size >= MAX_REMEMBERED_DIGESTS) digests.clear();
    digests.set(value, known);
  }
  return known;
}
