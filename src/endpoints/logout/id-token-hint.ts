import { Inject, Injectable } from '@nestjs/common';
import {
  compactVerify,
  createLocalJWKSet,
  createRemoteJWKSet,
  type JSONWebKeySet,
  type JWTVerifyGetKey,
} from 'jose';
import { AuthleteService } from '../../authlete/authlete.service';
import { appConfig, type AppConfig } from '../../config/app.config';
import { StaleWhileErrorCache } from '../../common/stale-while-error-cache';

/** What a verified `id_token_hint` says: who, for which clients, in which session. */
export interface VerifiedHint {
  readonly sub?: string;
  readonly sid?: string;
  /** `aud` as a list of client ids (OIDC Core §2). */
  readonly audiences: readonly string[];
}

const KEYS_TTL_MS = 60_000;
const ALGORITHMS = [
  'RS256',
  'PS256',
  'ES256',
  'RS384',
  'RS512',
  'PS384',
  'PS512',
  'ES384',
  'ES512',
  'EdDSA',
];

function audiences(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : [];
}

/**
 * Verifies an `id_token_hint` (RP-Initiated Logout 1.0 §2): the signature against the service's
 * JWK Set (`/service/jwks/get`) and `iss` against this server's issuer. An expired ID token is
 * still a valid hint (§2: "the OP need not be ... unexpired"), so `exp` is not checked.
 */
@Injectable()
export class IdTokenHintVerifier {
  private readonly keys: StaleWhileErrorCache<JWTVerifyGetKey>;

  constructor(
    authlete: AuthleteService,
    @Inject(appConfig.KEY) private readonly app: AppConfig,
  ) {
    this.keys = new StaleWhileErrorCache(async () => {
      const answer = await authlete.documentOrRedirect('serviceJwks', {
        includePrivateKeys: false,
      });
      switch (answer.kind) {
        case 'document':
          return createLocalJWKSet(answer.document as unknown as JSONWebKeySet);
        case 'none':
          return createLocalJWKSet({ keys: [] });
        case 'redirect':
          return createRemoteJWKSet(new URL(answer.location));
      }
    }, KEYS_TTL_MS);
  }

  /** The hint's claims, or undefined when it is malformed, unsigned by us, or from another issuer. */
  async verify(hint: string): Promise<VerifiedHint | undefined> {
    if (hint.length > 16_384) return undefined;
    const keys = await this.keys.get();
    let payload: Record<string, unknown>;
    try {
      const verified = await compactVerify(hint, keys, { algorithms: ALGORITHMS });
      payload = JSON.parse(new TextDecoder().decode(verified.payload)) as Record<string, unknown>;
    } catch {
      return undefined;
    }
    if (payload.iss !== this.app.issuer) return undefined;
    return {
      sub: typeof payload.sub === 'string' ? payload.sub : undefined,
      sid: typeof payload.sid === 'string' ? payload.sid : undefined,
      audiences: audiences(payload.aud),
    };
  }
}
