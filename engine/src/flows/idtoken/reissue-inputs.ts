import { CallerError } from '../../api/caller-error';
import type { RequestBody } from '../../api/request-body';
import type { EngineContext } from '../../context/engine-context';
import type {
  AccessTokenRecord,
  RefreshTokenRecord,
  TokenSubjectContext,
} from '../../store/records';
import type { MintedAccessToken } from '../tokens/mint-tokens';

/** The tokens an ID-token-making API (`/idtoken/reissue`, `/nativesso`) builds its response around. */
export interface ReissueInputs {
  access: MintedAccessToken;
  refresh?: RefreshTokenRecord;
  /** The token's subject context with the caller's `sub` and `claims` applied. */
  subject: TokenSubjectContext;
  audType?: string;
}

function asMinted(record: AccessTokenRecord): MintedAccessToken {
  return {
    record,
    opaque: record.alias ?? record.value,
    jwt: record.alias === undefined ? undefined : record.value,
    duration: Math.round((record.expiresAt - record.issuedAt) / 1000),
  };
}

/**
 * Reads `accessToken` (the JWT one when issued), `refreshToken`, `sub`, `claims` and
 * `idTokenAudType` (Java `IDTokenReissueRequest`, `NativeSsoRequest`). An unknown or expired
 * access token, or a refresh token that is not the access token's, is a caller error.
 */
export function readReissueInputs(
  context: EngineContext,
  body: RequestBody,
  apiCode: string,
  path: string,
  refreshRequired: boolean,
): ReissueInputs {
  const accessToken = body.requiredString('accessToken');
  const refreshToken = refreshRequired
    ? body.requiredString('refreshToken')
    : body.optionalString('refreshToken');
  const sub = body.optionalString('sub');
  const claims = body.optionalJsonObject('claims');
  const record = context.stores.accessTokens.get(accessToken);
  if (record === undefined) {
    throw CallerError.invalid(apiCode, path, 'accessToken', 'an unexpired access token');
  }
  const refresh =
    refreshToken === undefined ? undefined : context.stores.refreshTokens.get(refreshToken);
  if (
    refreshToken !== undefined &&
    (refresh === undefined || record.refreshToken !== refreshToken)
  ) {
    throw CallerError.invalid(
      apiCode,
      path,
      'refreshToken',
      'the refresh token of the access token',
    );
  }
  const subject: TokenSubjectContext = {
    ...record.context,
    sub: sub ?? record.context.sub,
    claims: claims ?? record.context.claims,
  };
  if (subject.subject === undefined) {
    throw CallerError.invalid(apiCode, path, 'accessToken', 'an access token of a user');
  }
  return {
    access: asMinted(record),
    refresh,
    subject,
    audType: body.optionalString('idTokenAudType'),
  };
}
