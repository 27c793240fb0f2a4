/** A successfully authenticated end-user (OIDC Core §2: `auth_time`, `acr`, `amr`). */
export interface AuthenticatedUser {
  /** Stable user id: ASCII, at most 100 characters (authlete-api.md §4.2 `subject`). */
  readonly subject: string;
  /** Seconds since the epoch. */
  readonly authTime: number;
  readonly acr?: string;
  readonly amr?: readonly string[];
}

/** A user found by subject. */
export interface UserRecord {
  readonly subject: string;
  readonly username: string;
}

/** Where and why an authentication happens, for policy and rate limiting. */
export interface AuthenticationContext {
  readonly flow: 'login' | 'password-grant';
  readonly clientId?: string;
  readonly ip?: string;
  /** ACRs the client asked for, most preferred first (OIDC Core §3.1.2.1 `acr_values`). */
  readonly acrValues?: readonly string[];
}

/** Username and password as typed or sent (RFC 6749 §4.3.2). */
export interface PasswordCredentials {
  readonly username: string;
  readonly password: string;
}

/** Claim values keyed by claim name, possibly language-tagged (`name#ja`; OIDC Core §5.2). */
export type ClaimValues = Record<string, unknown>;

/**
 * The one port deployers replace (design.md §6): end-user authentication and claims. Used by the
 * login form and the PASSWORD grant (RFC 6749 §4.3), and for ID-token and userinfo claims
 * (OIDC Core §5). Provide yours with `AuthorizationServerModule.forRoot({ userAuthenticator })`.
 */
export abstract class UserAuthenticator {
  /** Verifies credentials; null when the user is unknown or the password is wrong (no distinction). */
  abstract authenticate(
    credentials: PasswordCredentials,
    context: AuthenticationContext,
  ): Promise<AuthenticatedUser | null>;

  /** Looks a user up by subject; null when there is none. */
  abstract findBySubject(subject: string): Promise<UserRecord | null>;

  /**
   * Looks a user up by username, for a CIBA `login_hint` (OpenID Connect CIBA Core §7.1); stores
   * that cannot omit it, and CIBA then resolves `login_hint` as a subject only.
   */
  findByUsername?(username: string): Promise<UserRecord | null>;

  /**
   * Returns values for the requested claim names in one batch. A name may carry a language tag
   * (`name#ja-Kana-JP`) and must then be returned under that exact key; untagged names should honour
   * `locales` (OIDC `claims_locales`, most preferred first). Unknown claims are left out.
   */
  abstract claims(
    subject: string,
    names: readonly string[],
    locales: readonly string[],
  ): Promise<ClaimValues>;
}
