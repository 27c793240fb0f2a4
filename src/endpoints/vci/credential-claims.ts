import { Inject, Injectable } from '@nestjs/common';
import { AuthleteService } from '../../authlete/authlete.service';
import { StaleWhileErrorCache } from '../../common/stale-while-error-cache';
import { vciConfig, type VciConfig } from '../../config/vci.config';
import { OAuthError } from '../../http/oauth.errors';
import { type ClaimValues, UserAuthenticator } from '../../users/user-authenticator';

type Configurations = ReadonlyMap<string, readonly string[]>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The first path segment of each `credential_metadata.claims` entry (OID4VCI 1.0 Appendix B.2). */
function claimNames(configuration: unknown): string[] {
  const described = isRecord(configuration) ? configuration.credential_metadata : undefined;
  const claims = isRecord(described) ? described.claims : undefined;
  if (!Array.isArray(claims)) return [];
  return claims.flatMap((claim) => {
    const path: unknown = isRecord(claim) ? claim.path : undefined;
    const first: unknown = Array.isArray(path) ? path[0] : undefined;
    return typeof first === 'string' ? [first] : [];
  });
}

function configurationsOf(metadata: string | undefined): Configurations {
  const parsed: unknown = metadata === undefined ? undefined : JSON.parse(metadata);
  const supported = isRecord(parsed) ? parsed.credential_configurations_supported : undefined;
  if (!isRecord(supported)) throw new Error('the credential issuer metadata has no configurations');
  return new Map(Object.entries(supported).map(([id, value]) => [id, claimNames(value)]));
}

/**
 * The user's claims for one credential configuration (OID4VCI 1.0 §12.2.4): the configuration's
 * claim names, read from the credential issuer metadata (`/vci/metadata`), are asked of the
 * {@link UserAuthenticator} under the same names; claims the user lacks are left out. The
 * configurations are kept for `VCI_METADATA_CACHE_SECONDS` (default 60, as discovery: against
 * Authlete one round trip less per credential) and served stale while a reload fails (RFC 5861
 * §4); with none at all, issuance answers 500 `server_error`.
 */
@Injectable()
export class CredentialClaims {
  private readonly configurations: StaleWhileErrorCache<Configurations>;

  constructor(
    authlete: AuthleteService,
    private readonly users: UserAuthenticator,
    @Inject(vciConfig.KEY) config: VciConfig,
  ) {
    this.configurations = new StaleWhileErrorCache(async () => {
      const answer = await authlete.call('credentialIssuerMetadata', {});
      if (answer.action !== 'OK') {
        throw new OAuthError(500, 'server_error', 'The credential issuer metadata is unavailable.');
      }
      return configurationsOf(answer.responseContent);
    }, config.metadataCacheSeconds * 1000);
  }

  /** The claims of `subject` for `configurationId`; undefined when the user does not exist. */
  async claimsFor(subject: string, configurationId: string): Promise<ClaimValues | undefined> {
    const names = (await this.configurations.get()).get(configurationId) ?? [];
    if ((await this.users.findBySubject(subject)) === null) return undefined;
    return names.length === 0 ? {} : this.users.claims(subject, names, []);
  }
}
