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

/** The Authlete response fields that become response headers on every action (§3). */
export interface RelayedFields {
  dpopNonce?: string;
  attestationChallenge?: string;
}

/**
 * `DPoP-Nonce` (RFC 9449 §8) and `OAuth-Client-Attestation-Challenge`
 * (draft-ietf-oauth-attestation-based-client-auth) to relay from an Authlete response.
 */
export function relayedHeaders(source: RelayedFields): Record<string, string> {
  const headers: Record<string, string> = {};
  if (source.dpopNonce) headers['dpop-nonce'] = source.dpopNonce;
  if (source.attestationChallenge) {
    headers['oauth-client-attestation-challenge'] = source.attestationChallenge;
  }
  return headers;
}

/** Carries the relay fields of the first Authlete call onto a follow-up call's outcome. */
export function withRelayedFields<T extends RelayedFields>(outcome: T, first: RelayedFields): T {
  if (first.dpopNonce === undefined && first.attestationChallenge === undefined) return outcome;
  return {
    ...outcome,
    dpopNonce: outcome.dpopNonce ?? first.dpopNonce,
    attestationChallenge: outcome.attestationChallenge ?? first.attestationChallenge,
  };
}
