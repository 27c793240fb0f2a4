import type { FastifyRequest } from 'fastify';

/** `origin + path prefix` of each configured issuer, parsed once (an app has one or two). */
const bases = new Map<string, string>();

function publicBaseOf(issuer: string): string {
  let base = bases.get(issuer);
  if (base === undefined) {
    const url = new URL(issuer);
    base = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
    bases.set(issuer, base);
  }
  return base;
}

/** The path of a request target, without query or fragment. */
function pathOf(url: string): string {
  let end = url.length;
  const query = url.indexOf('?');
  if (query >= 0) end = query;
  const fragment = url.indexOf('#');
  if (fragment >= 0 && fragment < end) end = fragment;
  return end === 0 ? '/' : url.slice(0, end);
}

/**
 * The DPoP `htm`/`htu` of a request (RFC 9449 §4.3): the method, and the public URL of the endpoint
 * without query or fragment, built from the configured ISSUER rather than from Host headers a
 * client controls.
 */
export function dpopTarget(request: FastifyRequest, issuer: string): { htm: string; htu: string } {
  return {
    htm: request.method.toUpperCase(),
    htu: `${publicBaseOf(issuer)}${pathOf(request.url)}`,
  };
}
