import { Grant } from '../../model/token-grant';
import { CallerError } from '../../api/caller-error';
import type { TokenCreateResponse } from '../../../../contract';
import type { RequestBody } from '../../api/request-body';
import type { Client } from '../../model/client';
import { AUTHLETE_GRANT_TYPES, type AuthleteGrantType } from '../../model/enums';
import { envelope, result, resultMessage } from '../../protocol/result';
import type { EngineContext } from '../../context/engine-context';
import type { TokenSubjectContext } from '../../store/records';
import { mintAccessToken, mintRefreshToken, refreshTokenAllowed } from '../tokens/mint-tokens';

const PATH = '/auth/token/create';

/** Every grant type but REFRESH_TOKEN (Java `TokenCreateRequest` grantType). */
const CREATABLE = AUTHLETE_GRANT_TYPES.filter((type) => type !== 'REFRESH_TOKEN');

function readGrantType(body: RequestBody): AuthleteGrantType {
  const value = body.requiredString('grantType');
  const found = CREATABLE.find((type) => type === value);
  if (found === undefined) {
    throw CallerError.invalid('109', PATH, 'grantType', `one of ${CREATABLE.join(', ')}`);
  }
  return found;
}

/** `clientId` (number) or `clientIdentifier` (the ID or its alias); one of them is required. */
function readClient(context: EngineContext, body: RequestBody): Client | 'missing' | undefined {
  const clientId = body.integer('clientId');
  if (clientId !== 0) return context.clients.findByNumber(clientId);
  const identifier = body.optionalString('clientIdentifier');
  if (identifier === undefined) return 'missing';
  return context.clients.find(identifier);
}

/** Subjects are ASCII, at most 100 characters (Java `TokenCreateRequest` subject). */
function readSubject(body: RequestBody, grantType: AuthleteGrantType): string | undefined {
  if (grantType === 'CLIENT_CREDENTIALS') return undefined;
  const subject = body.optionalString('subject');
  if (subject === undefined) {
    if (grantType === 'JWT_BEARER') return undefined;
    throw CallerError.missing('109', PATH, 'subject');
  }
  if (subject.length > 100 || !/^[\x20-\x7e]+$/.test(subject)) {
    throw CallerError.invalid('109', PATH, 'subject', 'at most 100 ASCII characters');
  }
  return subject;
}

/**
 * `POST /auth/token/create` (authlete-api.md §6.4): mints tokens directly for a client and
 * subject, for every grant type but REFRESH_TOKEN (no refresh token for IMPLICIT and
 * CLIENT_CREDENTIALS); an unknown client is FORBIDDEN. No responseContent; the caller writes the token JSON. Result A109001.
 */
export async function createToken(
  context: EngineContext,
  body: RequestBody,
): Promise<TokenCreateResponse> {
  const grantType = readGrantType(body);
  const client = readClient(context, body);
  if (client === 'missing') throw CallerError.missing('109', PATH, 'clientId');
  if (client === undefined) {
    const forbidden = result('A109301', 'The client does not belong to the service.');
    return envelope(forbidden, 'FORBIDDEN');
  }
  const subjectValue = readSubject(body, grantType);
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
    subject: subjectValue,
    authTime: body.integer('authTime'),
    acr: body.optionalString('acr'),
    properties: body.properties(),
    sessionId: body.optionalString('sessionId'),
    maxAge: 0,
    resources: body.optionalStringArray('resources'),
    grant: new Grant(),
  };
  const scopes = [...new Set(requested)];
  // The service's own binding of the token (RFC 9449 §6, RFC 8705 §3), as Authlete takes it.
  const jkt = body.optionalString('dpopKeyThumbprint');
  const x5tS256 = body.optionalString('certificateThumbprint');
  const refresh = refreshTokenAllowed(context, subject, grantType)
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
      binding: { jkt, x5tS256 },
    },
    refresh,
  );
  const ok = result('A109001', 'An access token was created successfully.');
  return {
    // The envelope as named members, not a spread: see envelope() in protocol/result.ts.
    resultCode: ok.code,
    resultMessage: resultMessage(ok),
    action: 'OK',
    accessToken: access.record.value,
    refreshToken: refresh?.value,
    clientId: client.clientId,
    expiresAt: access.record.expiresAt,
    expiresIn: access.duration,
    grantType,
    scopes: scopes.length > 0 ? scopes : undefined,
    subject: subject.subject,
    tokenType: jkt === undefined ? 'Bearer' : 'DPoP',
    properties: subject.properties.length > 0 ? subject.properties : undefined,
    jwtAccessToken: access.jwt,
    refreshTokenScopes: refresh !== undefined && scopes.length > 0 ? scopes : undefined,
    sessionId: subject.sessionId,
  };
}
