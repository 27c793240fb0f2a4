import type { FastifyRequest } from 'fastify';
import { OAuthError } from '../../http/oauth.errors';

/**
 * The access token of a credential or deferred credential request, from `Authorization: Bearer`
 * (OID4VCI 1.0 §8.2, RFC 6750 §2.1); none is 401 with a bare `Bearer` challenge (RFC 6750 §3.1).
 */
export function credentialAccessToken(request: FastifyRequest): string {
  const match = /^bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  if (match?.[1] === undefined) {
    throw new OAuthError(401, 'invalid_token', 'An access token is required.', {
      'www-authenticate': 'Bearer',
    });
  }
  return match[1];
}

/**
 * The request body as JSON text: an `application/json` object (OID4VCI 1.0 §8.2, §9.1), else 400
 * `invalid_credential_request`.
 */
export function credentialRequestContent(request: FastifyRequest): string {
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  const { body } = request;
  if (
    type !== 'application/json' ||
    typeof body !== 'object' ||
    body === null ||
    Array.isArray(body)
  ) {
    throw new OAuthError(
      400,
      'invalid_credential_request',
      'The request body must be a JSON object (Content-Type: application/json)',
    );
  }
  return JSON.stringify(body);
}
