import type { TokenResponse } from '../../../../contract';
import type { EngineContext } from '../../context/engine-context';
import { result } from '../../protocol/result';
import type { DecoupledRecord } from '../../store/records';
import { buildIdToken } from '../tokens/id-token';
import { mintAccessToken, mintRefreshToken, refreshTokenAllowed } from '../tokens/mint-tokens';
import type { TokenRequest } from '../token/token-request';
import { badTokenRequest, type IssuedTokens, tokenOkResponse } from '../token/token-response';

/** How a polled grant is named in result codes and messages. */
export interface PollLabels {
  /** The parameter name (`device_code`, `auth_req_id`). */
  parameter: string;
  /** Result code prefix, e.g. `A0506` (a two-digit suffix is appended). */
  codePrefix: string;
  /** The `grant_type` value, for the success message. */
  grantType: string;
}

/** RFC 8628 §3.5, CIBA Core §11: each slow_down raises the interval by 5 seconds. */
const SLOW_DOWN_STEP = 5;

/**
 * One poll of a decoupled grant (RFC 8628 §3.4, §3.5; CIBA Core §10.1, §11): `expired_token`
 * after expiry; while the user has not decided, `slow_down` to a client polling sooner than the
 * interval (which then grows by 5 seconds), else `authorization_pending`; `access_denied` after a
 * refusal or failure; the tokens once, then `invalid_grant`.
 */
export async function pollDecoupled(
  context: EngineContext,
  request: TokenRequest,
  record: DecoupledRecord,
  labels: PollLabels,
): Promise<TokenResponse> {
  const code = (suffix: string): string => `${labels.codePrefix}${suffix}`;
  const now = context.now();
  if (record.consumed) {
    return badTokenRequest(
      context,
      'invalid_grant',
      code('04'),
      `The ${labels.parameter} has already been used.`,
    );
  }
  if (record.validUntil <= now) {
    return badTokenRequest(
      context,
      'expired_token',
      code('05'),
      `The ${labels.parameter} has expired.`,
    );
  }
  if (record.status === 'PENDING') {
    const previous = record.lastPolledAt;
    record.lastPolledAt = now;
    if (previous !== undefined && now - previous < record.interval * 1000) {
      record.interval += SLOW_DOWN_STEP;
      return badTokenRequest(
        context,
        'slow_down',
        code('06'),
        `The client polled too often; wait at least ${record.interval} seconds between requests.`,
      );
    }
    return badTokenRequest(
      context,
      'authorization_pending',
      code('07'),
      'The end-user has not decided yet.',
    );
  }
  if (record.status !== 'AUTHORIZED' || record.context === undefined) {
    const text =
      record.status === 'ACCESS_DENIED'
        ? 'The end-user denied the request.'
        : 'The authorization failed.';
    return badTokenRequest(context, 'access_denied', code('08'), text);
  }
  record.consumed = true;
  const subject = record.context;
  const scopes = record.grantedScopes ?? record.scopes;
  const issued = await mintDecoupledTokens(context, subject, scopes, record, request);
  const ok = result(
    `${labels.codePrefix.slice(0, 4)}001`,
    `The token request (grant_type=${labels.grantType}) was processed successfully.`,
  );
  return tokenOkResponse(ok, { ...issued, clientAuthMethod: request.clientAuthMethod });
}

/**
 * Access token, refresh token (when allowed) and ID token (with `openid`) of a decided grant. A
 * CIBA push (`pushedWith` = the `auth_req_id`) adds `rt_hash` and `auth_req_id` to the ID token
 * (CIBA Core §10.3.1).
 */
export async function mintDecoupledTokens(
  context: EngineContext,
  subject: NonNullable<DecoupledRecord['context']>,
  scopes: string[],
  record: DecoupledRecord,
  overrides?: Pick<
    TokenRequest,
    'accessToken' | 'accessTokenDuration' | 'refreshTokenDuration' | 'jwtAtClaims' | 'binding'
  >,
  pushedWith?: string,
): Promise<IssuedTokens> {
  const refresh = refreshTokenAllowed(context, subject)
    ? mintRefreshToken(
        context,
        subject,
        scopes,
        overrides?.refreshTokenDuration || record.refreshTokenDuration,
      )
    : undefined;
  const access = await mintAccessToken(
    context,
    subject,
    {
      scopes,
      accessTokenDuration: overrides?.accessTokenDuration || record.accessTokenDuration,
      accessToken: overrides?.accessToken,
      jwtAtClaims: overrides?.jwtAtClaims ?? record.jwtAtClaims,
      binding: overrides?.binding,
    },
    refresh,
  );
  const idToken = scopes.includes('openid')
    ? await buildIdToken(context, subject, {
        accessToken: access.record.value,
        refreshToken: pushedWith === undefined ? undefined : refresh?.value,
        authReqId: pushedWith,
      })
    : undefined;
  return { access, refresh, idToken };
}
