import type { CredentialConfiguration, VciSettings } from '../../model/vci';

/** The signing algorithms the engine accepts in JWT proofs (asymmetric only; OID4VCI 1.0 F.1). */
export const PROOF_SIGNING_ALGS = ['ES256', 'ES384', 'ES512', 'RS256', 'PS256', 'EdDSA'];

function published(configuration: CredentialConfiguration): Record<string, unknown> {
  return {
    cryptographic_binding_methods_supported: ['jwk'],
    credential_signing_alg_values_supported: ['ES256'],
    proof_types_supported: { jwt: { proof_signing_alg_values_supported: PROOF_SIGNING_ALGS } },
    ...configuration.metadata,
  };
}

/**
 * The credential issuer metadata (OpenID for Verifiable Credential Issuance 1.0 §12.2.4): the
 * issuer identifier, its authorization server, endpoints and `credential_configurations_supported`.
 */
export function credentialIssuerMetadataDocument(
  vci: VciSettings,
  authorizationServer: string,
): Record<string, unknown> {
  const configurations = Object.fromEntries(
    [...vci.configurations.values()].map((configuration) => [
      configuration.id,
      published(configuration),
    ]),
  );
  const document: Record<string, unknown> = {
    credential_issuer: vci.credentialIssuer,
    authorization_servers: [authorizationServer],
    credential_endpoint: vci.credentialEndpoint,
    nonce_endpoint: vci.nonceEndpoint,
    deferred_credential_endpoint: vci.deferredCredentialEndpoint,
  };
  if (vci.display !== undefined) document.display = vci.display;
  document.credential_configurations_supported = configurations;
  return document;
}
