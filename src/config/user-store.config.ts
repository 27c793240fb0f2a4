import { registerAs } from '@nestjs/config';
import { readFileSync } from 'node:fs';
import { readBool, readInt, readString } from './env-readers';

/** Which shipped user store `USER_STORE` selects. */
export type UserStoreKind = 'file' | 'postgres' | 'ldap';

function ldapClaims(): Record<string, string> | undefined {
  const text = readString('LDAP_CLAIMS');
  if (text === undefined) return undefined;
  const value = JSON.parse(text) as unknown;
  const entries = typeof value === 'object' && value !== null ? Object.entries(value) : [];
  if (Array.isArray(value) || entries.some(([, attribute]) => typeof attribute !== 'string')) {
    throw new Error('LDAP_CLAIMS: must be a JSON object of claim name to attribute name');
  }
  return Object.fromEntries(entries);
}

function caBundle(): string | undefined {
  const file = readString('LDAP_TLS_CA_FILE');
  if (file === undefined) return undefined;
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new Error(`LDAP_TLS_CA_FILE: cannot read ${file}`);
  }
}

/**
 * The shipped user stores' settings (docs/users.md): `USER_STORE` picks file, PostgreSQL or
 * LDAP; the password policy applies to PostgreSQL re-hashing (argon2id RFC 9106, or scrypt
 * RFC 7914).
 */
export const userStoreConfig = registerAs('userStore', () => ({
  kind: (readString('USER_STORE') ?? 'file') as UserStoreKind,
  password: {
    algorithm: (readString('PASSWORD_HASH') ?? 'argon2id') as 'argon2id' | 'scrypt',
    argon2: {
      memoryKiB: readInt('PASSWORD_ARGON2_MEMORY_KIB', 65536),
      timeCost: readInt('PASSWORD_ARGON2_TIME_COST', 3),
      parallelism: readInt('PASSWORD_ARGON2_PARALLELISM', 4),
    },
    scrypt: { N: readInt('PASSWORD_SCRYPT_N', 16384), r: 8, p: 1 },
  },
  postgres: {
    connectionString: readString('USERS_DATABASE_URL'),
    table: readString('USERS_TABLE') ?? 'oauth_users',
    poolMax: readInt('USERS_DATABASE_POOL_MAX', 10),
    migrate: readBool('USERS_DATABASE_MIGRATE', false),
  },
  ldap: {
    url: readString('LDAP_URL') ?? '',
    bindDN: readString('LDAP_BIND_DN') ?? '',
    bindPassword: readString('LDAP_BIND_PASSWORD') ?? '',
    searchBase: readString('LDAP_SEARCH_BASE') ?? '',
    userFilter: readString('LDAP_USER_FILTER'),
    subjectAttribute: readString('LDAP_SUBJECT_ATTRIBUTE'),
    usernameAttribute: readString('LDAP_USERNAME_ATTRIBUTE'),
    disabledFilter: readString('LDAP_DISABLED_FILTER'),
    claims: ldapClaims(),
    startTLS: readBool('LDAP_STARTTLS', false),
    ca: caBundle(),
    timeoutMs: readInt('LDAP_TIMEOUT_MS', 5000),
    connectTimeoutMs: readInt('LDAP_CONNECT_TIMEOUT_MS', 3000),
    poolSize: readInt('LDAP_POOL_SIZE', 4),
  },
}));

/** Resolved type of {@link userStoreConfig}. */
export type UserStoreConfig = ReturnType<typeof userStoreConfig>;
