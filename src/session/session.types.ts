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
}

/** A browser session: its CSRF token, and the login once the user has signed in. */
export interface BrowserSession {
  /** Anti-CSRF token carried by every form of this session (OWASP synchronizer token). */
  readonly csrf: string;
  readonly login?: LoginState;
}
