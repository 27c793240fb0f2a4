/**
 * Where an action's `responseContent` goes (authlete-api.md §3):
 * - `json`: the body, `application/json;charset=UTF-8`;
 * - `html`: the body, `text/html;charset=UTF-8` (form_post pages);
 * - `location`: the `Location` header of a redirect, no body;
 * - `challenge`: the `WWW-Authenticate` header, no body (RFC 6750 §3);
 * - `jwt`: the body, `application/jwt` (signed userinfo, OIDC Core §5.3.2);
 * - `introspection-jwt`: the body, `application/token-introspection+jwt` (RFC 9701);
 * - `jsonp`: empty body, or `application/javascript` when Authlete built a JSONP callback (RFC 7009 §2.3);
 * - `empty`: no body.
 */
export type ResponseShape =
  'json' | 'html' | 'location' | 'challenge' | 'jwt' | 'introspection-jwt' | 'jsonp' | 'empty';

/** How one action becomes an HTTP response. */
export interface ActionResponse {
  readonly status: number;
  readonly shape: ResponseShape;
  /**
   * For client-authentication failures (RFC 6749 §5.2 `invalid_client`): answer 401 with
   * `WWW-Authenticate: Basic realm="<realm>"` when the client used the Authorization header,
   * otherwise `statusWithoutBasic` (a 401 still carries the challenge, RFC 9110 §15.5.2).
   */
  readonly basicChallenge?: { readonly realm: string; readonly statusWithoutBasic: number };
  /**
   * A `WWW-Authenticate` value the service adds itself, e.g. `Bearer error="invalid_token"` on a
   * JSON 401 for a bad registration access token (RFC 7592 §2, RFC 6750 §3).
   */
  readonly challenge?: string;
}

/** An endpoint's complete action map: every action its service can return must be listed. */
export type ActionMap<A extends string> = { readonly [K in A]: ActionResponse };

/** What a mapped route handler returns: an Authlete outcome. */
export interface AuthleteOutcome {
  action: string;
  responseContent?: string;
  dpopNonce?: string;
  attestationChallenge?: string;
}
