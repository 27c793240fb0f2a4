import { hashPassword, parseHash, verifyPassword, type ParsedHash } from '../password-hash';
import { hashArgon2, parseArgon2, verifyArgon2, type Argon2Hash } from './argon2-hash';
import { DEFAULT_PASSWORD_POLICY, type PasswordPolicy } from './password-policy';

/** The result of checking a password against a stored hash. */
export interface PasswordCheck {
  /** The password matches. */
  readonly matches: boolean;
  /** The hash is weaker than the policy (other algorithm, lower cost): store a new one. */
  readonly needsRehash: boolean;
}

type StoredHash = { kind: 'scrypt'; hash: ParsedHash } | { kind: 'argon2id'; hash: Argon2Hash };

function parseStored(text: string): StoredHash | undefined {
  const argon = parseArgon2(text);
  if (argon) return { kind: 'argon2id', hash: argon };
  const scrypt = parseHash(text);
  return scrypt ? { kind: 'scrypt', hash: scrypt } : undefined;
}

function weakerThanPolicy(stored: StoredHash, policy: PasswordPolicy): boolean {
  if (policy.algorithm === 'argon2id') {
    if (stored.kind !== 'argon2id') return true;
    const have = stored.hash.cost;
    const want = policy.argon2;
    return (
      have.memoryKiB < want.memoryKiB ||
      have.timeCost < want.timeCost ||
      have.parallelism < want.parallelism
    );
  }
  if (stored.kind !== 'scrypt') return false; // argon2id is never weaker than scrypt
  const have = stored.hash.options;
  const want = policy.scrypt;
  return (have.N ?? 0) < want.N || (have.r ?? 0) < want.r || (have.p ?? 0) < want.p;
}

/**
 * Password hashing for the user stores: verifies both scrypt (`$scrypt$N=…`, RFC 7914) and
 * argon2id (PHC `$argon2id$…`, RFC 9106) hashes, makes new ones by the {@link PasswordPolicy},
 * and tells when a stored hash is weaker than the policy so the store can re-hash it on login.
 * An unknown user is checked against a decoy hash of the same cost, so both failures take as long.
 */
export class PasswordHasher {
  private decoy?: Promise<StoredHash>;

  constructor(readonly policy: PasswordPolicy = DEFAULT_PASSWORD_POLICY) {}

  /** True when the text is a hash this class can verify. */
  static isSupported(text: string): boolean {
    return parseStored(text) !== undefined;
  }

  /** A new hash of the password by the policy. */
  hash(password: string): Promise<string> {
    return this.policy.algorithm === 'argon2id'
      ? hashArgon2(password, this.policy.argon2)
      : hashPassword(password, this.policy.scrypt);
  }

  /** Checks a password; an unsupported or malformed stored hash never matches. */
  async check(password: string, storedText: string): Promise<PasswordCheck> {
    const stored = parseStored(storedText);
    if (stored === undefined) {
      await this.spend(password);
      return { matches: false, needsRehash: false };
    }
    const matches =
      stored.kind === 'argon2id'
        ? await verifyArgon2(password, stored.hash)
        : await verifyPassword(password, stored.hash);
    return { matches, needsRehash: matches && weakerThanPolicy(stored, this.policy) };
  }

  /** Spends the time of one verification against a decoy hash (unknown user), then fails. */
  async spend(password: string): Promise<false> {
    this.decoy ??= this.hash('decoy password').then((text) => parseStored(text)!);
    const decoy = await this.decoy;
    if (decoy.kind === 'argon2id') await verifyArgon2(password, decoy.hash);
    else await verifyPassword(password, decoy.hash);
    return false;
  }
}
