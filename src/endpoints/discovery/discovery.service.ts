import { Injectable } from '@nestjs/common';
import { AuthleteService, type JwksAnswer } from '../../authlete/authlete.service';
import type { JsonDocument } from '../../authlete/types';
import { StaleWhileErrorCache } from '../../common/stale-while-error-cache';
import { checkedJwks, checkedMetadata } from './document-shape';

/** How long discovery and JWKS documents are cached, and advertised as cacheable. */
export const DISCOVERY_TTL_SECONDS = 60;

/**
 * Serves the discovery document (OIDC Discovery §4, RFC 8414 §3) and the JWK Set (RFC 7517 §5)
 * from `/service/configuration` and `/service/jwks/get`, shape-checked before they are cached
 * (`document-shape.ts`), cached briefly and served stale when Authlete fails or answers a malformed
 * document, so relying parties keep validating tokens through an Authlete outage.
 */
@Injectable()
export class DiscoveryService {
  private readonly configuration: StaleWhileErrorCache<JsonDocument>;
  private readonly jwks: StaleWhileErrorCache<JwksAnswer>;

  constructor(authlete: AuthleteService) {
    this.configuration = new StaleWhileErrorCache(
      async () => checkedMetadata(await authlete.document('serviceConfiguration', {})),
      DISCOVERY_TTL_SECONDS * 1000,
    );
    this.jwks = new StaleWhileErrorCache(
      async () =>
        checkedJwks(
          await authlete.documentOrRedirect('serviceJwks', { includePrivateKeys: false }),
        ),
      DISCOVERY_TTL_SECONDS * 1000,
    );
  }

  /** The provider metadata document. */
  metadata(): Promise<JsonDocument> {
    return this.configuration.get();
  }

  /** The public JWK Set answer. */
  keys(): Promise<JwksAnswer> {
    return this.jwks.get();
  }
}
