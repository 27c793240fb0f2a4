import { Injectable } from '@nestjs/common';
import { AuthleteService } from '../../authlete/authlete.service';
import { StaleWhileErrorCache } from '../../shared/stale-while-error-cache';
import { type ClaimValues, UserAuthenticator } from '../../users/user-authenticator';

/** How long the credential issuer metadata is reused, in milliseconds. */
const METADATA_TTL_MS = 60_000;

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
 * claim names, read from the credential issuer metadata (`/vci/metadata`, cached briefly), are
 * asked of the {@link UserAuthenticator} under the same names; claims the user lacks are left out.
 */
@Injectable()
export class CredentialClaims {
  private readonly configurations: StaleWhileErrorCache<Configurations>;

  constructor(
    authlete: AuthleteService,
    private readonly users: UserAuthenticator,
  ) {
    this.configurations = new StaleWhileErrorCache(async () => {
      const answer = await authlete.call('credentialIssuerMetadata', {});
      if (answer.action !== 'OK') throw new Error(`/vci/metadata answered ${answer.action}`);
      return configurationsOf(answer.responseContent);
    }, METADATA_TTL_MS);
  }

  /** The claims of `subject` for `configurationId`; undefined when the user does not exist. */
  async claimsFor(subject: string, configurationId: string): Promise<ClaimValues | undefined> {
    const names = (await this.configurations.get()).get(configurationId) ?? [];
    if ((await this.users.findBySubject(subject)) === null) return undefined;
    return names.length === 0 ? {} : this.users.claims(subject, names, []);
  }
}
