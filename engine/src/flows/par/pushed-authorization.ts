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
import { checkDpopProof, dpopNonceRequired } from '../tokens/dpop-check';

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
  const bound = await dpopKeyOf(context, body, parsed.request.dpopJkt);
  if (typeof bound !== 'string' && bound !== undefined) return bound;
  const duration = context.service.durations.pushedAuthReq;
  const requestUri = `urn:ietf:params:oauth:request_uri:${randomToken()}`;
  context.stores.requestUris.add(requestUri, {
    expiresAt: context.now() + duration * 1000,
    clientId: client.clientId,
    // A proof's key binds the code as `dpop_jkt` would (RFC 9449 §10.1).
    parameters:
      bound === undefined || parsed.request.dpopJkt !== undefined
        ? raw
        : `${raw}&dpop_jkt=${bound}`,
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

/**
 * The DPoP key a pushed request is made with (RFC 9449 §10.1): undefined without a proof, the
 * key's thumbprint with a valid one (which must be the `dpop_jkt` key, when both are given), or
 * the BAD_REQUEST answer.
 */
async function dpopKeyOf(
  context: EngineContext,
  body: RequestBody,
  dpopJkt: string | undefined,
): Promise<string | PushedAuthReqResponse | undefined> {
  const proof = body.optionalString('dpop');
  if (proof === undefined) return undefined;
  const check = await checkDpopProof(context, proof, {
    htm: body.optionalString('htm') ?? 'POST',
    htu: body.optionalString('htu') ?? context.service.endpoints.pushedAuthReq,
    nonceRequired: dpopNonceRequired(context, body),
  });
  if (!check.ok) {
    const error = check.useNonce ? 'use_dpop_nonce' : 'invalid_dpop_proof';
    const refusal = oauthErrorResponse(
      context.service,
      'BAD_REQUEST',
      error,
      check.useNonce ? 'A245376' : 'A245372',
      check.description,
    );
    return check.nonce === undefined ? refusal : { ...refusal, dpopNonce: check.nonce };
  }
  if (dpopJkt !== undefined && dpopJkt !== check.jkt) {
    return oauthErrorResponse(
      context.service,
      'BAD_REQUEST',
      'invalid_dpop_proof',
      'A245373',
      "The DPoP proof was not made with the key named by 'dpop_jkt'.",
    );
  }
  return check.jkt;
}
