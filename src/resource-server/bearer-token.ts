/** The access token of a request and how it was presented. */
export interface PresentedToken {
  /** `Bearer` (RFC 6750 §2.1) or `DPoP` (RFC 9449 §7.1). */
  readonly scheme: 'Bearer' | 'DPoP';
  readonly token: string;
}

/** RFC 6750 §2.1 `b64token`. */
const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

/**
 * Reads the token from the `Authorization` header only (RFC 6750 §2.1; the query and form
 * methods of §2.2-2.3 are not accepted). Undefined when there is no usable header; `'malformed'`
 * when a Bearer/DPoP header is present but not a single `b64token`.
 */
export function presentedToken(
  authorization: string | undefined,
): PresentedToken | 'malformed' | undefined {
  if (authorization === undefined) return undefined;
  const match = /^(Bearer|DPoP) +(.*)$/i.exec(authorization.trim());
  if (match === null) return undefined;
  const token = match[2] ?? '';
  if (!B64TOKEN.test(token) || token.length > 4096) return 'malformed';
  const scheme = (match[1] ?? '').toLowerCase() === 'dpop' ? 'DPoP' : 'Bearer';
  return { scheme, token };
}
