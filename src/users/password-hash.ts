import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** Default scrypt cost (RFC 7914 §2): N=2^14, r=8, p=1, 32-byte key, 16-byte salt. */
export const DEFAULT_SCRYPT = { N: 16384, r: 8, p: 1 } as const;

function derive(
  password: string,
  salt: Buffer,
  length: number,
  options: ScryptOptions,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFC'),
      salt,
      length,
      { ...options, maxmem: 256 * 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

/** Hashes a password as `$scrypt$N=…,r=…,p=…$<salt b64>$<key b64>` with node:crypto scrypt. */
export async function hashPassword(
  password: string,
  cost: ScryptOptions = DEFAULT_SCRYPT,
): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, 32, cost);
  return `$scrypt$N=${cost.N},r=${cost.r},p=${cost.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** A parsed hash; undefined when the text is not in the format {@link hashPassword} writes. */
export interface ParsedHash {
  readonly options: ScryptOptions;
  readonly salt: Buffer;
  readonly key: Buffer;
}

/** Parses a stored hash. */
export function parseHash(text: string): ParsedHash | undefined {
  const match = /^\$scrypt\$N=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/.exec(
    text,
  );
  if (!match) return undefined;
  const [, n, r, p, salt, key] = match;
  return {
    options: { N: Number(n), r: Number(r), p: Number(p) },
    salt: Buffer.from(salt!, 'base64'),
    key: Buffer.from(key!, 'base64'),
  };
}

/** Verifies a password against a parsed hash in constant time. */
export async function verifyPassword(password: string, hash: ParsedHash): Promise<boolean> {
  const key = await derive(password, hash.salt, hash.key.length, hash.options);
  return key.length === hash.key.length && timingSafeEqual(key, hash.key);
}
