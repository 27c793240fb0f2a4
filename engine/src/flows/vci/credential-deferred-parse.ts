import type { RequestBody } from '../../api/request-body';
import type { CredentialParseResponse } from '../../../../contract';
import type { EngineContext } from '../../context/engine-context';
import { envelope, result } from '../../protocol/result';
import { openParseCall } from './credential-access';
import { jsonObject } from './credential-request';
import { requestInfo } from './request-info';
import { credentialBadRequest, problem } from './vci-errors';

/**
 * `POST /vci/deferred/parse` (Authlete `CredentialDeferredParseRequest`; OID4VCI 1.0 §9.1): checks
 * the access token and that `transaction_id` names a live transaction of the same client and
 * user (else `invalid_transaction_id`), and answers the transaction's `CredentialRequestInfo`.
 */
export function parseDeferredCredential(
  context: EngineContext,
  body: RequestBody,
): CredentialParseResponse {
  const { service } = context;
  const opening = openParseCall(context, body, '328');
  if (!opening.ok) return opening.response;
  const { requestContent } = opening;
  const transactionId = jsonObject(requestContent)?.transaction_id;
  if (typeof transactionId !== 'string') {
    return credentialBadRequest(
      service,
      problem('invalid_credential_request', 'A328302', "The request has no 'transaction_id'."),
    );
  }
  const record = context.stores.vci.transactions.get(transactionId);
  const owner = opening.record.context;
  if (record === undefined || record.client !== owner.client || record.subject !== owner.subject) {
    return credentialBadRequest(
      service,
      problem('invalid_transaction_id', 'A328303', 'The transaction id is unknown or has expired.'),
    );
  }
  return {
    ...envelope(result('A328001', 'The deferred credential request was parsed.'), 'OK'),
    info: requestInfo(record),
  };
}
