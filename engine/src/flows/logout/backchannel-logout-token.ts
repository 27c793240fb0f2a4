import type { JWTPayload } from 'jose';
import type { BackchannelLogoutTokenResponse } from '../../../../contract';
import type { RequestBody } from '../../api/request-body';
import { envelope, result } from '../../protocol/result';
import { randomToken } from '../../protocol/secrets';
import { nowSeconds, type EngineContext } from '../../context/engine-context';

/** The event member of a logout token (OpenID Connect Back-Channel Logout 1.0 §2.4). */
export const BACKCHANNEL_LOGOUT_EVENT = 'http://schemas.openid.net/event/backchannel-logout';

/** How long a logout token is valid, in seconds (§2.4 recommends "at most two minutes"). */
const LOGOUT_TOKEN_LIFETIME = 120;

const PATH = '/backchannel/logout/token';

function callerError(code: string, text: string): BackchannelLogoutTokenResponse {
  return envelope(result(code, text), 'CALLER_ERROR');
}

/**
 * `POST /backchannel/logout/token` (authlete-java-common `BackchannelLogoutTokenRequest` /
 * `BackchannelLogoutTokenResponse`, Authlete 3.0.32): a signed logout token for one client with
 * iss, sub and/or sid, aud, iat, exp, jti and the back-channel logout event, never a nonce
 * (§2.4), typed `logout+jwt`. Actions: OK (with `logoutToken` and the client's
 * `backchannelLogoutUri`, which may be absent), CALLER_ERROR, SERVER_ERROR.
 */
export async function backchannelLogoutToken(
  context: EngineContext,
  body: RequestBody,
): Promise<BackchannelLogoutTokenResponse> {
  const identifier = body.optionalString('clientIdentifier');
  if (identifier === undefined) {
    return callerError(
      'A274201',
      `The request to ${PATH} does not contain the required 'clientIdentifier' parameter.`,
    );
  }
  const subject = body.optionalString('subject');
  const sessionId = body.optionalString('sessionId');
  if (subject === undefined && sessionId === undefined) {
    return callerError('A274202', `The request to ${PATH} must contain 'subject' or 'sessionId'.`);
  }
  const client = context.clients.find(identifier);
  if (client === undefined) {
    return callerError('A274203', `The client (ID = ${identifier}) does not exist.`);
  }
  const issuedAt = nowSeconds(context);
  const payload: JWTPayload = {
    iss: context.service.issuer,
    aud: client.clientIdAlias,
    iat: issuedAt,
    exp: issuedAt + LOGOUT_TOKEN_LIFETIME,
    jti: randomToken(),
    events: { [BACKCHANNEL_LOGOUT_EVENT]: {} },
  };
  if (subject !== undefined) payload.sub = subject;
  if (sessionId !== undefined) payload.sid = sessionId;
  const logoutToken = await context.signer.sign(payload, client.idTokenSignAlg, 'logout+jwt');
  return {
    ...envelope(result('A274001', 'A logout token has been generated.'), 'OK'),
    logoutToken,
    backchannelLogoutUri: client.backchannelLogoutUri,
  };
}
