import type { FastifyRequest } from 'fastify';
import { ApiError } from '../api/api-error';
import { secretMatches, sha256 } from '../protocol/secrets';

/** The API path of a URL as Authlete names it in messages: without `/api` and the service id. */
export function apiPathOfUrl(url: string): string {
  const path = url.split('?')[0] ?? '';
  const match = /^\/api\/[^/]+(\/.*)$/.exec(path);
  return match?.[1] ?? path;
}

/** The API path of a request as Authlete names it in messages (see {@link apiPathOfUrl}). */
export function apiPathOf(request: FastifyRequest): string {
  return apiPathOfUrl(request.url);
}

/**
 * Checks `Authorization: Bearer <service access token>` (authlete-api.md §1.1): missing → 401
 * A001202, wrong → 401 A001203. The token is compared in constant time. Takes the header and the
 * request URL (for the message), so HTTP routes and the in-process dispatcher share it.
 */
export function createServiceAuthCheck(
  accessToken: string,
): (authorization: string | undefined, url: string) => void {
  const expected = sha256(accessToken);
  return (header, url) => {
    if (header === undefined || header === '') {
      throw ApiError.missingAuthorization(apiPathOfUrl(url));
    }
    const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
    if (match?.[1] === undefined || !secretMatches(match[1], expected)) {
      throw ApiError.invalidAccessToken(apiPathOfUrl(url));
    }
  };
}
