import type { RequestBody } from '../../api/request-body';
import type { BackchannelAuthenticationResponse } from '../../../../contract';
import type { EngineContext } from '../../context/engine-context';
import { envelope, oauthErrorResponse, result } from '../../protocol/result';
import { randomToken } from '../../protocol/secrets';
import { readClientFormRequest } from '../decoupled/client-form-request';
import { requestedAcrs, requestedScopes } from '../decoupled/requested-scopes';
import { readBackchannelRequest } from './backchannel-request';
import { idTokenHintSubject } from './id-token-hint';

const SINGLE_VALUED = [
  'scope',
  'client_notification_token',
  'acr_values',
  'login_hint_token',
  'id_token_hint',
  'login_hint',
  'binding_message',
  'user_code',
  'requested_expiry',
  'client_id',
];

function badRequest(
  context: EngineContext,
  error: string,
  code: string,
  text: string,
): BackchannelAuthenticationResponse {
  return oauthErrorResponse(context.service, 'BAD_REQUEST', error, code, text);
}

/**
 * `POST /backchannel/authentication` (OpenID Connect CIBA Core 1.0 §7.1, §7.2, §13; Java
 * `BackchannelAuthenticationResponse`): authenticates the client (public clients cannot use
 * CIBA), checks its delivery mode, the `openid` scope, the single hint and the mode's parameters;
 * a valid `id_token_hint` gives `sub`. USER_IDENTIFICATION hands the service a ticket for
 * `/issue` or `/fail`.
 */
export async function authenticateBackchannel(
  context: EngineContext,
  body: RequestBody,
): Promise<BackchannelAuthenticationResponse> {
  const form = await readClientFormRequest(context, body, {
    singleValued: SINGLE_VALUED,
    endpointUrl: context.service.endpoints.backchannelAuthentication,
    apiCode: '180',
  });
  if (!form.ok) return form.response;
  const { params, authentication } = form;
  const { client } = authentication;
  const mode = client.bcDeliveryMode;
  if (
    authentication.method === 'NONE' ||
    mode === undefined ||
    !context.service.ciba.deliveryModes.has(mode) ||
    !context.service.grantTypes.has('CIBA') ||
    !client.grantTypes.has('CIBA')
  ) {
    return badRequest(
      context,
      'unauthorized_client',
      'A180302',
      'The client is not allowed to use CIBA.',
    );
  }
  const scopes = requestedScopes(context.service, client, params);
  if (!scopes.ok) {
    return badRequest(
      context,
      'invalid_scope',
      'A180303',
      `The scope '${scopes.unknown}' is not supported or not allowed for the client.`,
    );
  }
  if (!scopes.scopes.some((scope) => scope.name === 'openid')) {
    return badRequest(
      context,
      'invalid_scope',
      'A180310',
      "The 'scope' parameter must contain 'openid'.",
    );
  }
  const read = readBackchannelRequest(params, client);
  if (!read.ok) {
    return badRequest(context, read.problem.error, read.problem.code, read.problem.text);
  }
  const request = read.value;
  let sub: string | undefined;
  if (request.hint.type === 'ID_TOKEN_HINT') {
    sub = await idTokenHintSubject(context, request.hint.value, client.clientIdAlias);
    if (sub === undefined) {
      return badRequest(
        context,
        'invalid_request',
        'A180311',
        "The 'id_token_hint' is not a valid ID token of this service for the client.",
      );
    }
  }
  const userCodeRequired =
    context.service.ciba.userCodeParameterSupported && client.bcUserCodeRequired === true;
  const ticket = randomToken();
  const acrs = requestedAcrs(params);
  context.stores.backchannelTickets.add(ticket, {
    expiresAt: context.now() + context.service.durations.ticket * 1000,
    client,
    clientIdAliasUsed: authentication.clientIdAliasUsed,
    deliveryMode: mode,
    scopes: scopes.scopes.map((scope) => scope.name),
    acrs,
    clientNotificationToken: request.clientNotificationToken,
    requestedExpiry: request.requestedExpiry,
    closed: false,
  });
  const ok = result(
    'A180001',
    'The backchannel authentication request was processed successfully.',
  );
  return {
    ...envelope(ok, 'USER_IDENTIFICATION'),
    clientId: client.clientId,
    clientIdAlias: client.clientIdAlias,
    clientIdAliasUsed: authentication.clientIdAliasUsed,
    clientName: client.metadata.clientName,
    clientAuthMethod: authentication.method,
    deliveryMode: mode,
    scopes: scopes.scopes,
    clientNotificationToken: request.clientNotificationToken,
    acrs,
    hintType: request.hint.type,
    hint: request.hint.value,
    sub,
    bindingMessage: request.bindingMessage,
    userCode: request.userCode,
    userCodeRequired,
    requestedExpiry: request.requestedExpiry,
    ticket,
  };
}
