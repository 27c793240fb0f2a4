/** The RP-Initiated Logout 1.0 §2 request parameters (plus the confirmation form's own). */
export interface LogoutParameters {
  readonly idTokenHint?: string;
  readonly clientId?: string;
  readonly postLogoutRedirectUri?: string;
  readonly state?: string;
  readonly uiLocales?: string;
  readonly logoutHint?: string;
  /** Confirmation form only: the session's CSRF token and the button pressed. */
  readonly csrf?: string;
  readonly decision?: string;
}

const NAMES: Readonly<Record<keyof LogoutParameters, string>> = {
  idTokenHint: 'id_token_hint',
  clientId: 'client_id',
  postLogoutRedirectUri: 'post_logout_redirect_uri',
  state: 'state',
  uiLocales: 'ui_locales',
  logoutHint: 'logout_hint',
  csrf: 'csrf',
  decision: 'decision',
};

/**
 * Reads the parameters from the query (GET) or the form body (POST), both allowed by §2. Empty
 * values count as absent; a repeated parameter makes the request invalid (`undefined`).
 */
export function readLogoutParameters(params: URLSearchParams): LogoutParameters | undefined {
  const read: Record<string, string | undefined> = {};
  for (const [key, name] of Object.entries(NAMES)) {
    const values = params.getAll(name);
    if (values.length > 1) return undefined;
    read[key] = values[0] === '' ? undefined : values[0];
  }
  return read;
}
