import type { AuthleteGrantType, ClientAuthMethod } from '../../model/enums';
import type { AuthleteEnvelope, TokenResponse } from '../../../../contract';
import { oauthErrorResponse, type Result, resultMessage } from '../../protocol/result';
import type { EngineContext } from '../../context/engine-context';
import type { RefreshTokenRecord } from '../../store/records';
import type { MintedAccessToken } from '../tokens/mint-tokens';

/** Tokens produced by one successful token request. */
export interface IssuedTokens {
  access: MintedAccessToken;
  refresh?: RefreshTokenRecord;
  idToken?: string;
  clientAuthMethod?: ClientAuthMethod;
  /** The grant of this request when it differs from the grant's origin (refresh_token). */
  grantType?: AuthleteGrantType;
}

/**
 * The RFC 6749 §5.1 body with Authlete's member order: access_token, refresh_token, scope (null
 * when empty), token_type, expires_in, id_token, then the non-hidden properties (authlete-api.md §11.3).
 */
export function tokenResponseContent(issued: IssuedTokens): string {
  const { access } = issued;
  const body: Record<string, unknown> = { access_token: access.record.value };
  if (issued.refresh !== undefined) body.refresh_token = issued.refresh.value;
  body.scope = access.record.scopes.length > 0 ? access.record.scopes.join(' ') : null;
  body.token_type = 'Bearer';
  body.expires_in = access.duration;
  if (issued.idToken !== undefined) body.id_token = issued.idToken;
  const { grantId } = access.record.context;
  if (grantId !== undefined) body.grant_id = grantId;
  const { authorizationDetails } = access.record.context;
  if (authorizationDetails !== undefined) body.authorization_details = authorizationDetails;
  for (const property of access.record.context.properties) {
    if (!property.hidden && !(property.key in body)) body[property.key] = property.value;
  }
  return JSON.stringify(body);
}

/** The `/auth/token` OK response (authlete-api.md §6.1): envelope, responseContent and token fields. */
export function tokenOkResponse(
  value: Result,
  issued: IssuedTokens,
): TokenResponse & { action: 'OK' } {
  const { access, refresh } = issued;
  const subject = access.record.context;
  const { client } = subject;
  const refreshDuration =
    refresh === undefined ? 0 : Math.round((refresh.expiresAt - refresh.issuedAt) / 1000);
  return {
    // The envelope as named members, not a spread: see envelope() in protocol/result.ts.
    resultCode: value.code,
    resultMessage: resultMessage(value),
    action: 'OK',
    responseContent: tokenResponseContent(issued),
    accessToken: access.opaque,
    accessTokenExpiresAt: access.record.expiresAt,
    accessTokenDuration: access.duration,
    refreshToken: refresh?.value,
    refreshTokenExpiresAt: refresh?.expiresAt ?? 0,
    refreshTokenDuration: refreshDuration,
    idToken: issued.idToken,
    jwtAccessToken: access.jwt,
    grantType: issued.grantType ?? subject.grantType,
    clientId: client.clientId,
    clientIdAlias: client.clientIdAlias,
    clientIdAliasUsed: subject.clientIdAliasUsed,
    subject: subject.subject,
    scopes: access.record.scopes.length > 0 ? access.record.scopes : undefined,
    refreshTokenScopes:
      refresh !== undefined && refresh.scopes.length > 0 ? refresh.scopes : undefined,
    properties: subject.properties.length > 0 ? subject.properties : undefined,
    clientAuthMethod: issued.clientAuthMethod,
    resources: subject.resources,
    authTime: subject.authTime > 0 ? subject.authTime : undefined,
    acr: subject.acr,
    sessionId: subject.sessionId,
    grantId: subject.grantId,
    authorizationDetails:
      subject.authorizationDetails === undefined
        ? undefined
        : { elements: subject.authorizationDetails },
  };
}

/** A token error (BAD_REQUEST or INVALID_CLIENT) with an RFC 6749 §5.2 body. */
export function tokenErrorResponse<
  A extends 'BAD_REQUEST' | 'INVALID_CLIENT' | 'INTERNAL_SERVER_ERROR',
>(
  context: EngineContext,
  action: A,
  error: string,
  code: string,
  text: string,
): AuthleteEnvelope<A> {
  return oauthErrorResponse(context.service, action, error, code, text);
}

/** Shorthand for BAD_REQUEST. */
export function badTokenRequest(
  context: EngineContext,
  error: string,
  code: string,
  text: string,
): AuthleteEnvelope<'BAD_REQUEST'> {
  return tokenErrorResponse(context, 'BAD_REQUEST', error, code, text);
}
