import type { ConnectionOptions } from 'node:tls';

/** Options of {@link LdapUserAuthenticator}. */
export interface LdapUserStoreOptions {
  /** `ldap://host:389` or `ldaps://host:636`. */
  readonly url: string;
  /** The service account that searches for users (search-then-bind). */
  readonly bindDN: string;
  readonly bindPassword: string;
  /** Where users live, e.g. `ou=people,dc=example,dc=org`. */
  readonly searchBase: string;
  /**
   * Filter that finds a user by the typed name; `{username}` is replaced by the RFC 4515-escaped
   * value. Default `(&(objectClass=inetOrgPerson)(uid={username}))`.
   */
  readonly userFilter?: string;
  /** Attribute holding the stable `sub` (≤ 100 ASCII characters). Default `entryUUID`. */
  readonly subjectAttribute?: string;
  /** Attribute holding the username shown on pages. Default `uid`. */
  readonly usernameAttribute?: string;
  /**
   * Filter that, matched against the user's own entry, marks the account disabled, e.g.
   * `(pwdAccountLockedTime=*)` or `(employeeType=disabled)`. Unset: no account is disabled.
   */
  readonly disabledFilter?: string;
  /**
   * Claim name → attribute (OIDC Core §5.1). Language-tagged values (`cn;lang-ja`, RFC 3866)
   * become tagged claims (`name#ja`). `updated_at` may map to a GeneralizedTime attribute such as
   * `modifyTimestamp`. Default: {@link DEFAULT_LDAP_CLAIMS}.
   */
  readonly claims?: Readonly<Record<string, string>>;
  /** Upgrade `ldap://` connections with StartTLS (RFC 4511 §4.14) before any bind. */
  readonly startTLS?: boolean;
  /** TLS options for `ldaps://` and StartTLS (CA bundle, client certificate, servername, …). */
  readonly tlsOptions?: ConnectionOptions;
  /** Per-operation timeout in ms; default 5000. */
  readonly timeoutMs?: number;
  /** Connect timeout in ms; default 3000. */
  readonly connectTimeoutMs?: number;
  /** Number of service-account connections kept for searches; default 4. */
  readonly poolSize?: number;
  /** `acr` of a password login, if your deployment assigns one. */
  readonly acr?: string;
}

/** The default claim mapping for `inetOrgPerson` entries (RFC 2798). */
export const DEFAULT_LDAP_CLAIMS: Readonly<Record<string, string>> = {
  name: 'cn',
  given_name: 'givenName',
  family_name: 'sn',
  preferred_username: 'uid',
  email: 'mail',
  phone_number: 'telephoneNumber',
  locale: 'preferredLanguage',
  updated_at: 'modifyTimestamp',
};
