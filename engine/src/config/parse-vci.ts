import type { CredentialConfiguration, VciSettings } from '../model/vci';
import { type ConfigObject, EngineConfigError } from './config-reader';

const DEFAULT_PATHS = {
  credentialEndpoint: '/api/vci/credential',
  deferredCredentialEndpoint: '/api/vci/deferred_credential',
  nonceEndpoint: '/api/vci/nonce',
  credentialJwksUri: '/api/vci/jwks',
} as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The first path segment of every `credential_metadata.claims` entry (OID4VCI 1.0 Appendix B.2). */
function claimNames(field: string, metadata: Record<string, unknown>): string[] {
  const described = isRecord(metadata.credential_metadata) ? metadata.credential_metadata : {};
  const claims = described.claims ?? [];
  if (!Array.isArray(claims)) throw new EngineConfigError(field, 'claims must be an array');
  return claims.map((claim, index) => {
    const path: unknown = isRecord(claim) ? claim.path : undefined;
    const first: unknown = Array.isArray(path) ? path[0] : undefined;
    if (typeof first !== 'string') {
      throw new EngineConfigError(`${field}.claims[${index}]`, 'needs a path of strings');
    }
    return first;
  });
}

function parseConfiguration(field: string, id: string, value: unknown): CredentialConfiguration {
  if (!isRecord(value)) throw new EngineConfigError(field, 'must be an object');
  if (value.format !== 'dc+sd-jwt') {
    throw new EngineConfigError(`${field}.format`, "must be 'dc+sd-jwt'");
  }
  if (typeof value.vct !== 'string') throw new EngineConfigError(`${field}.vct`, 'is required');
  return {
    id,
    format: value.format,
    vct: value.vct,
    scope: typeof value.scope === 'string' ? value.scope : undefined,
    claims: claimNames(field, value),
    metadata: value,
  };
}

/** A configured URL re-rooted onto `issuer` (as the service endpoints are), or the default path. */
function endpoint(
  reader: ConfigObject | undefined,
  name: keyof typeof DEFAULT_PATHS,
  roots: { configured: string; issuer: string },
): string {
  const configured = reader?.optionalUrl(name);
  if (configured === undefined) return `${roots.issuer}${DEFAULT_PATHS[name]}`;
  return configured.startsWith(roots.configured)
    ? `${roots.issuer}${configured.slice(roots.configured.length)}`
    : configured;
}

/**
 * Reads the Verifiable Credentials settings of the service (OpenID for Verifiable Credential
 * Issuance 1.0 §12.2): `verifiableCredentialsEnabled`, `credentialIssuerMetadata` (endpoints,
 * `display`, `credentialConfigurationsSupported`) and the lifetimes.
 */
export function parseVci(
  reader: ConfigObject,
  roots: { configured: string; issuer: string },
): VciSettings {
  const metadata = reader.optionalObject('credentialIssuerMetadata');
  const supported = metadata?.raw('credentialConfigurationsSupported') ?? {};
  const field =
    metadata?.fieldPath('credentialConfigurationsSupported') ?? 'credentialIssuerMetadata';
  if (!isRecord(supported)) throw new EngineConfigError(field, 'must be an object');
  const configurations = new Map(
    Object.entries(supported).map(([id, value]) => [
      id,
      parseConfiguration(`${field}.${id}`, id, value),
    ]),
  );
  return {
    enabled: reader.boolean('verifiableCredentialsEnabled', false),
    credentialIssuer: roots.issuer,
    credentialEndpoint: endpoint(metadata, 'credentialEndpoint', roots),
    deferredCredentialEndpoint: endpoint(metadata, 'deferredCredentialEndpoint', roots),
    nonceEndpoint: endpoint(metadata, 'nonceEndpoint', roots),
    credentialJwksUri: endpoint(metadata, 'credentialJwksUri', roots),
    display: metadata?.raw('display'),
    configurations,
    durations: {
      offer: reader.integer('credentialOfferDuration', 86400, 1),
      transaction: reader.integer('credentialTransactionDuration', 86400, 1),
      nonce: reader.integer('cnonceDuration', 300, 1),
      credential: reader.integer('credentialDuration', 31536000, 1),
    },
  };
}
