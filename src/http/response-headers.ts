import type { FastifyReply } from 'fastify';

/** Content types used by the OAuth endpoints (authlete-api.md §3). */
export const CONTENT_TYPE = {
  json: 'application/json;charset=UTF-8',
  html: 'text/html;charset=UTF-8',
  jwt: 'application/jwt',
  introspectionJwt: 'application/token-introspection+jwt',
  javascript: 'application/javascript;charset=UTF-8',
} as const;

/** Marks a response as never cacheable (RFC 6749 §5.1, RFC 9111 §5.2.2.5). */
export function setNoStore(reply: FastifyReply): void {
  reply.header('cache-control', 'no-store');
  reply.header('pragma', 'no-cache');
}

/** Builds `Basic realm="<realm>"` (RFC 7617 §2). */
export function basicChallenge(realm: string): string {
  return `Basic realm="${realm.replace(/["\\]/g, '')}"`;
}
