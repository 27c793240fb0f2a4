/** The normalised path every endpoint is mounted under: `''` or `/segment[/segment…]`. */
export abstract class RoutePrefix {
  abstract readonly path: string;
}

const SEGMENT = /^[A-Za-z0-9._~-]+$/;

/**
 * Normalises a route prefix (`oauth`, `/oauth/`, `a/b`) to `/oauth` or `/a/b`; empty or undefined
 * → `''`. Anything but plain path segments (RFC 3986 §3.3 unreserved characters) is refused.
 */
export function normaliseRoutePrefix(value: string | undefined): string {
  const segments = (value ?? '').split('/').filter((segment) => segment !== '');
  for (const segment of segments) {
    if (!SEGMENT.test(segment) || segment === '.' || segment === '..') {
      throw new Error(`ROUTE_PREFIX: "${value}" is not a plain path (letters, digits, . _ ~ -)`);
    }
  }
  return segments.length === 0 ? '' : `/${segments.join('/')}`;
}
