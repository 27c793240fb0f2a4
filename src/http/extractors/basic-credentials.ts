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

/** A `Basic` header that cannot be decoded, and why. */
export interface MalformedBasic {
  readonly malformed: string;
}

/**
 * Decodes `Authorization: Basic …` (RFC 7617 §2) into client credentials without throwing. Per
 * RFC 6749 §2.3.1 the id and secret are form-URL-encoded before base64, so both are decoded here
 * (java-oauth-server and typescript-oauth-server skip this). Returns undefined when the header is
 * absent or uses another scheme, and {@link MalformedBasic} for bad base64, non-UTF-8, no colon, bad
 * percent-encoding, an empty id or extra tokens.
 */
export function decodeBasicCredentials(
  header: string | undefined,
): BasicCredentials | MalformedBasic | undefined {
  if (header === undefined || !BASIC_SCHEME.test(header)) return undefined;
  let decoded = recentlyDecoded.get(header);
  if (decoded === undefined) {
    decoded = decodeHeader(header);
    if (decoded === undefined) return undefined;
    if (recentlyDecoded.size >= MAX_REMEMBERED_HEADERS) recentlyDecoded.clear();
    recentlyDecoded.set(header, Object.freeze(decoded));
  }
  return decoded;
}

const BASIC_SCHEME = /^\s*basic/i;

/**
 * Headers decoded lately: a client sends the same header on every request, and both the rate
 * limiter (to name the client) and the endpoint read it. Only `Basic` headers are kept, at most 256;
 * a value holds nothing its header does not.
 */
const recentlyDecoded = new Map<string, BasicCredentials | MalformedBasic>();
const MAX_REMEMBERED_HEADERS = 256;

function decodeHeader(header: string): BasicCredentials | MalformedBasic | undefined {
  const match = /^basic(?:[ \t]+(.*))?$/i.exec(header.trim());
  if (!match) return undefined;
  const decoded = decodeBase64Utf8((match[1] ?? '').trim());
  if (decoded === undefined) return { malformed: 'Malformed Basic credentials' };
  const colon = decoded.indexOf(':');
  if (colon < 0) return { malformed: 'Malformed Basic credentials: no colon' };
  const id = formDecode(decoded.slice(0, colon));
  const secret = formDecode(decoded.slice(colon + 1));
  if (id === undefined || secret === undefined) {
    return { malformed: 'Malformed Basic credentials: bad percent-encoding' };
  }
  if (id.length === 0) return { malformed: 'Malformed Basic credentials: empty client id' };
  return { id, secret };
}

/**
 * Parses `Authorization: Basic …` into client credentials ({@link decodeBasicCredentials}). A
 * malformed header is a 401 `invalid_client` with a Basic challenge for `realm`
 * (RFC 6749 §5.2), never a 500. Returns undefined when the header is absent or uses another scheme.
 */
export function parseBasicCredentials(
  header: string | undefined,
  realm: string,
): BasicCredentials | undefined {
  const decoded = decodeBasicCredentials(header);
  if (decoded === undefined || 'id' in decoded) return decoded;
  throw new OAuthError(401, 'invalid_client', decoded.malformed, {
    'www-authenticate': basicChallenge(realm),
  });
}
