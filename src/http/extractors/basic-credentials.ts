import { OAuthError } from '../oauth.errors';
import { basicChallenge } from '../response-headers';

/** Client credentials carried by `Authorization: Basic` (RFC 6749 §2.3.1). */
export interface BasicCredentials {
  readonly id: string;
  readonly secret: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function formDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

function decodeBase64Utf8(encoded: string): string | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded) || encoded.length % 4 !== 0) return undefined;
  try {
    return utf8.decode(Buffer.from(encoded, 'base64'));
  } catch {
    return undefined;
  }
}

/**
 * Parses `Authorization: Basic …` into client credentials. Per RFC 6749 §2.3.1 the id and secret
 * are form-URL-encoded before base64, so both are decoded here (java-oauth-server and
 * typescript-oauth-server skip this). A malformed header (bad base64, not UTF-8, no colon, bad
 * percent-encoding, empty id, extra tokens) is a 401 `invalid_client` with a Basic challenge, never
 * a 500. Returns undefined when the header is absent or uses another scheme.
 */
export function parseBasicCredentials(
  header: string | undefined,
  realm: string,
): BasicCredentials | undefined {
  if (header === undefined) return undefined;
  const match = /^basic(?:[ \t]+(.*))?$/i.exec(header.trim());
  if (!match) return undefined;
  const fail = (why: string): OAuthError =>
    new OAuthError(401, 'invalid_client', why, { 'www-authenticate': basicChallenge(realm) });
  const decoded = decodeBase64Utf8((match[1] ?? '').trim());
  if (decoded === undefined) throw fail('Malformed Basic credentials');
  const colon = decoded.indexOf(':');
  if (colon < 0) throw fail('Malformed Basic credentials: no colon');
  const id = formDecode(decoded.slice(0, colon));
  const secret = formDecode(decoded.slice(colon + 1));
  if (id === undefined || secret === undefined) {
    throw fail('Malformed Basic credentials: bad percent-encoding');
  }
  if (id.length === 0) throw fail('Malformed Basic credentials: empty client id');
  return { id, secret };
}
