import { deliverAuthorizationResponse } from '../../protocol/authorization-response';
import type { AuthleteEnvelope } from '../../../../contract';
import { envelope, errorUri, oauthErrorJson, resultMessage } from '../../protocol/result';
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
      ...envelope(issue.result, 'BAD_REQUEST'),
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
    ...envelope(issue.result, delivered.action),
    responseContent: delivered.responseContent,
  };
}
