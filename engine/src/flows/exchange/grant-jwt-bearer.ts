import type { TokenResponse } from '../../../../contract';
import { spaceList } from '../../protocol/form-params';
import { result, resultMessage } from '../../protocol/result';
import type { EngineContext } from '../../context/engine-context';
import { nowSeconds } from '../../context/engine-context';
import { filterScopeNames } from '../authorization/scopes';
import type { TokenRequest } from '../token/token-request';
import { badTokenRequest } from '../token/token-response';
import { inspectJwt, timeClaimProblem } from './jwt-inspection';

/** The `aud` claim as a list; undefined when it is neither a string nor an array of strings. */
function audiences(aud: unknown): string[] | undefined {
  if (typeof aud === 'string') return [aud];
  if (Array.isArray(aud) && aud.every((item) => typeof item === 'string')) return aud;
  return undefined;
}

/**
 * The JWT-bearer grant (RFC 7523 §2.1, §3; authlete-api.md §7.5). Checks what Authlete checks:
 * `assertion` present and a JWT; encrypted or unsigned ones rejected per the service flags;
 * `iss` and `sub` strings; `aud` naming the issuer or the token endpoint; `exp` in the future;
 * `iat`, `nbf` not in the future. The signature is NOT verified: the service must do it. Answers
 * JWT_BEARER with the `assertion` and no responseContent.
 */
export function jwtBearerGrant(context: EngineContext, request: TokenRequest): TokenResponse {
  const { params, client } = request;
  const settings = context.service.jwtGrant;
  const invalid = (text: string, code: string) =>
    badTokenRequest(context, 'invalid_grant', code, text);
  const assertion = params.get('assertion');
  if (assertion === undefined) {
    return badTokenRequest(
      context,
      'invalid_request',
      'A328301',
      "The token request does not contain the 'assertion' parameter.",
    );
  }
  const jwt = inspectJwt(assertion);
  if (jwt.kind === 'malformed') return invalid('The assertion is not a JWT.', 'A328302');
  if (jwt.kind === 'encrypted' && settings.encryptedJwtRejected) {
    return invalid('The assertion is an encrypted JWT, which the service rejects.', 'A328303');
  }
  if (jwt.kind === 'unsigned' && settings.unsignedJwtRejected) {
    return invalid('The assertion is an unsigned JWT, which the service rejects.', 'A328304');
  }
  if (jwt.kind !== 'encrypted') {
    const { iss, sub, aud } = jwt.claims as Record<string, unknown>;
    if (typeof iss !== 'string' || typeof sub !== 'string') {
      return invalid("The assertion needs string 'iss' and 'sub' claims.", 'A328305');
    }
    const audience = audiences(aud);
    const accepted = [context.service.issuer, context.service.endpoints.token];
    if (audience === undefined || !audience.some((value) => accepted.includes(value))) {
      return invalid("The 'aud' claim names neither the issuer nor the token endpoint.", 'A328306');
    }
    const problem = timeClaimProblem(jwt.claims, nowSeconds(context), true);
    if (problem !== undefined) return invalid(problem, 'A328307');
  }
  const scopes = filterScopeNames(context.service, client, spaceList(params.get('scope')));
  const resources = params.getAll('resource');
  const value = result('A328001', 'The JWT-bearer request is valid; verify the assertion.');
  return {
    // The envelope as named members, not a spread: see envelope() in protocol/result.ts.
    resultCode: value.code,
    resultMessage: resultMessage(value),
    action: 'JWT_BEARER',
    grantType: 'JWT_BEARER',
    clientId: client.clientId,
    clientIdAlias: client.clientIdAlias,
    clientIdAliasUsed: request.clientIdAliasUsed,
    clientAuthMethod: request.clientAuthMethod,
    scopes: scopes.length > 0 ? scopes : undefined,
    resources: resources.length > 0 ? resources : undefined,
    assertion,
    accessTokenDuration: 0,
    accessTokenExpiresAt: 0,
    refreshTokenDuration: 0,
    refreshTokenExpiresAt: 0,
  };
}
