import { deliverAuthorizationResponse } from '../../protocol/authorization-response';
import type { AuthleteEnvelope } from '../../../../contract';
import { errorUri, oauthErrorJson, resultMessage } from '../../protocol/result';
import type { EngineContext } from '../../context/engine-context';
import type { AuthorizationProblem } from './authorization-problem';

/**
 * Turns a problem into the Authlete answer: BAD_REQUEST with an RFC 6749 error JSON when no
 * redirect URI is known, else LOCATION/FORM carrying error, error_description, error_uri, state
 * and iss (authlete-api.md §4.1, §11.2).
 */
export function problemResponse(
  context: EngineContext,
  issue: AuthorizationProblem,
): AuthleteEnvelope<'BAD_REQUEST' | 'LOCATION' | 'FORM'> {
  const { service } = context;
  if (issue.target === undefined) {
    return {
      // The envelope as named members, not a spread: see envelope() in protocol/result.ts.
      resultCode: issue.result.code,
      resultMessage: resultMessage(issue.result),
      action: 'BAD_REQUEST',
      responseContent: oauthErrorJson(service, issue.error, issue.result),
    };
  }
  const parameters: [string, string][] = [['error', issue.error]];
  if (!service.errorDescriptionOmitted) {
    parameters.push(['error_description', resultMessage(issue.result)]);
  }
  if (!service.errorUriOmitted) parameters.push(['error_uri', errorUri(issue.result)]);
  const delivered = deliverAuthorizationResponse(service, issue.target, parameters);
  return {
    // The envelope as named members, not a spread: see envelope() in protocol/result.ts.
    resultCode: issue.result.code,
    resultMessage: resultMessage(issue.result),
    action: delivered.action,
    responseContent: delivered.responseContent,
  };
}
