import { CallerError } from '../../api/caller-error';
import type { RequestBody } from '../../api/request-body';
import type { CredentialDeferredIssueResponse } from '../../../../contract';
import type { EngineContext } from '../../context/engine-context';
import { envelope, result } from '../../protocol/result';
import { credentialsContent, deferIssuance, readOrder } from './issuance-order';
import { credentialBadRequest, problem, vciForbidden } from './vci-errors';

/**
 * `POST /vci/deferred/issue` (Authlete `CredentialDeferredIssueRequest`; OID4VCI 1.0 §9.2): for the
 * transaction `order.requestIdentifier` names, issues the credentials and ends the transaction
 * (OK), answers that it is still pending (ACCEPTED, with `interval`), or refuses it (BAD_REQUEST
 * `credential_request_denied`).
 */
export async function issueDeferredCredential(
  context: EngineContext,
  body: RequestBody,
): Promise<CredentialDeferredIssueResponse> {
  const { service } = context;
  if (!service.vci.enabled) return vciForbidden('329');
  const order = readOrder(body);
  const record = context.stores.vci.transactions.get(order.requestIdentifier);
  if (record === undefined) {
    throw new CallerError(result('A329203', 'No deferred transaction has that identifier.'));
  }
  if (body.boolean('denied')) {
    context.stores.vci.transactions.delete(order.requestIdentifier);
    return credentialBadRequest(
      service,
      problem('credential_request_denied', 'A329302', 'The credential issuer denied the request.'),
    );
  }
  if (order.issuanceDeferred) {
    const pending = deferIssuance(context, record, body.integer('interval'), record.identifier);
    return {
      ...envelope(result('A329002', 'The credential is not ready yet.'), 'ACCEPTED'),
      responseContent: pending.content,
    };
  }
  const content = await credentialsContent(context, record, order, '329');
  context.stores.vci.transactions.delete(order.requestIdentifier);
  return {
    ...envelope(result('A329001', 'The deferred credential was issued.'), 'OK'),
    responseContent: content,
  };
}
