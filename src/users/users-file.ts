import { parseHash } from './password-hash';
import type { ClaimValues } from './user-authenticator';

/** One user in `USERS_FILE`. */
export interface StoredUser {
  readonly subject: string;
  readonly username: string;
  /** `$scrypt$N=…,r=…,p=…$salt$key` (see `npm run hash-password`). */
  readonly passwordHash: string;
  readonly acr?: string;
  readonly amr?: string[];
  /** OIDC standard claims (OIDC Core §5.1), language-tagged keys allowed (`name#ja`). */
  readonly claims: ClaimValues;
}

function fail(file: string, where: string, what: string): never {
  throw new Error(`USERS_FILE ${file}: ${where} ${what}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses and validates the users file (`{"users":[…]}`); errors name the file and the field. */
export function parseUsersFile(text: string, file: string): StoredUser[] {
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch {
    fail(file, 'the file', 'is not valid JSON');
  }
  if (!isRecord(json) || !Array.isArray(json['users'])) fail(file, 'users', 'must be an array');
  const seen = new Set<string>();
  return (json['users'] as unknown[]).map((entry, index) => {
    const at = `users[${index}]`;
    if (!isRecord(entry)) fail(file, at, 'must be an object');
    const { subject, username, passwordHash, acr, amr, claims } = entry;
    if (typeof subject !== 'string' || !/^[\x21-\x7e]{1,100}$/.test(subject)) {
      fail(file, `${at}.subject`, 'must be 1-100 printable ASCII characters');
    }
    if (typeof username !== 'string' || username.length === 0) {
      fail(file, `${at}.username`, 'must be a non-empty string');
    }
    if (seen.has(username) || seen.has(`sub:${subject}`)) {
      fail(file, at, 'duplicates a username or subject');
    }
    seen.add(username).add(`sub:${subject}`);
    if (typeof passwordHash !== 'string' || parseHash(passwordHash) === undefined) {
      fail(file, `${at}.passwordHash`, 'must be a $scrypt$ hash');
    }
    if (acr !== undefined && typeof acr !== 'string') fail(file, `${at}.acr`, 'must be a string');
    if (
      amr !== undefined &&
      !(Array.isArray(amr) && amr.every((item) => typeof item === 'string'))
    ) {
      fail(file, `${at}.amr`, 'must be an array of strings');
    }
    if (claims !== undefined && !isRecord(claims)) fail(file, `${at}.claims`, 'must be an object');
    return {
      subject,
      username,
      passwordHash,
      acr,
      amr: amr,
      claims: claims ?? {},
    };
  });
}
