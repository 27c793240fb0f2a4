import type { RequestBody } from '../../api/request-body';
import { CallerError } from '../../api/caller-error';
import type { CredentialOfferCreateResponse } from '../../../../contract';
import type { EngineContext } from '../../context/engine-context';
import { PRE_AUTHORIZED_CODE_GRANT } from '../../model/enums';
import { envelope, result } from '../../protocol/result';
import { vciForbidden } from './vci-errors';
import { randomToken } from '../../protocol/secrets';
import type { CredentialOfferRecord } from '../../store/vci-records';
import { offerInfo } from './offer-info';

const PATH = '/vci/offer/create';
const TX_CODE_INPUT_MODES = ['numeric', 'text'];

function refuse(code: string, text: string): CallerError {
  return new CallerError(result(code, text));
}

/** Checks the transaction code: up to 64 characters; digits only in `numeric` mode (§4.1.1). */
function checkTxCode(txCode: string | undefined, inputMode: string): void {
  if (txCode === undefined) return;
  if (!TX_CODE_INPUT_MODES.includes(inputMode)) {
    throw CallerError.invalid('323', PATH, 'txCodeInputMode', "'numeric' or 'text'");
  }
  if (txCode.length > 64 || (inputMode === 'numeric' && !/^[0-9]+$/.test(txCode))) {
    throw CallerError.invalid('323', PATH, 'txCode', 'a short code matching its input mode');
  }
}

/** The credential offer JSON of a record (OID4VCI 1.0 §4.1.1). */
function offerDocument(issuer: string, record: CredentialOfferRecord): string {
  const grants: Record<string, unknown> = {};
  if (record.authorizationCodeGrantIncluded) {
    grants.authorization_code =
      record.issuerState === undefined ? {} : { issuer_state: record.issuerState };
  }
  if (record.preAuthorizedCode !== undefined) {
    const grant: Record<string, unknown> = { 'pre-authorized_code': record.preAuthorizedCode };
    if (record.txCode !== undefined) {
      const txCode: Record<string, unknown> = {
        length: record.txCode.length,
        input_mode: record.txCodeInputMode,
      };
      if (record.txCodeDescription !== undefined) txCode.description = record.txCodeDescription;
      grant.tx_code = txCode;
    }
    grants[PRE_AUTHORIZED_CODE_GRANT] = grant;
  }
  return JSON.stringify({
    credential_issuer: issuer,
    credential_configuration_ids: record.credentialConfigurationIds,
    grants,
  });
}

/**
 * `POST /vci/offer/create` (Authlete `CredentialOfferCreateRequest`; OID4VCI 1.0 §4.1): stores a
 * credential offer for known credential configurations with an authorization-code grant (and
 * `issuer_state`) and/or a pre-authorized code for `subject`, with an optional `tx_code`.
 */
export function createCredentialOffer(
  context: EngineContext,
  body: RequestBody,
): CredentialOfferCreateResponse {
  const { vci } = context.service;
  if (!vci.enabled) return vciForbidden('323');
  const ids = body.optionalStringArray('credentialConfigurationIds') ?? [];
  if (ids.length === 0) throw CallerError.missing('323', PATH, 'credentialConfigurationIds');
  const unknown = ids.find((id) => !vci.configurations.has(id));
  if (unknown !== undefined) {
    throw refuse('A323203', `The credential configuration '${unknown}' is not supported.`);
  }
  const authorizationCode = body.boolean('authorizationCodeGrantIncluded');
  const preAuthorized = body.boolean('preAuthorizedCodeGrantIncluded');
  if (!authorizationCode && !preAuthorized) {
    throw refuse('A323204', 'The credential offer must include at least one grant.');
  }
  const subject = body.optionalString('subject');
  if (preAuthorized && subject === undefined) {
    throw refuse('A323205', "A pre-authorized code grant requires the 'subject' parameter.");
  }
  const txCode = body.optionalString('txCode');
  const txCodeInputMode = body.optionalString('txCodeInputMode') ?? 'numeric';
  checkTxCode(txCode, txCodeInputMode);
  const issuerStateIncluded = authorizationCode && body.boolean('issuerStateIncluded');
  const duration = body.integer('duration') || vci.durations.offer;
  const record: CredentialOfferRecord = {
    expiresAt: context.now() + duration * 1000,
    identifier: randomToken(),
    credentialOffer: '',
    credentialConfigurationIds: ids,
    authorizationCodeGrantIncluded: authorizationCode,
    issuerStateIncluded,
    issuerState: issuerStateIncluded ? randomToken() : undefined,
    preAuthorizedCodeGrantIncluded: preAuthorized,
    preAuthorizedCode: preAuthorized ? randomToken() : undefined,
    subject,
    context: body.optionalString('context'),
    properties: body.properties(),
    jwtAtClaims: body.optionalString('jwtAtClaims'),
    authTime: body.integer('authTime'),
    acr: body.optionalString('acr'),
    txCode: preAuthorized ? txCode : undefined,
    txCodeInputMode: preAuthorized && txCode !== undefined ? txCodeInputMode : undefined,
    txCodeDescription: preAuthorized ? body.optionalString('txCodeDescription') : undefined,
    redeemed: false,
  };
  record.credentialOffer = offerDocument(vci.credentialIssuer, record);
  context.stores.vci.offers.add(record.identifier, record);
  if (record.preAuthorizedCode !== undefined) {
    context.stores.vci.preAuthorizedCodes.add(record.preAuthorizedCode, record);
  }
  return {
    ...envelope(result('A323001', 'The credential offer was created.'), 'CREATED'),
    info: offerInfo(context, record),
  };
}
