import { registerAs } from '@nestjs/config';
import { readInt, readString } from './env-readers';

function list(name: string): string[] {
  return (readString(name) ?? '')
    .split(',')
    .map((value) => value.trim())
    .filter((value) => value.length > 0);
}

/**
 * Verifiable credential issuance settings (OpenID for Verifiable Credential Issuance 1.0;
 * docs/vci.md): who may create credential offers (`VCI_OFFER_ADMIN_TOKEN`; unset, anyone in
 * development and nobody in production) and which configurations the default
 * `CredentialIssuancePolicy` defers (`VCI_DEFERRED_CONFIGURATIONS`), and how long the credential
 * endpoint reuses the configurations of `/vci/metadata` (`VCI_METADATA_CACHE_SECONDS`, default 60
 * like discovery; 0 reads them for every credential).
 */
export const vciConfig = registerAs('vci', () => ({
  production: readString('NODE_ENV') === 'production',
  offerAdminToken: readString('VCI_OFFER_ADMIN_TOKEN'),
  deferredConfigurations: list('VCI_DEFERRED_CONFIGURATIONS'),
  metadataCacheSeconds: readInt('VCI_METADATA_CACHE_SECONDS', 60),
}));

/** Resolved type of {@link vciConfig}. */
export type VciConfig = ReturnType<typeof vciConfig>;
