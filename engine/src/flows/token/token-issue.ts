import { Grant } from '../../model/token-grant';
import { CallerError } from '../../api/caller-error';
import type { TokenIssueResponse } from '../../../../contract';
import type { RequestBody } from '../../api/request-body';
import { result } from '../../protocol/result';
import type { EngineContext } from '../../context/engine-context';
import type { TokenSubjectContext } from '../../store/records';
import { staleTicketResponse } from '../../protocol/stale-ticket';
import { mintAccessToken, mintRefreshToken, refreshTokenAllowed } from '../tokens/mint-tokens';
import { applyTokenBinding } from './token-binding';
import { tokenOkResponse } from './token-response';

const PATH = '/auth/token/issue';

/**
 * `POST /auth/token/issue` (authlete-api.md §6.2): after PASSWORD, the service vouches for the
 * resource owner; the engine consumes the ticket and issues the tokens (OK, A054001). A stale
 * ticket is INTERNAL_SERVER_ERROR, the only other action of this API (authlete-api.md §6.2).
 */
export async function issueToken(
  context: EngineContext,
  body: RequestBody,
): Promise<TokenIssueResponse> {
  const ticket = body.requiredString('ticket');
  const subjectValue = body.requiredString('subject');
  if (subjectValue.length > 100) {
    throw CallerError.invalid('054', PATH, 'subject', 'at most 100 characters');
  }
  const properties = body.properties();
  const record = context.stores.passwordTickets.take(ticket);
  if (record === undefined) {
    // The Java TokenIssueResponse knows OK and INTERNAL_SERVER_ERROR only.
    return staleTicketResponse(context.service, 'A054302', PATH, 'INTERNAL_SERVER_ERROR');
  }
  const subject: TokenSubjectContext = {
    client: record.client,
    clientIdAliasUsed: record.clientIdAliasUsed,
    grantType: 'PASSWORD',
    subject: subjectValue,
    authTime: 0,
    properties: [...record.properties, ...properties],
    maxAge: 0,
    grant: new Grant(),
  };
  const refresh = refreshTokenAllowed(context, subject)
    ? mintRefreshToken(context, subject, record.scopes, body.integer('refreshTokenDuration'))
    : undefined;
  const access = await mintAccessToken(
    context,
    subject,
    {
      scopes: record.scopes,
      accessTokenDuration: body.integer('accessTokenDuration'),
      accessToken: body.optionalString('accessToken'),
      jwtAtClaims: body.optionalJsonObject('jwtAtClaims'),
      binding: record.binding,
    },
    refresh,
  );
  const ok = result(
    'A054001',
    'The token request (grant_type=password) was processed successfully.',
  );
  const response = tokenOkResponse(ok, {
    access,
    refresh,
    clientAuthMethod: record.clientAuthMethod,
  });
  return applyTokenBinding(context, response, record.binding ?? {}, record.client);
}
