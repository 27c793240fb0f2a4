import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { sessionConfig, type SessionConfig } from '../config/session.config';
import { TOKEN_PROPERTY, tokenProperty } from './token-properties';

/** Key of the hidden token property that carries a pairwise `sub` to the userinfo endpoint. */
export const PAIRWISE_SUB_PROPERTY = TOKEN_PROPERTY.pairwiseSub;

/**
 * Pairwise subject identifiers (OIDC Core §8.1): `base64url(SHA-256(sector | subject | salt))`,
 * stable per sector identifier and unlinkable across sectors. The salt is `PAIRWISE_SALT`, else
 * derived from `SESSION_SECRET`, else random per process (development; logged once).
 */
@Injectable()
export class PairwiseSubjects {
  private readonly salt: string;

  constructor(@Inject(sessionConfig.KEY) config: SessionConfig) {
    if (config.pairwiseSalt !== undefined) this.salt = config.pairwiseSalt;
    else if (config.sessionSecret !== undefined) {
      this.salt = createHmac('sha256', config.sessionSecret)
        .update('pairwise-salt')
        .digest('base64url');
    } else {
      this.salt = randomBytes(32).toString('base64url');
      new Logger(PairwiseSubjects.name).warn(
        'PAIRWISE_SALT and SESSION_SECRET are unset: pairwise subjects change on restart (development only)',
      );
    }
  }

  /** The pairwise `sub` of a subject for one sector identifier host. */
  subjectFor(sectorIdentifier: string, subject: string): string {
    return createHash('sha256')
      .update(`${sectorIdentifier}|${subject}|${this.salt}`)
      .digest('base64url');
  }
}

/**
 * The pairwise `sub` carried by a token's properties (from `/auth/userinfo`'s `properties`), or
 * undefined for PUBLIC clients.
 */
export function pairwiseSubFrom(properties: unknown): string | undefined {
  return tokenProperty(properties, PAIRWISE_SUB_PROPERTY);
}
