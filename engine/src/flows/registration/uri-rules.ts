/**
 * URI rules for registered client metadata (RFC 7591 §2, §5; RFC 8252 §7; OpenID Connect Dynamic
 * Client Registration 1.0 §2). A URI that fails them never becomes a place the server sends a
 * browser or a request to.
 */

/** Schemes that run code or read local data when followed: never a redirect target. */
const DANGEROUS_SCHEMES = new Set([
  'javascript:',
  'data:',
  'vbscript:',
  'file:',
  'blob:',
  'about:',
]);

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Longest URI accepted in client metadata. */
export const MAX_URI_LENGTH = 2000;

function parse(uri: string): URL | undefined {
  if (uri.length === 0 || uri.length > MAX_URI_LENGTH || !URL.canParse(uri)) return undefined;
  return new URL(uri);
}

/** Whether a URL points at the local machine (RFC 8252 §7.3 loopback redirection). */
export function isLoopback(url: URL): boolean {
  return LOOPBACK_HOSTS.has(url.hostname);
}

/**
 * Why a redirect URI cannot be registered, or undefined when it can: absolute, no fragment
 * (RFC 6749 §3.1.2), never a code-running scheme; web clients use https (http only on loopback);
 * native clients may also use a private-use scheme with a reverse-domain name (RFC 8252 §7.1).
 */
export function redirectUriProblem(
  uri: string,
  applicationType: 'WEB' | 'NATIVE',
): string | undefined {
  const url = parse(uri);
  if (url === undefined) return 'is not an absolute URI';
  if (uri.includes('#')) return 'must not contain a fragment';
  if (DANGEROUS_SCHEMES.has(url.protocol)) return `uses the forbidden scheme '${url.protocol}'`;
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:') {
    return isLoopback(url) ? undefined : 'must use https (http is allowed for loopback only)';
  }
  if (applicationType === 'NATIVE' && url.protocol.slice(0, -1).includes('.')) return undefined;
  return applicationType === 'NATIVE'
    ? "must use https, loopback http or a reverse-domain private-use scheme (e.g. 'com.example.app:')"
    : 'must use https (http is allowed for loopback only)';
}

/**
 * Why a URI that the server shows as a link, fetches, or posts to cannot be registered (logo_uri,
 * client_uri, policy_uri, tos_uri, backchannel_logout_uri, post_logout_redirect_uris): it must be
 * an absolute http(s) URI; `noFragment` for URIs requests are sent to.
 */
export function webUriProblem(uri: string, noFragment: boolean): string | undefined {
  const url = parse(uri);
  if (url === undefined) return 'is not an absolute URI';
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return `must use https or http (got '${url.protocol}')`;
  }
  if (noFragment && uri.includes('#')) return 'must not contain a fragment';
  return undefined;
}
