import type { RequestBody } from '../../api/request-body';
import type { TokenResponse } from '../../../../contract';
import { type GrantType, grantTypeFromWire } from '../../model/enums';
import { FormParams } from '../../protocol/form-params';
import type { EngineContext } from '../../context/engine-context';
import { authenticateClient } from '../client-auth/authenticate-client';
import { clientAuthFailureResponse } from '../client-auth/client-auth-failure';
import { cibaGrant } from '../ciba/grant-ciba';
import { deviceCodeGrant } from '../device/grant-device-code';
import { jwtBearerGrant } from '../exchange/grant-jwt-bearer';
import { tokenExchangeGrant } from '../exchange/grant-token-exchange';
import { preAuthorizedCodeGrant } from '../vci/grant-pre-authorized-code';
import { authorizationCodeGrant } from './grant-authorization-code';
import { clientCredentialsGrant } from './grant-client-credentials';
import { passwordGrant } from './grant-password';
import { refreshTokenGrant } from './grant-refresh-token';
import {
  applyTokenBinding,
  refreshBindingProblem,
  tokenRequestBinding,
  withDpopNonce,
} from './token-binding';
import type { TokenRequest } from './token-request';
import { badTokenRequest } from './token-response';

const SINGLE_VALUED = [
  'grant_type',
  'code',
  'redirect_uri',
  'code_verifier',
  'refresh_token',
  'scope',
  'username',
  'password',
  'client_id',
  'client_secret',
  'client_assertion',
  'client_assertion_type',
  'device_secret',
  'subject_token',
  'subject_token_type',
  'actor_token',
  'actor_token_type',
  'requested_token_type',
  'assertion',
  'pre-authorized_code',
  'tx_code',
  'device_code',
  'auth_req_id',
];

/**
 * `POST /auth/token` (authlete-api.md §6.1, §7): authenticates the client, then runs the grant:
 * authorization_code, refresh_token, client_credentials (OK), password (PASSWORD), token exchange
 * (TOKEN_EXCHANGE or NATIVE_SSO), JWT bearer (JWT_BEARER), the OID4VCI pre-authorized code,
 * device_code (RFC 8628 §3.4) and CIBA (CIBA Core §10.1).
 */
export async function processToken(
  context: EngineContext,
  body: RequestBody,
): Promise<TokenResponse> {
  const params = new FormParams(body.requiredString('parameters'));
  const duplicated = params.duplicated(SINGLE_VALUED);
  if (duplicated !== undefined) {
    return badTokenRequest(
      context,
      'invalid_request',
      'A051310',
      `The '${duplicated}' parameter is included more than once.`,
    );
  }
  const rawGrantType = params.get('grant_type');
  if (rawGrantType === undefined) {
    return badTokenRequest(
      context,
      'invalid_request',
      'A051308',
      "The token request does not contain the 'grant_type' parameter.",
    );
  }
  const authentication = await authenticateClient(context, {
    params,
    clientId: body.optionalString('clientId'),
    clientSecret: body.optionalString('clientSecret'),
    endpointUrl: context.service.endpoints.token,
    apiCode: '051',
  });
  if (!authentication.ok) {
    return clientAuthFailureResponse(context.service, authentication, 'INVALID_CLIENT');
  }
  const { client } = authentication;
  const grantType = grantTypeFromWire(rawGrantType);
  if (grantType === undefined || !context.service.grantTypes.has(grantType)) {
    return badTokenRequest(
      context,
      'unsupported_grant_type',
      'A051309',
      `The grant type '${rawGrantType}' is not supported.`,
    );
  }
  if (!client.grantTypes.has(grantType)) {
    return badTokenRequest(
      context,
      'unauthorized_client',
      'A051311',
      `The client is not allowed to use the grant type '${rawGrantType}'.`,
    );
  }
  const bound = await tokenRequestBinding(context, body, client);
  if (!bound.ok) return bound.response;
  if (grantType === 'REFRESH_TOKEN') {
    const certificate = body.optionalString('clientCertificate');
    const problem = refreshBindingProblem(context, params, bound.binding, certificate);
    if (problem !== undefined) return problem;
  }
  const request: TokenRequest = {
    params,
    client,
    clientAuthMethod: authentication.method,
    clientIdAliasUsed: authentication.clientIdAliasUsed,
    properties: body.properties(),
    accessToken: body.optionalString('accessToken'),
    accessTokenDuration: body.integer('accessTokenDuration'),
    refreshTokenDuration: body.integer('refreshTokenDuration'),
    jwtAtClaims: body.optionalJsonObject('jwtAtClaims'),
    binding: bound.binding,
  };
  const response = await runGrant(context, grantType, request);
  return withDpopNonce(context, body, applyTokenBinding(context, response, bound.binding, client));
}

/** Dispatches an authenticated token request to its grant handler. */
async function runGrant(
  context: EngineContext,
  grantType: GrantType,
  request: TokenRequest,
): Promise<TokenResponse> {
  switch (grantType) {
    case 'AUTHORIZATION_CODE':
      return authorizationCodeGrant(context, request);
    case 'REFRESH_TOKEN':
      return refreshTokenGrant(context, request);
    case 'CLIENT_CREDENTIALS':
      return clientCredentialsGrant(context, request);
    case 'PASSWORD':
      return passwordGrant(context, request);
    case 'TOKEN_EXCHANGE':
      return tokenExchangeGrant(context, request);
    case 'JWT_BEARER':
      return jwtBearerGrant(context, request);
    case 'PRE_AUTHORIZED_CODE':
      return preAuthorizedCodeGrant(context, request);
    case 'DEVICE_CODE':
      return deviceCodeGrant(context, request);
    case 'CIBA':
      return cibaGrant(context, request);
    case 'IMPLICIT':
      return badTokenRequest(
        context,
        'unsupported_grant_type',
        'A051309',
        "The grant type 'implicit' is not used at the token endpoint.",
      );
  }
}
