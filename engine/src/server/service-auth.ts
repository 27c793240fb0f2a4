import type { FastifyRequest } from 'fastify';
import { ApiError } from '../api/api-error';
import { secretMatches, sha256 } from '../protocol/secrets';

/** The API path as Authlete names it in messages: without `/api` and the service id. */
export function apiPathOf(request: FastifyRequest): string {
  const path = request.url.split('?')[0] ?? '';
  const match = /^\/api\/[^/]+(\/.*)$/.exec(path);
  return match?.[1] ?? path;
}

/**
 * Checks `Authorization: Bearer <service access token>` (authlete-api.md §1.1): missing → 401
 * A001202, wrong → 401 A001203. The token is compared in constant time.
 */
export function createServiceAuthCheck(accessToken: string): (request: FastifyRequest) => void {
  const expected = sha256(accessToken);
  return (request) => {
    const header = request.headers.authorization;
    if (header === undefined || header === '') {
      throw ApiError.missingAuthorization(apiPathOf(request));
    }
    const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
    if (match?.[1] === undefined || !secretMatches(match[1], expected)) {
      throw ApiError.invalidAccessToken(apiPathOf(request));
    }
  };
}
