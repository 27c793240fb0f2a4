import type { CredentialRequestInfo } from '../../../../contract';
import type { CredentialRequestRecord } from '../../store/vci-records';

/** A kept request as Authlete's `CredentialRequestInfo` (binding keys as JWK JSON strings). */
export function requestInfo(record: CredentialRequestRecord): CredentialRequestInfo {
  const keys = record.bindingKeys.map((key) => JSON.stringify(key));
  return {
    identifier: record.identifier,
    format: record.configuration.format,
    bindingKey: keys[0],
    bindingKeys: keys,
    details: JSON.stringify(record.details),
    credentialConfigurationId: record.configuration.id,
    credentialIdentifier: record.credentialIdentifier,
  };
}
