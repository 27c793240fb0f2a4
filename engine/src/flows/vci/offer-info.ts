import type { RequestBody } from '../../api/request-body';
import type { CredentialOfferInfo, CredentialOfferInfoResponse } from '../../../../contract';
import type { EngineContext } from '../../context/engine-context';
import { envelope, result } from '../../protocol/result';
import { vciForbidden } from './vci-errors';
import type { CredentialOfferRecord } from '../../store/vci-records';

/** A stored offer as Authlete's `CredentialOfferInfo` (OID4VCI 1.0 §4.1.1). */
export function offerInfo(
  context: EngineContext,
  record: CredentialOfferRecord,
): CredentialOfferInfo {
  return {
    identifier: record.identifier,
    credentialOffer: record.credentialOffer,
    credentialIssuer: context.service.vci.credentialIssuer,
    credentialConfigurationIds: record.credentialConfigurationIds,
    authorizationCodeGrantIncluded: record.authorizationCodeGrantIncluded,
    issuerStateIncluded: record.issuerStateIncluded,
    issuerState: record.issuerState,
    preAuthorizedCodeGrantIncluded: record.preAuthorizedCodeGrantIncluded,
    preAuthorizedCode: record.preAuthorizedCode,
    subject: record.subject,
    expiresAt: record.expiresAt,
    context: record.context,
    properties: record.properties.length > 0 ? record.properties : undefined,
    jwtAtClaims: record.jwtAtClaims,
    authTime: record.authTime,
    acr: record.acr,
    txCode: record.txCode,
    txCodeInputMode: record.txCodeInputMode,
    txCodeDescription: record.txCodeDescription,
  };
}

/**
 * `POST /vci/offer/info` (Authlete `CredentialOfferInfoRequest`): the offer stored under
 * `identifier`, so the credential offer endpoint can serve it (OID4VCI 1.0 §4.1.3).
 */
export function credentialOfferInfo(
  context: EngineContext,
  body: RequestBody,
): CredentialOfferInfoResponse {
  if (!context.service.vci.enabled) return vciForbidden('324');
  const identifier = body.requiredString('identifier');
  const record = context.stores.vci.offers.get(identifier);
  if (record === undefined) {
    return envelope(
      result('A324303', 'The credential offer does not exist or has expired.'),
      'NOT_FOUND',
    );
  }
  return {
    ...envelope(result('A324001', 'The credential offer was found.'), 'OK'),
    info: offerInfo(context, record),
  };
}
