import { CallerError } from '../../api/caller-error';
import type { TokenCreateResponse } from '../../../../contract';
import type { RequestBody } from '../../api/request-body';
import { GRANT_TYPES, type GrantType } from '../../model/enums';
import { envelope, result } from '../../protocol/result';
import type { EngineContext } from '../../context/engine-context';
import type { TokenSubjectContext } from '../../store/records';
import { mintAccessToken, mintRefreshToken, refreshTokenAllowed } from '../tokens/mint-tokens';

const PATH = '/auth/token/create';

function readGrantType(body: RequestBody): GrantType {
  const value = body.requiredString('grantType');
  if (!(GRANT_TYPES as readonly string[]).includes(value) || value === 'IMPLICIT') {
    throw CallerError.invalid(
      '109',
      PATH,
      'grantType',
      `one of ${GRANT_TYPES.filter((type) => type !== 'IMPLICIT').join(', ')}`,
    );
  }
  return value as GrantType;
}

/**
 * `POST /auth/token/create` (authlete-api.md §6.4): mints tokens directly for a client and
 * subject. No responseContent; the caller writes the token JSON. Result A109001.
 */
export async function createToken(
  context: EngineContext,
  body: RequestBody,
): Promise<TokenCreateResponse> {
  const grantType = readGrantType(body);
  const clientId = body.integer('clientId');
  const client = context.clients.findByNumber(clientId);
  if (client === undefined) {
    throw CallerError.invalid('109', PATH, 'clientId', 'the numeric ID of an existing client');
  }
  const subjectValue = body.optionalString('subject');
  if (subjectValue === undefined && grantType !== 'CLIENT_CREDENTIALS') {
    throw CallerError.missing('109', PATH, 'subject');
  }
  const requested = body.optionalStringArray('scopes') ?? [];
  const unsupported = requested.filter((scope) => !context.service.scopes.has(scope));
  if (unsupported.length > 0) {
    throw CallerError.invalid(
      '109',
      PATH,
      'scopes',
      `supported scopes (not ${unsupported.join(' ')})`,
    );
  }
  const subject: TokenSubjectContext = {
    client,
    clientIdAliasUsed: body.boolean('clientIdAliasUsed'),
    grantType,
    subject: grantType === 'CLIENT_CREDENTIALS' ? undefined : subjectValue,
    authTime: body.integer('authTime'),
    acr: body.optionalString('acr'),
    properties: body.properties(),
    sessionId: body.optionalString('sessionId'),
    maxAge: 0,
    resources: body.optionalStringArray('resources'),
    grant: { accessTokens: new Set(), refreshTokens: new Set() },
  };
  const scopes = [...new Set(requested)];
  const refresh = refreshTokenAllowed(context, subject)
    ? mintRefreshToken(context, subject, scopes, body.integer('refreshTokenDuration'))
    : undefined;
  const access = await mintAccessToken(
    context,
    subject,
    {
      scopes,
      accessTokenDuration: body.integer('accessTokenDuration'),
      accessToken: body.optionalString('accessToken'),
      jwtAtClaims: body.optionalJsonObject('jwtAtClaims'),
    },
    refresh,
  );
  const ok = result('A109001', 'An access token was created successfully.');
  return {
    ...envelope(ok, 'OK'),
    accessToken: access.record.value,
    refreshToken: refresh?.value,
    clientId: client.clientId,
    expiresAt: access.record.expiresAt,
    expiresIn: access.duration,
    grantType,
    scopes: scopes.length > 0 ? scopes : undefined,
    subject: subject.subject,
    tokenType: 'Bearer',
    properties: subject.properties.length > 0 ? subject.properties : undefined,
    jwtAccessToken: access.jwt,
    refreshTokenScopes: refresh !== undefined && scopes.length > 0 ? scopes : undefined,
    sessionId: subject.sessionId,
  };
}
