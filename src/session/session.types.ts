/** Who logged in, and how (OIDC Core §2 `auth_time`, `acr`, `amr`; §3.1.2.1 `max_age`). */
export interface LoginState {
  readonly subject: string;
  /** Seconds since the epoch. */
  readonly authTime: number;
  readonly acr?: string;
  readonly amr?: readonly string[];
  /**
   * The `sid` given to relying parties (OIDC Front/Back-Channel Logout): random and distinct from
   * the cookie's session id, which never leaves the server.
   */
  readonly sid: string;
  /** When the signed-in session started (seconds since the epoch); it ends a TTL later. */
  readonly startedAt?: number;
}

/** A browser session: its CSRF token, and the login once the user has signed in. */
export interface BrowserSession {
  /** Anti-CSRF token carried by every form of this session (OWASP synchronizer token). */
  readonly csrf: string;
  readonly login?: LoginState;
  /**
   * The session this one replaced at sign-in, so pages shown to it in other tabs (whose forms carry
   * its CSRF token) still post: they go on with this session instead of meeting a dead end.
   */
  readonly previous?: { readonly id: string; readonly csrf: string };
}
