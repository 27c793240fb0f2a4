import type { FastifyRequest } from 'fastify';

/** The endpoint groups that are rate limited, each with its own counters. */
export type LimitedRoute = 'token' | 'par' | 'authorization' | 'login';

/**
 * Which group a request belongs to, or undefined when it is not limited: the token endpoint
 * (RFC 6749 §3.2), PAR (RFC 9126 §2), the authorization endpoint (RFC 6749 §3.1) and the login and
 * consent form posts (`POST /api/authorization/decision`).
 */
export function limitedRouteOf(request: FastifyRequest): LimitedRoute | undefined {
  const path = (request.url.split('?', 1)[0] ?? '').replace(/\/+$/, '');
  switch (path) {
    case '/api/token':
      return request.method === 'POST' ? 'token' : undefined;
    case '/api/par':
      return request.method === 'POST' ? 'par' : undefined;
    case '/api/authorization':
      return request.method === 'GET' || request.method === 'POST' ? 'authorization' : undefined;
    case '/api/authorization/decision':
      return request.method === 'POST' ? 'login' : undefined;
    default:
      return undefined;
  }
}
