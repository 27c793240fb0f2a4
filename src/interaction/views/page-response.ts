import { DirectResponse } from '../../http/direct-response';
import type { SafeHtml } from './html';

/**
 * Security headers of every page the service renders: no framing (clickjacking; CSP
 * `frame-ancestors`, RFC 7034), no inline script or foreign style, no MIME sniffing, no referrer
 * (the URL may carry request parameters) and never cached (RFC 9111 §5.2.2.5).
 */
export const PAGE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/html;charset=UTF-8',
  'content-security-policy':
    "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' https: data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  pragma: 'no-cache',
};

/** A rendered page as a {@link DirectResponse}. */
export function pageResponse(status: number, page: SafeHtml): DirectResponse {
  return new DirectResponse(status, PAGE_SECURITY_HEADERS, page.value);
}
