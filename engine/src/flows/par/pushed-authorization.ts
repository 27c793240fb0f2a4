import type { RequestBody } from '../../api/request-body';
import type { PushedAuthReqResponse } from '../../../../contract';
import { FormParams } from '../../protocol/form-params';
import { oauthErrorResponse, result, resultMessage } from '../../protocol/result';
import { randomToken } from '../../protocol/secrets';
import type { EngineContext } from '../../context/engine-context';
import { parseAuthorizationRequest } from '../authorization/parse-request';
import { applyRequestObject } from '../authorization/request-object';
import { authenticateClient } from '../client-auth/authenticate-client';
import { clientAuthFailureResponse } from '../client-auth/client-auth-failure';

/**
 * `POST /pushed_auth_req` (RFC 9126, authlete-api.md §8.8): authenticates the client, validates
 * the authorization request as /auth/authorization would (errors are BAD_REQUEST, never
 * redirects) and registers a single-use, expiring `request_uri` (CREATED, A245001).
 */
export async function pushAuthorizationRequest(
  context: EngineContext,
  body: RequestBody,
): Promise<PushedAuthReqResponse> {
  const raw = body.requiredString('parameters');
  const params = new FormParams(raw);
  const authentication = await authenticateClient(context, {
    params,
    clientId: body.optionalString('clientId'),
    clientSecret: body.optionalString('clientSecret'),
    endpointUrl: context.service.endpoints.pushedAuthReq,
    apiCode: '245',
  });
  if (!authentication.ok) {
    return clientAuthFailureResponse(context.service, authentication, 'UNAUTHORIZED');
  }
  if (params.has('request_uri')) {
    return oauthErrorResponse(
      context.service,
      'BAD_REQUEST',
      'invalid_request',
      'A245310',
      "A pushed authorization request must not contain 'request_uri'.",
    );
  }
  const { client } = authentication;
  const applied = await applyRequestObject(context, params);
  if (!applied.ok) {
    const { error: oauthError, result: value } = applied.problem;
    return oauthErrorResponse(context.service, 'BAD_REQUEST', oauthError, value.code, value.text);
  }
  const parsed = parseAuthorizationRequest(context, applied.resolved.params, client);
  if (!parsed.ok) {
    return oauthErrorResponse(
      context.service,
      'BAD_REQUEST',
      parsed.problem.error,
      parsed.problem.result.code,
      parsed.problem.result.text,
    );
  }
  const duration = context.service.durations.pushedAuthReq;
  const requestUri = `urn:ietf:params:oauth:request_uri:${randomToken()}`;
  context.stores.requestUris.add(requestUri, {
    expiresAt: context.now() + duration * 1000,
    clientId: client.clientId,
    parameters: raw,
  });
  const created = result(
    'A245001',
    'The pushed authorization request has been registered successfully.',
  );
  return {
    // The envelope as named members, not a spread: see envelope() in protocol/result.ts.
    resultCode: created.code,
    resultMessage: resultMessage(created),
    action: 'CREATED',
    responseContent: JSON.stringify({ expires_in: duration, request_uri: requestUri }),
    requestUri,
    clientAuthMethod: authentication.method,
  };
}
