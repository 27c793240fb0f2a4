/** Replacement text of a redacted value. */
export const REDACTED = '[Redacted]';

/**
 * Query parameters that carry credentials, tokens, codes or personal data (RFC 6749 §4.1.2, §4.2.2,
 * RFC 7521 §4.2, RFC 9101, RFC 9449, OIDC Core §3.1.2.1).
 */
const SECRET_PARAMS = new Set([
  'code',
  'access_token',
  'refresh_token',
  'id_token',
  'token',
  'client_secret',
  'client_assertion',
  'password',
  'username',
  'assertion',
  'request',
  'id_token_hint',
  'login_hint',
  'login_hint_token',
  'subject_token',
  'actor_token',
  'dpop',
  'code_verifier',
  'state',
  'nonce',
  'user_code',
  'device_code',
  'ticket',
]);

/** Returns `url` with the values of secret query parameters replaced by {@link REDACTED}. */
export function redactUrl(url: string): string {
  const index = url.indexOf('?');
  if (index < 0) return url;
  const query = url
    .slice(index + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const rawName = eq < 0 ? pair : pair.slice(0, eq);
      let name = rawName;
      try {
        name = decodeURIComponent(rawName.replace(/\+/g, ' '));
      } catch {
        return `${rawName}=${REDACTED}`;
      }
      return SECRET_PARAMS.has(name.toLowerCase()) ? `${rawName}=${REDACTED}` : pair;
    })
    .join('&');
  return `${url.slice(0, index)}?${query}`;
}

/**
 * pino `redact` paths: a second line of defence for any object logged with a credential in it
 * (the request serializer already logs no headers and no body).
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers.dpop',
  'res.headers["set-cookie"]',
  'res.headers.location',
  ...[
    'authorization',
    'cookie',
    'password',
    'client_secret',
    'clientSecret',
    'client_assertion',
    'clientAssertion',
    'access_token',
    'accessToken',
    'refresh_token',
    'refreshToken',
    'id_token',
    'idToken',
    'code',
    'token',
    'dpop',
    'parameters',
    'secret',
  ].flatMap((name) => [name, `*.${name}`]),
];
