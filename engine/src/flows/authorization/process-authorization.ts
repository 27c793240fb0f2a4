import type { RequestBody } from '../../api/request-body';
import type { AuthleteEnvelope, AuthorizationResponse } from '../../../../contract';
import type { AuthorizationRequest } from '../../model/authorization-request';
import type { Client } from '../../model/client';
import { FormParams } from '../../protocol/form-params';
import { result, resultMessage } from '../../protocol/result';
import { randomToken } from '../../protocol/secrets';
import type { EngineContext } from '../../context/engine-context';
import { clientView, serviceView } from '../../views/client-view';
import { grantDto } from '../../model/managed-grant';
import { offerInfo } from '../vci/offer-info';
import { problem } from './authorization-problem';
import { parseAuthorizationRequest } from './parse-request';
import { problemResponse } from './problem-response';
import { applyRequestObject } from './request-object';

const PAR_URN_PREFIX = 'urn:ietf:params:oauth:request_uri:';

function nonEmpty<T>(values: T[] | undefined): T[] | undefined {
  return values !== undefined && values.length > 0 ? values : undefined;
}

/** The INTERACTION / NO_INTERACTION body (authlete-api.md §4.1): nulls omitted, primitives kept. */
function interactionResponse(
  context: EngineContext,
  request: AuthorizationRequest,
  ticket: string,
): AuthorizationResponse {
  const { service } = context;
  const { client } = request;
  const openid = request.scopes.some((scope) => scope.name === 'openid');
  const wireType = request.responseType.toLowerCase().replace('_id_token', ' id_token');
  const outcome = result(
    'A004001',
    `Authlete has successfully issued a ticket to the service (API Key = ${service.apiKey}) for the authorization request from the client (ID = ${client.clientId}). [response_type=${wireType}, openid=${openid}]`,
  );
  const action = request.prompts.includes('NONE') ? 'NO_INTERACTION' : 'INTERACTION';
  const offer =
    request.credentialOfferId === undefined
      ? undefined
      : context.stores.vci.offers.get(request.credentialOfferId);
  return {
    // The envelope as named members, not a spread: see envelope() in protocol/result.ts.
    resultCode: outcome.code,
    resultMessage: resultMessage(outcome),
    action: action,
    ticket,
    client: clientView(client),
    clientIdAliasUsed: request.clientIdAliasUsed,
    service: serviceView(service),
    display: request.display,
    maxAge: request.maxAge,
    scopes: nonEmpty(request.scopes),
    uiLocales: request.uiLocales,
    claimsLocales: request.claimsLocales,
    claims: nonEmpty(request.idTokenClaimNames),
    claimsAtUserInfo: nonEmpty(request.userInfoClaimNames),
    acrs: request.acrs,
    acrEssential: request.acrEssential,
    subject: request.subject,
    loginHint: request.loginHint,
    prompts: nonEmpty(request.prompts),
    idTokenClaims: request.idTokenClaims,
    userInfoClaims: request.userInfoClaims,
    resources: request.resources,
    authorizationDetails:
      request.authorizationDetails === undefined
        ? undefined
        : { elements: request.authorizationDetails },
    credentialOfferInfo: offer === undefined ? undefined : offerInfo(context, offer),
    requestObjectPayload: request.requestObjectPayload,
    gmAction: request.gmAction,
    grantId: request.grantId,
    grant: request.grant === undefined ? undefined : grantDto(request.grant),
    grantSubject: request.grant?.subject,
  };
}

/** Replaces `request_uri` by the parameters pushed with PAR (RFC 9126 §4): single-use, expiring. */
function resolvePushedRequest(
  context: EngineContext,
  params: FormParams,
  requestUri: string,
):
  | { ok: true; params: FormParams; client: Client }
  | { ok: false; response: AuthleteEnvelope<'BAD_REQUEST' | 'LOCATION' | 'FORM'> } {
  const pushed = requestUri.startsWith(PAR_URN_PREFIX)
    ? context.stores.requestUris.take(requestUri)
    : undefined;
  const client = pushed === undefined ? undefined : context.clients.findByNumber(pushed.clientId);
  if (pushed === undefined || client === undefined) {
    const response = problemResponse(
      context,
      problem(
        'A008303',
        'invalid_request_uri',
        `The request URI '${requestUri}' is not registered, already used or expired.`,
      ),
    );
    return { ok: false, response };
  }
  const frontClientId = params.get('client_id');
  if (frontClientId !== undefined && context.clients.find(frontClientId) !== client) {
    const response = problemResponse(
      context,
      problem('A008304', 'invalid_request', 'The request URI was issued to a different client.'),
    );
    return { ok: false, response };
  }
  return { ok: true, params: new FormParams(pushed.parameters), client };
}

/**
 * `POST /auth/authorization` (authlete-api.md §4.1): validates the raw authorization request and
 * issues a ticket (INTERACTION, or NO_INTERACTION for prompt=none), or reports the error as
 * BAD_REQUEST / LOCATION / FORM.
 */
export async function processAuthorization(
  context: EngineContext,
  body: RequestBody,
): Promise<AuthorizationResponse> {
  let params = new FormParams(body.requiredString('parameters'));
  let authenticated: Client | undefined;
  const requestUri = params.get('request_uri');
  if (requestUri !== undefined) {
    const resolved = resolvePushedRequest(context, params, requestUri);
    if (!resolved.ok) return resolved.response;
    params = resolved.params;
    authenticated = resolved.client;
  }
  const applied = await applyRequestObject(context, params);
  if (!applied.ok) return problemResponse(context, applied.problem);
  const parsed = parseAuthorizationRequest(context, applied.resolved.params, authenticated);
  if (!parsed.ok) return problemResponse(context, parsed.problem);
  parsed.request.requestObjectPayload = applied.resolved.payload;
  const ticket = randomToken();
  context.stores.tickets.add(ticket, {
    expiresAt: context.now() + context.service.durations.ticket * 1000,
    request: parsed.request,
    context: body.optionalString('context'),
  });
  return interactionResponse(context, parsed.request, ticket);
}
