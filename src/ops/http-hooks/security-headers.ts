import type { FastifyReply } from 'fastify';

/** Headers every response carries unless the handler chose its own value. */
const BASELINE: readonly (readonly [string, string])[] = [
  ['x-content-type-options', 'nosniff'],
  ['referrer-policy', 'no-referrer'],
  ['x-frame-options', 'DENY'],
  ['cross-origin-resource-policy', 'same-site'],
];

/**
 * Pages without their own policy still refuse framing, `<base>` and plugins (CSP Level 3). Scripts
 * are not restricted here, so Authlete's `form_post` pages (OAuth 2.0 Form Post Response Mode §2)
 * can auto-submit; the login and consent pages set a strict policy of their own.
 */
const HTML_POLICY = "frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

/**
 * Adds baseline security headers (OWASP Secure Headers): nosniff, no referrer, no framing, a CSP on
 * HTML, and HSTS (RFC 6797) when the issuer is https. Values set by a handler are kept.
 */
export function applySecurityHeaders(reply: FastifyReply, hsts: boolean): void {
  for (const [name, value] of BASELINE) {
    if (!reply.hasHeader(name)) void reply.header(name, value);
  }
  const type = reply.getHeader('content-type');
  if (typeof type === 'string' && type.startsWith('text/html')) {
    if (!reply.hasHeader('content-security-policy')) {
      void reply.header('content-security-policy', HTML_POLICY);
    }
  }
  if (hsts && !reply.hasHeader('strict-transport-security')) {
    void reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  }
}
