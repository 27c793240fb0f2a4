import type { RequestBody } from '../../api/request-body';
import type { CredentialParseResponse } from '../../../../contract';
import type { EngineContext } from '../../context/engine-context';
import { envelope, result } from '../../protocol/result';
import { randomToken } from '../../protocol/secrets';
import type { CredentialRequestRecord } from '../../store/vci-records';
import { authorizedConfiguration, openParseCall } from './credential-access';
import { parseCredentialRequest } from './credential-request';
import { verifyJwtProof } from './proof-verification';
import { credentialBadRequest } from './vci-errors';
import { requestInfo } from './request-info';

/** How long a parsed request waits for /vci/single/issue, in milliseconds. */
const PARSED_REQUEST_LIFETIME = 600_000;

/**
 * `POST /vci/single/parse` (Authlete `CredentialSingleParseRequest`; OID4VCI 1.0 §8.2): checks the
 * access token (UNAUTHORIZED), the request's shape, that the token authorizes the named
 * configuration, and every JWT proof with its `c_nonce` (BAD_REQUEST with the OID4VCI error);
 * keeps the request for /vci/single/issue and answers its `CredentialRequestInfo`.
 */
export async function parseSingleCredential(
  context: EngineContext,
  body: RequestBody,
): Promise<CredentialParseResponse> {
  const { service } = context;
  const opening = openParseCall(context, body, '326');
  if (!opening.ok) return opening.response;
  const { accessToken, requestContent, record: tokenRecord } = opening;
  const parsed = parseCredentialRequest(requestContent);
  if ('error' in parsed) return credentialBadRequest(service, parsed);
  const configuration = authorizedConfiguration(context, tokenRecord, parsed.target);
  if ('error' in configuration) return credentialBadRequest(service, configuration);
  const bindingKeys: Record<string, unknown>[] = [];
  for (const jwt of parsed.proofJwts) {
    const key = await verifyJwtProof(context, jwt);
    if ('error' in key) return credentialBadRequest(service, key);
    bindingKeys.push(key);
  }
  const record: CredentialRequestRecord = {
    expiresAt: context.now() + PARSED_REQUEST_LIFETIME,
    identifier: randomToken(),
    accessToken,
    client: tokenRecord.context.client,
    subject: tokenRecord.context.subject,
    configuration,
    credentialIdentifier: parsed.target.credentialIdentifier,
    bindingKeys,
    details: parsed.details,
  };
  context.stores.vci.requests.add(record.identifier, record);
  return {
    ...envelope(result('A326001', 'The credential request was parsed successfully.'), 'OK'),
    info: requestInfo(record),
  };
}
