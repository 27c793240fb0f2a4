import { CallerError } from '../../api/caller-error';
import type { RequestBody } from '../../api/request-body';
import type { EngineContext } from '../../context/engine-context';
import { randomToken } from '../../protocol/secrets';
import type { CredentialRequestRecord } from '../../store/vci-records';
import { jsonObject } from './credential-request';
import { issueSdJwtVc } from './sd-jwt-vc';

/** Authlete `CredentialIssuanceOrder`, read from the `order` member of an issue call. */
export interface IssuanceOrder {
  requestIdentifier: string;
  credentialPayload?: string;
  issuanceDeferred: boolean;
  credentialDuration: number;
}

/** Reads `order` (a CALLER_ERROR when it or its `requestIdentifier` is missing). */
export function readOrder(body: RequestBody): IssuanceOrder {
  const order = body.requiredObject('order');
  return {
    requestIdentifier: order.requiredString('requestIdentifier'),
    credentialPayload: order.optionalString('credentialPayload'),
    issuanceDeferred: order.boolean('issuanceDeferred'),
    credentialDuration: order.integer('credentialDuration'),
  };
}

/** The credential response body (OID4VCI 1.0 §8.3): one SD-JWT VC per proof key. */
export async function credentialsContent(
  context: EngineContext,
  record: CredentialRequestRecord,
  order: IssuanceOrder,
  apiCode: string,
): Promise<string> {
  const payload =
    order.credentialPayload === undefined ? undefined : jsonObject(order.credentialPayload);
  if (payload === undefined) {
    throw CallerError.invalid(apiCode, '/vci', 'order.credentialPayload', 'a JSON object string');
  }
  const duration = order.credentialDuration || context.service.vci.durations.credential;
  const credentials: { credential: string }[] = [];
  for (const holderKey of record.bindingKeys) {
    const credential = await issueSdJwtVc(context, {
      configuration: record.configuration,
      payload,
      holderKey,
      duration,
    });
    credentials.push({ credential });
  }
  return JSON.stringify({ credentials });
}

/**
 * Keeps a request as a deferred transaction (OID4VCI 1.0 §8.3): the `transaction_id` and the
 * seconds the wallet should wait before polling the deferred credential endpoint.
 */
export function deferIssuance(
  context: EngineContext,
  record: CredentialRequestRecord,
  interval: number,
  existingId?: string,
): { transactionId: string; content: string } {
  const transactionId = existingId ?? randomToken();
  if (existingId === undefined) {
    context.stores.vci.transactions.add(transactionId, {
      ...record,
      identifier: transactionId,
      expiresAt: context.now() + context.service.vci.durations.transaction * 1000,
    });
  }
  return {
    transactionId,
    content: JSON.stringify({ transaction_id: transactionId, interval: interval || 5 }),
  };
}
