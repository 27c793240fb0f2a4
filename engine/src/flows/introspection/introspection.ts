import type { RequestBody } from '../../api/request-body';
import type { AuthleteEnvelope, IntrospectionResponse } from '../../../../contract';
import { bearerChallenge, result, type Result, resultMessage } from '../../protocol/result';
import type { EngineContext } from '../../context/engine-context';
import type { AccessTokenRecord } from '../../store/records';
import { checkAccessToken } from './access-token-check';
import { bindingRefusal, freshDpopNonce, tokenBindingFailure } from './token-binding-check';

type Action = 'OK' | 'BAD_REQUEST' | 'UNAUTHORIZED' | 'FORBIDDEN';

/** The token members of an introspection answer. */
type IntrospectionFields = Omit<IntrospectionResponse, keyof AuthleteEnvelope<Action>>;

function tokenFields(
  context: EngineContext,
  record: AccessTokenRecord,
  usable: boolean,
): IntrospectionFields {
  const subject = record.context;
  const refresh =
    record.refreshToken === undefined
      ? undefined
      : context.stores.refreshTokens.get(record.refreshToken);
  return {
    clientId: subject.client.clientId,
    clientIdAlias: subject.client.clientIdAlias,
    clientIdAliasUsed: subject.clientIdAliasUsed,
    subject: subject.subject,
    scopes: record.scopes.length > 0 ? record.scopes : undefined,
    existent: true,
    usable,
    refreshable: refresh !== undefined && !refresh.rotated,
    expiresAt: record.expiresAt,
    properties: subject.properties.length > 0 ? subject.properties : undefined,
    grantType: subject.grantType,
    authTime: subject.authTime,
    acr: subject.acr,
    resources: subject.resources,
    accessTokenResources: subject.resources,
    consentedClaims: subject.consentedClaims,
    authorizationDetails:
      subject.authorizationDetails === undefined
        ? undefined
        : { elements: subject.authorizationDetails },
    certificateThumbprint: record.binding?.x5tS256,
  };
}

function answer(
  context: EngineContext,
  action: Action,
  error: string,
  value: Result,
  scope: string | undefined,
  fields: IntrospectionFields,
): IntrospectionResponse {
  return {
    // The envelope as named members, not a spread: see envelope() in protocol/result.ts.
    resultCode: value.code,
    resultMessage: resultMessage(value),
    action: action,
    responseContent: bearerChallenge(context.service, error, value, scope),
    ...fields,
  };
}

/**
 * `POST /auth/introspection` (authlete-api.md §8.1): validates an access token for a protected
 * resource against required scopes and subject. OK / BAD_REQUEST (no token) / UNAUTHORIZED
 * (non-existent or expired) / FORBIDDEN (insufficient scope, other subject), each with an
 * RFC 6750 challenge as responseContent (OK: the constant `Bearer error="invalid_request"`).
 * A sender-constrained token also needs its DPoP proof or client certificate (RFC 9449 §7,
 * RFC 8705 §3), else UNAUTHORIZED with a `DPoP` (or `Bearer`) challenge.
 */
export async function introspect(
  context: EngineContext,
  body: RequestBody,
): Promise<IntrospectionResponse> {
  const token = body.optionalString('token');
  const required = body.optionalStringArray('scopes') ?? [];
  const scope = required.length > 0 ? required.join(' ') : undefined;
  const requiredSubject = body.optionalString('subject');
  if (token === undefined) {
    const value = result('A056301', 'The request does not contain an access token.');
    return answer(context, 'BAD_REQUEST', 'invalid_request', value, scope, {
      existent: false,
      usable: false,
      sufficient: false,
      refreshable: false,
      expiresAt: 0,
    });
  }
  const check = checkAccessToken(context, token, '056');
  if (check.state === 'missing') {
    return answer(context, 'UNAUTHORIZED', 'invalid_token', check.result, scope, {
      existent: false,
      usable: false,
      sufficient: false,
      refreshable: false,
      expiresAt: 0,
    });
  }
  if (check.state === 'expired') {
    return answer(context, 'UNAUTHORIZED', 'invalid_token', check.result, scope, {
      ...tokenFields(context, check.record, false),
      sufficient: false,
    });
  }
  const { record } = check;
  const unbound = await tokenBindingFailure(context, body, token, record, '056');
  if (unbound !== undefined) {
    // A rare refusal, so the envelope may be spread here (the hot OK path names its members).
    return {
      ...bindingRefusal(unbound),
      ...tokenFields(context, record, false),
      sufficient: false,
    };
  }
  const missing = required.filter((name) => !record.scopes.includes(name));
  if (missing.length > 0) {
    const value = result(
      'A064302',
      `The access token does not cover the required scope '${missing.join(' ')}'.`,
    );
    return answer(context, 'FORBIDDEN', 'insufficient_scope', value, scope, {
      ...tokenFields(context, record, true),
      sufficient: false,
    });
  }
  if (requiredSubject !== undefined && requiredSubject !== record.context.subject) {
    const value = result('A064303', 'The access token was issued for a different subject.');
    return answer(context, 'FORBIDDEN', 'invalid_token', value, scope, {
      ...tokenFields(context, record, true),
      sufficient: true,
    });
  }
  const ok = result('A056001', 'The access token is valid.');
  return {
    // The envelope as named members, not a spread: see envelope() in protocol/result.ts.
    resultCode: ok.code,
    resultMessage: resultMessage(ok),
    action: 'OK',
    responseContent: 'Bearer error="invalid_request"',
    ...tokenFields(context, record, true),
    sufficient: true,
    dpopNonce: freshDpopNonce(context, body, record),
  };
}
