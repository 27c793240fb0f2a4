import type { RequestBody } from '../../api/request-body';
import type { BackchannelAuthenticationIssueResponse } from '../../../../contract';
import type { EngineContext } from '../../context/engine-context';
import { envelope, result } from '../../protocol/result';
import { randomToken } from '../../protocol/secrets';
import { DECOUPLED_GRACE_MS } from '../../store/records';

/**
 * `POST /backchannel/authentication/issue` (CIBA Core §7.3; Java
 * `BackchannelAuthenticationIssueResponse`): turns a ticket into an `auth_req_id` that lives for
 * `requested_expiry` or the service's `backchannelAuthReqIdDuration`, with the polling `interval`
 * for poll and ping clients. A ticket unknown, expired or already used is INVALID_TICKET.
 */
export function issueBackchannel(
  context: EngineContext,
  body: RequestBody,
): BackchannelAuthenticationIssueResponse {
  const ticket = body.optionalString('ticket');
  const record = ticket === undefined ? undefined : context.stores.backchannelTickets.get(ticket);
  if (record === undefined || record.closed || record.authReqId !== undefined) {
    return envelope(
      result('A181301', 'The ticket is invalid, has already been used or has expired.'),
      'INVALID_TICKET',
    );
  }
  const { ciba } = context.service;
  const expiresIn = record.requestedExpiry > 0 ? record.requestedExpiry : ciba.authReqIdDuration;
  const interval = record.deliveryMode === 'PUSH' ? 0 : ciba.pollingInterval;
  const authReqId = randomToken();
  const validUntil = context.now() + expiresIn * 1000;
  context.stores.backchannelRequests.add(authReqId, {
    expiresAt: validUntil + DECOUPLED_GRACE_MS,
    validUntil,
    client: record.client,
    clientIdAliasUsed: record.clientIdAliasUsed,
    deliveryMode: record.deliveryMode,
    scopes: record.scopes,
    acrs: record.acrs,
    interval,
    status: 'PENDING',
    consumed: false,
  });
  record.authReqId = authReqId;
  // The ticket now serves /complete until the request expires.
  record.expiresAt = validUntil;
  const content: Record<string, unknown> = { auth_req_id: authReqId, expires_in: expiresIn };
  if (interval > 0) content.interval = interval;
  const ok = result('A181001', 'The auth_req_id was issued successfully.');
  return {
    ...envelope(ok, 'OK'),
    responseContent: JSON.stringify(content),
    authReqId,
    expiresIn,
    interval,
  };
}
