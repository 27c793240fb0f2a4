import type { FastifyRequest } from 'fastify';
import { OAuthError } from '../../http/oauth.errors';

/** The Bearer token of the request, if any (RFC 6750 §2.1); other schemes are ignored. */
export function bearerOf(request: FastifyRequest): string | undefined {
  const match = /^bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  return match?.[1];
}

/**
 * The RFC 7591 §3.1 / RFC 7592 §2.2 request body: `application/json` holding a JSON object;
 * anything else is 400 `invalid_client_metadata`.
 */
export function metadataOf(request: FastifyRequest): Record<string, unknown> {
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  const body = request.body;
  if (
    type !== 'application/json' ||
    typeof body !== 'object' ||
    body === null ||
    Array.isArray(body)
  ) {
    throw new OAuthError(
      400,
      'invalid_client_metadata',
      'The request body must be a JSON object (Content-Type: application/json)',
    );
  }
  return body as Record<string, unknown>;
}
