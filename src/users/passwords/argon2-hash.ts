import { argon2id, hash, verify } from 'argon2';
import type { Argon2Cost } from './password-policy';

/** A parsed argon2id PHC string (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`). */
export interface Argon2Hash {
  readonly text: string;
  readonly cost: Argon2Cost;
}

const PHC = /^\$argon2id\$v=19\$([a-z]=\d+(?:,[a-z]=\d+)*)\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/;

/**
 * Parses an argon2id hash in PHC format (RFC 9106 §3.1 parameters `m`, `t`, `p`, in any order);
 * undefined for anything else.
 */
export function parseArgon2(text: string): Argon2Hash | undefined {
  const match = PHC.exec(text);
  if (!match) return undefined;
  const params = new Map(
    match[1]!.split(',').map((pair) => [pair[0], Number(pair.slice(2))] as const),
  );
  const [m, t, p] = [params.get('m'), params.get('t'), params.get('p')];
  if (m === undefined || t === undefined || p === undefined) return undefined;
  return { text, cost: { memoryKiB: m, timeCost: t, parallelism: p } };
}

/** Hashes a password with argon2id (the `argon2` package, libargon2 reference code). */
export function hashArgon2(password: string, cost: Argon2Cost): Promise<string> {
  return hash(password.normalize('NFC'), {
    type: argon2id,
    memoryCost: cost.memoryKiB,
    timeCost: cost.timeCost,
    parallelism: cost.parallelism,
  });
}

/** Verifies a password against an argon2id hash (constant-time comparison inside libargon2). */
export function verifyArgon2(password: string, stored: Argon2Hash): Promise<boolean> {
  return verify(stored.text, password.normalize('NFC'));
}
