import { CallerError } from '../../api/caller-error';
import type { RequestBody } from '../../api/request-body';
import type { CredentialSingleIssueResponse } from '../../../../contract';
import type { EngineContext } from '../../context/engine-context';
import { envelope, result } from '../../protocol/result';
import { credentialToken } from './credential-access';
import { credentialsContent, deferIssuance, readOrder } from './issuance-order';
import { credentialBadRequest, credentialUnauthorized, problem, vciForbidden } from './vci-errors';

/**
 * `POST /vci/single/issue` (Authlete `CredentialSingleIssueRequest`; OID4VCI 1.0 §8.3): for the
 * request `order.requestIdentifier` names, parsed with the same access token, issues the
 * credentials (OK), or a transaction id when `order.issuanceDeferred` (ACCEPTED), or refuses with
 * `credential_request_denied` when `denied` (BAD_REQUEST).
 */
export async function issueSingleCredential(
  context: EngineContext,
  body: RequestBody,
): Promise<CredentialSingleIssueResponse> {
  const { service } = context;
  if (!service.vci.enabled) return vciForbidden('327');
  const accessToken = body.requiredString('accessToken');
  const order = readOrder(body);
  const record = context.stores.vci.requests.get(order.requestIdentifier);
  if (record === undefined || record.accessToken !== accessToken) {
    throw new CallerError(
      result('A327203', 'No parsed credential request matches the request identifier and token.'),
    );
  }
  const token = credentialToken(context, accessToken, '327');
  if (!token.ok) return credentialUnauthorized(service, token.code, token.text);
  context.stores.vci.requests.delete(order.requestIdentifier);
  if (body.boolean('denied')) {
    return credentialBadRequest(
      service,
      problem('credential_request_denied', 'A327302', 'The credential issuer denied the request.'),
    );
  }
  if (order.issuanceDeferred) {
    const deferred = deferIssuance(context, record, body.integer('interval'));
    return {
      ...envelope(result('A327002', 'A transaction id was issued.'), 'ACCEPTED'),
      responseContent: deferred.content,
      transactionId: deferred.transactionId,
    };
  }
  return {
    ...envelope(result('A327001', 'The credential was issued.'), 'OK'),
    responseContent: await credentialsContent(context, record, order, '327'),
  };
}
