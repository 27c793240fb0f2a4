import type { RequestBody } from '../../api/request-body';
import type { AuthleteEnvelope } from '../../../../contract';
import type { EngineContext } from '../../context/engine-context';
import { FormParams } from '../../protocol/form-params';
import { oauthErrorResponse } from '../../protocol/result';
import { authenticateClient, type ClientAuthOutcome } from '../client-auth/authenticate-client';
import { clientAuthFailureResponse } from '../client-auth/client-auth-failure';

/** Where a client's form request was sent, for its checks and result codes. */
export interface FormRequestTarget {
  /** Parameters that may appear once only (RFC 6749 §3.1, §3.2). */
  singleValued: readonly string[];
  /** The endpoint URL, accepted as a client assertion audience. */
  endpointUrl: string;
  /** Three-digit prefix of the API's result codes. */
  apiCode: string;
}

/** The parsed form and the authenticated client, or the error response. */
export type ClientFormRequest =
  | { ok: true; params: FormParams; authentication: Extract<ClientAuthOutcome, { ok: true }> }
  | { ok: false; response: AuthleteEnvelope<'BAD_REQUEST' | 'UNAUTHORIZED'> };

/**
 * The start of the device authorization (RFC 8628 §3.1) and backchannel authentication (CIBA
 * Core §7.1) APIs: the raw form body, no repeated parameter (`invalid_request`), and client
 * authentication as at the token endpoint (UNAUTHORIZED with `invalid_client`).
 */
export async function readClientFormRequest(
  context: EngineContext,
  body: RequestBody,
  target: FormRequestTarget,
): Promise<ClientFormRequest> {
  const params = new FormParams(body.requiredString('parameters'));
  const duplicated = params.duplicated(target.singleValued);
  if (duplicated !== undefined) {
    const text = `The '${duplicated}' parameter is included more than once.`;
    const response = oauthErrorResponse(
      context.service,
      'BAD_REQUEST',
      'invalid_request',
      `A${target.apiCode}301`,
      text,
    );
    return { ok: false, response };
  }
  const authentication = await authenticateClient(context, {
    params,
    clientId: body.optionalString('clientId'),
    clientSecret: body.optionalString('clientSecret'),
    endpointUrl: target.endpointUrl,
    apiCode: target.apiCode,
  });
  if (!authentication.ok) {
    return {
      ok: false,
      response: clientAuthFailureResponse(context.service, authentication, 'UNAUTHORIZED'),
    };
  }
  return { ok: true, params, authentication };
}
