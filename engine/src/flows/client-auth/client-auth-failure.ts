import type { Service } from '../../model/service';
import type { AuthleteEnvelope } from '../../../../contract';
import { oauthErrorResponse } from '../../protocol/result';
import type { ClientAuthOutcome } from './authenticate-client';

/**
 * The envelope of a failed client authentication (RFC 6749 §5.2): `invalid_client` gets the API's
 * own action (INVALID_CLIENT at token and revocation, UNAUTHORIZED at PAR, authlete-api.md §6.1,
 * §8.3, §8.5), any other error BAD_REQUEST.
 */
export function clientAuthFailureResponse<A extends 'INVALID_CLIENT' | 'UNAUTHORIZED'>(
  service: Service,
  failure: Extract<ClientAuthOutcome, { ok: false }>,
  invalidClientAction: A,
): AuthleteEnvelope<A | 'BAD_REQUEST'> {
  const action: A | 'BAD_REQUEST' =
    failure.error === 'invalid_client' ? invalidClientAction : 'BAD_REQUEST';
  return oauthErrorResponse(
    service,
    action,
    failure.error,
    failure.result.code,
    failure.result.text,
  );
}
