import type { FastifyRequest } from 'fastify';

/**
 * The DPoP `htm`/`htu` of a request (RFC 9449 §4.3): the method, and the public URL of the endpoint
 * without query or fragment, built from the configured ISSUER rather than from Host headers a
 * client controls.
 */
export function dpopTarget(request: FastifyRequest, issuer: string): { htm: string; htu: string } {
  const path = request.url.split(/[?#]/, 1)[0] ?? '/';
  const base = new URL(issuer);
  const prefix = base.pathname.replace(/\/+$/, '');
  return { htm: request.method.toUpperCase(), htu: `${base.origin}${prefix}${path}` };
}
