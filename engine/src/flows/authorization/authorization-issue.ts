import { Grant } from '../../model/token-grant';
import type { RequestBody } from '../../api/request-body';
import type { AuthorizationIssueResponse } from '../../../../contract';
import { CallerError } from '../../api/caller-error';
import type { AuthorizationRequest } from '../../model/authorization-request';
import { deliverAuthorizationResponse } from '../../protocol/authorization-response';
import { result, resultMessage } from '../../protocol/result';
import { randomToken } from '../../protocol/secrets';
import { staleTicketResponse } from '../../protocol/stale-ticket';
import type { EngineContext } from '../../context/engine-context';
import type { TokenSubjectContext } from '../../store/records';
import { applyGrantManagement } from '../grant-management/apply-grant';
import { buildIdToken } from '../tokens/id-token';
import { grantedDetails } from '../vci/authorization-details';

const PATH = '/auth/authorization/issue';

/** `scopes` at issue time: null keeps, any array replaces; `openid` cannot be added (authlete-api.md §9). */
function grantedScopes(
  context: EngineContext,
  request: AuthorizationRequest,
  replacement: string[] | undefined,
): string[] {
  const requested = request.scopes.map((scope) => scope.name);
  if (replacement === undefined) return requested;
  return [...new Set(replacement)].filter(
    (name) =>
      context.service.scopes.has(name) && (name !== 'openid' || requested.includes('openid')),
  );
}

function readSubject(body: RequestBody): string {
  const subject = body.requiredString('subject');
  if (subject.length > 100 || !/^[\x21-\x7e]+$/.test(subject)) {
    throw CallerError.invalid('040', PATH, 'subject', 'at most 100 printable ASCII characters');
  }
  return subject;
}

/**
 * `POST /auth/authorization/issue` (authlete-api.md §4.2): consumes the ticket and returns the
 * success response (code and/or ID token with state and iss) as LOCATION or FORM.
 */
export async function issueAuthorization(
  context: EngineContext,
  body: RequestBody,
): Promise<AuthorizationIssueResponse> {
  const ticket = body.requiredString('ticket');
  const subject = readSubject(body);
  const scopesReplacement = body.optionalStringArray('scopes');
  const claims = body.optionalJsonObject('claims');
  const idTokenHeaderParams = body.optionalJsonObject('idtHeaderParams');
  const properties = body.properties();
  const record = context.stores.tickets.take(ticket);
  if (record === undefined) return staleTicketResponse(context.service, 'A040301', PATH);
  const { request } = record;
  const scopes = grantedScopes(context, request, scopesReplacement);
  const tokenContext: TokenSubjectContext = {
    client: request.client,
    clientIdAliasUsed: request.clientIdAliasUsed,
    grantType: 'AUTHORIZATION_CODE',
    subject,
    sub: body.optionalString('sub'),
    authTime: body.integer('authTime'),
    acr: body.optionalString('acr'),
    claims,
    idTokenClaimNames: request.idTokenClaimNames,
    userInfoClaims: request.userInfoClaims,
    consentedClaims: body.optionalStringArray('consentedClaims'),
    properties,
    sessionId: body.optionalString('sessionId'),
    nonce: request.nonce,
    maxAge: request.maxAge,
    resources: request.resources,
    grant: new Grant(),
    idTokenHeaderParams,
    authorizationDetails: grantedDetails(request.authorizationDetails),
  };
  tokenContext.grantId = applyGrantManagement(context, request, {
    subject,
    scopes,
    claims: tokenContext.consentedClaims ?? [
      ...new Set([...request.idTokenClaimNames, ...request.userInfoClaimNames]),
    ],
    tokens: tokenContext.grant,
  });
  const parameters: [string, string][] = [];
  let code: string | undefined;
  if (request.responseType !== 'ID_TOKEN') {
    code = randomToken();
    context.stores.codes.add(code, {
      expiresAt: context.now() + context.service.durations.authorizationCode * 1000,
      context: tokenContext,
      scopes,
      redirectUri: request.redirectUriGiven ? request.redirectUri : undefined,
      codeChallenge: request.codeChallenge,
      codeChallengeMethod: request.codeChallengeMethod,
      dpopJkt: request.dpopJkt,
      consumed: false,
    });
    parameters.push(['code', code]);
  }
  let idToken: string | undefined;
  if (request.responseType !== 'CODE') {
    idToken = await buildIdToken(context, tokenContext, {
      nonce: request.nonce,
      code,
      audType: body.optionalString('idTokenAudType'),
      headerParams: tokenContext.idTokenHeaderParams,
    });
    parameters.push(['id_token', idToken]);
  }
  const delivered = deliverAuthorizationResponse(context.service, request, parameters);
  const ok = result('A040001', 'The authorization request was processed successfully.');
  return {
    // The envelope as named members, not a spread: see envelope() in protocol/result.ts.
    resultCode: ok.code,
    resultMessage: resultMessage(ok),
    action: delivered.action,
    responseContent: delivered.responseContent,
    authorizationCode: code,
    idToken,
    accessTokenDuration: 0,
    accessTokenExpiresAt: 0,
  };
}
