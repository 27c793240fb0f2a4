import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ActionResponse } from './action-map.types';
import { CONTENT_TYPE, basicChallenge } from './response-headers';

const FALLBACK_ERROR = JSON.stringify({ error: 'server_error' });

function usedBasicAuth(request: FastifyRequest): boolean {
  return /^basic\s/i.test(request.headers.authorization ?? '');
}

/**
 * Applies one {@link ActionResponse} to the reply and returns the body to send
 * (authlete-api.md §3 shapes). `responseContent` is passed through byte for byte.
 */
export function writeActionResponse(
  reply: FastifyReply,
  request: FastifyRequest,
  spec: ActionResponse,
  content: string | undefined,
): string | undefined {
  let status = spec.status;
  if (spec.basicChallenge) {
    if (!usedBasicAuth(request)) status = spec.basicChallenge.statusWithoutBasic;
    // A 401 always names the scheme to use (RFC 9110 §15.5.2); 400 needs none (RFC 6749 §5.2).
    if (status === 401) {
      reply.header('www-authenticate', basicChallenge(spec.basicChallenge.realm));
    }
  }
  if (spec.challenge) reply.header('www-authenticate', spec.challenge);
  reply.status(status);
  switch (spec.shape) {
    case 'json':
      reply.header('content-type', CONTENT_TYPE.json);
      return content ?? (status >= 400 ? FALLBACK_ERROR : '{}');
    case 'html':
      reply.header('content-type', CONTENT_TYPE.html);
      return content ?? '';
    case 'location':
      if (content) reply.header('location', content);
      return undefined;
    case 'challenge':
      if (content) reply.header('www-authenticate', content);
      return undefined;
    case 'jwt':
      reply.header('content-type', CONTENT_TYPE.jwt);
      return content ?? '';
    case 'introspection-jwt':
      reply.header('content-type', CONTENT_TYPE.introspectionJwt);
      return content ?? '';
    case 'jsonp':
      if (!content) return undefined;
      reply.header('content-type', CONTENT_TYPE.javascript);
      return content;
    case 'empty':
      return undefined;
  }
}
