/** scrypt cost (RFC 7914 §2): CPU/memory cost N (a power of two), block size r, parallelism p. */
export interface ScryptCost {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

/** argon2id cost (RFC 9106 §3.1): memory in KiB, passes (time cost), lanes (parallelism). */
export interface Argon2Cost {
  readonly memoryKiB: number;
  readonly timeCost: number;
  readonly parallelism: number;
}

/**
 * How new password hashes are made, and the floor below which a stored hash is re-hashed on the
 * next successful login. argon2id is RFC 9106's first recommendation; scrypt (RFC 7914) stays
 * verifiable either way.
 */
export type PasswordPolicy =
  | { readonly algorithm: 'argon2id'; readonly argon2: Argon2Cost }
  | { readonly algorithm: 'scrypt'; readonly scrypt: ScryptCost };

/** RFC 9106 §4 second recommended option (64 MiB, 3 passes, 4 lanes). */
export const DEFAULT_ARGON2: Argon2Cost = { memoryKiB: 65536, timeCost: 3, parallelism: 4 };

/** The default policy: argon2id at {@link DEFAULT_ARGON2}. */
export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = {
  algorithm: 'argon2id',
  argon2: DEFAULT_ARGON2,
};
