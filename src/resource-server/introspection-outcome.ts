import type { IntrospectionAction, IntrospectionResponse } from '../authlete/types';
import { BearerError } from './bearer-error';

/** Status and error code of each refusing `/auth/introspection` action (authlete-api.md §8.1). */
export const INTROSPECTION_REFUSALS: Readonly<
  Record<Exclude<IntrospectionAction, 'OK'>, { status: number; error: string }>
> = {
  BAD_REQUEST: { status: 400, error: 'invalid_request' },
  UNAUTHORIZED: { status: 401, error: 'invalid_token' },
  FORBIDDEN: { status: 403, error: 'insufficient_scope' },
  INTERNAL_SERVER_ERROR: { status: 500, error: 'server_error' },
};

/**
 * Turns an introspection answer into the caller's identity or a {@link BearerError}: the action
 * decides the status, `responseContent` is the challenge Authlete wrote (RFC 6750 §3), re-labelled
 * `DPoP` for a DPoP-bound request (RFC 9449 §7.1) with the `DPoP-Nonce` it asked for.
 */
export function outcomeOf(
  response: IntrospectionResponse,
  scheme: 'Bearer' | 'DPoP',
): IntrospectionResponse {
  if (response.action === 'OK') return response;
  const refusal = INTROSPECTION_REFUSALS[response.action] as
    (typeof INTROSPECTION_REFUSALS)[keyof typeof INTROSPECTION_REFUSALS] | undefined;
  if (refusal === undefined) {
    throw new BearerError(500, 'server_error', `${scheme} error="server_error"`);
  }
  const content = response.responseContent ?? `Bearer error="${refusal.error}"`;
  const challenge = scheme === 'DPoP' ? content.replace(/^Bearer\b/, 'DPoP') : content;
  const nonce = (response as { dpopNonce?: string }).dpopNonce;
  throw new BearerError(
    refusal.status,
    /error="([^"]+)"/.exec(content)?.[1] ?? refusal.error,
    challenge,
    nonce === undefined ? {} : { 'dpop-nonce': nonce },
  );
}
