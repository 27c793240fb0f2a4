import type { TokenResponse } from '../../../../contract';
import { type TokenType, tokenTypeFromUri } from '../../model/token-types';
import { spaceList } from '../../protocol/form-params';
import { result, resultMessage } from '../../protocol/result';
import type { EngineContext } from '../../context/engine-context';
import type { TokenRequest } from '../token/token-request';
import { badTokenRequest } from '../token/token-response';
import { checkExchangeToken } from './exchange-token-check';
import { nativeSsoExchange } from './native-sso-exchange';

/** Whether a `resource` value is an absolute URI without a fragment (RFC 8707 §2). */
function validResource(value: string): boolean {
  return URL.canParse(value) && !value.includes('#');
}

/** Reads a token-type parameter; undefined when absent, 'invalid' when not a registered URI. */
function readType(value: string | undefined): TokenType | 'invalid' | undefined {
  if (value === undefined) return undefined;
  return tokenTypeFromUri(value) ?? 'invalid';
}

/**
 * The token-exchange grant (RFC 8693 §2.1; authlete-api.md §7.4). Checks what Authlete checks
 * (parameters, token types, the client policy flags, each token by its type) and answers
 * TOKEN_EXCHANGE without responseContent: the service decides and mints through
 * `/auth/token/create`. With Native SSO on and a device-secret actor token it answers NATIVE_SSO.
 */
export async function tokenExchangeGrant(
  context: EngineContext,
  request: TokenRequest,
): Promise<TokenResponse> {
  const { params, client } = request;
  const settings = context.service.tokenExchange;
  const bad = (error: string, code: string, text: string) =>
    badTokenRequest(context, error, code, text);
  if (settings.byConfidentialClientsOnly && client.clientType === 'PUBLIC') {
    return bad('unauthorized_client', 'A327311', 'Public clients may not exchange tokens.');
  }
  if (settings.byPermittedClientsOnly && !client.tokenExchangePermitted) {
    return bad('unauthorized_client', 'A327312', 'The client is not permitted to exchange tokens.');
  }
  const subjectToken = params.get('subject_token');
  const subjectType = readType(params.get('subject_token_type'));
  if (subjectToken === undefined || subjectType === undefined) {
    return bad(
      'invalid_request',
      'A327301',
      "The token request needs both 'subject_token' and 'subject_token_type'.",
    );
  }
  const actorToken = params.get('actor_token');
  const actorType = readType(params.get('actor_token_type'));
  if ((actorToken === undefined) !== (actorType === undefined)) {
    return bad(
      'invalid_request',
      'A327302',
      "'actor_token_type' must be present exactly when 'actor_token' is.",
    );
  }
  const requestedType = readType(params.get('requested_token_type'));
  if (subjectType === 'invalid' || actorType === 'invalid' || requestedType === 'invalid') {
    return bad('invalid_request', 'A327303', 'A token type is not a registered token type URI.');
  }
  const resources = params.getAll('resource');
  if (!resources.every(validResource)) {
    return bad(
      'invalid_target',
      'A327304',
      "A 'resource' is not an absolute URI without fragment.",
    );
  }
  const scopes = spaceList(params.get('scope'));
  const unknown = scopes.filter((scope) => !context.service.scopes.has(scope));
  if (unknown.length > 0) {
    return bad('invalid_scope', 'A327305', `The scope '${unknown.join(' ')}' is not supported.`);
  }
  const subject = await checkExchangeToken(context, subjectToken, subjectType, 'subject');
  if (!subject.ok) return bad('invalid_request', 'A327306', subject.text);
  const actor =
    actorToken === undefined || actorType === undefined
      ? undefined
      : await checkExchangeToken(context, actorToken, actorType, 'actor');
  if (actor !== undefined && !actor.ok) return bad('invalid_request', 'A327307', actor.text);
  if (context.service.nativeSsoSupported && actorType === 'DEVICE_SECRET') {
    return nativeSsoExchange(context, request, {
      subjectType,
      idToken: subject.claims,
      deviceSecret: actorToken ?? '',
      scopes,
      resources,
    });
  }
  const value = result('A327001', 'The token exchange request is valid; the service decides.');
  return {
    // The envelope as named members, not a spread: see envelope() in protocol/result.ts.
    resultCode: value.code,
    resultMessage: resultMessage(value),
    action: 'TOKEN_EXCHANGE',
    grantType: 'TOKEN_EXCHANGE',
    clientId: client.clientId,
    clientIdAlias: client.clientIdAlias,
    clientIdAliasUsed: request.clientIdAliasUsed,
    clientAuthMethod: request.clientAuthMethod,
    scopes: scopes.length > 0 ? scopes : undefined,
    resources: resources.length > 0 ? resources : undefined,
    audiences: params.getAll('audience').length > 0 ? params.getAll('audience') : undefined,
    requestedTokenType: requestedType,
    subjectToken,
    subjectTokenType: subjectType,
    subjectTokenInfo: subject.info,
    actorToken,
    actorTokenType: actorType,
    actorTokenInfo: actor?.ok === true ? actor.info : undefined,
    accessTokenDuration: 0,
    accessTokenExpiresAt: 0,
    refreshTokenDuration: 0,
    refreshTokenExpiresAt: 0,
  };
}
