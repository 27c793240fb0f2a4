import type { RequestBody } from '../../api/request-body';
import type { BackchannelAuthenticationCompleteResponse } from '../../../../contract';
import type { EngineContext } from '../../context/engine-context';
import { envelope, result } from '../../protocol/result';
import type { BackchannelRequestRecord } from '../../store/records';
import { applyDecision, readDecision } from '../decoupled/decoupled-decision';
import { mintDecoupledTokens } from '../decoupled/poll-decoupled';

const PUSH_ERRORS = { ACCESS_DENIED: 'access_denied', TRANSACTION_FAILED: 'transaction_failed' };

/** CIBA Core §10.3.1 push body with the tokens, or §12 push error body. */
async function pushContent(
  context: EngineContext,
  authReqId: string,
  record: BackchannelRequestRecord,
  body: RequestBody,
): Promise<{
  content: Record<string, unknown>;
  tokens?: Partial<BackchannelAuthenticationCompleteResponse>;
}> {
  if (record.status !== 'AUTHORIZED' || record.context === undefined) {
    const error =
      record.status === 'ACCESS_DENIED'
        ? PUSH_ERRORS.ACCESS_DENIED
        : PUSH_ERRORS.TRANSACTION_FAILED;
    const content: Record<string, unknown> = { error, auth_req_id: authReqId };
    const description = body.optionalString('errorDescription');
    if (description !== undefined) content.error_description = description;
    return { content };
  }
  record.consumed = true;
  const scopes = record.grantedScopes ?? record.scopes;
  const overrides = {
    accessToken: body.optionalString('accessToken'),
    accessTokenDuration: record.accessTokenDuration ?? 0,
    refreshTokenDuration: record.refreshTokenDuration ?? 0,
    jwtAtClaims: record.jwtAtClaims,
  };
  const issued = await mintDecoupledTokens(
    context,
    record.context,
    scopes,
    record,
    overrides,
    authReqId,
  );
  const content: Record<string, unknown> = {
    auth_req_id: authReqId,
    access_token: issued.access.record.value,
    token_type: 'Bearer',
    refresh_token: issued.refresh?.value,
    expires_in: issued.access.duration,
    id_token: issued.idToken,
  };
  return {
    content,
    tokens: {
      accessToken: issued.access.opaque,
      refreshToken: issued.refresh?.value,
      idToken: issued.idToken,
      accessTokenDuration: issued.access.duration,
      refreshTokenDuration:
        issued.refresh === undefined
          ? 0
          : Math.round((issued.refresh.expiresAt - issued.refresh.issuedAt) / 1000),
      idTokenDuration: record.client.idTokenDuration,
      jwtAccessToken: issued.access.jwt,
    },
  };
}

/**
 * `POST /backchannel/authentication/complete` (CIBA Core §10; Java
 * `BackchannelAuthenticationCompleteResponse`): records the user's decision on the ticket's
 * request. Poll mode: NO_ACTION (the client polls). Ping: NOTIFICATION with `{"auth_req_id"}`.
 * Push: NOTIFICATION with the tokens (§10.3.1) or the error (§12). The service sends the
 * notification to `clientNotificationEndpoint` with `clientNotificationToken` as Bearer token.
 * A ticket unknown, not issued, already completed or expired is SERVER_ERROR.
 */
export async function completeBackchannel(
  context: EngineContext,
  body: RequestBody,
): Promise<BackchannelAuthenticationCompleteResponse> {
  const ticket = body.optionalString('ticket');
  const decision = readDecision(body);
  const record = ticket === undefined ? undefined : context.stores.backchannelTickets.get(ticket);
  const authReqId = record?.authReqId;
  const request =
    authReqId === undefined ? undefined : context.stores.backchannelRequests.get(authReqId);
  if (
    !decision.ok ||
    record === undefined ||
    record.closed ||
    authReqId === undefined ||
    request === undefined ||
    request.status !== 'PENDING'
  ) {
    const text = decision.ok
      ? 'The ticket is invalid, has already been used or has expired.'
      : decision.text;
    return envelope(result('A183301', text), 'SERVER_ERROR');
  }
  if (request.validUntil <= context.now()) {
    return envelope(result('A183302', 'The auth_req_id has expired.'), 'SERVER_ERROR');
  }
  record.closed = true;
  applyDecision(request, body, decision.status, 'CIBA');
  const { client } = request;
  const base = {
    clientId: client.clientId,
    clientIdAlias: client.clientIdAlias,
    clientIdAliasUsed: request.clientIdAliasUsed,
    clientName: client.metadata.clientName,
    deliveryMode: request.deliveryMode,
    authReqId,
  };
  if (request.deliveryMode === 'POLL') {
    return {
      ...envelope(result('A183001', 'The decision was recorded; the client polls.'), 'NO_ACTION'),
      ...base,
    };
  }
  const notification = {
    clientNotificationEndpoint: client.bcNotificationEndpoint,
    clientNotificationToken: record.clientNotificationToken,
  };
  if (request.deliveryMode === 'PING') {
    return {
      ...envelope(
        result('A183002', 'The decision was recorded; notify the client (ping).'),
        'NOTIFICATION',
      ),
      ...base,
      ...notification,
      responseContent: JSON.stringify({ auth_req_id: authReqId }),
    };
  }
  const pushed = await pushContent(context, authReqId, request, body);
  return {
    ...envelope(
      result('A183003', 'The decision was recorded; notify the client (push).'),
      'NOTIFICATION',
    ),
    ...base,
    ...notification,
    ...pushed.tokens,
    responseContent: JSON.stringify(pushed.content),
  };
}
