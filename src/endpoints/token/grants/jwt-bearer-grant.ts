import { Inject, Injectable } from '@nestjs/common';
import { decodeJwt } from 'jose';
import { AuthleteService } from '../../../authlete/authlete.service';
import type { TokenResponse } from '../../../authlete/types';
import { appConfig, type AppConfig } from '../../../config/app.config';
import { TrustedIssuers } from '../../../grants/trusted-issuers/trusted-issuers';
import { verifyTrustedJwt } from '../../../grants/trusted-issuers/trusted-jwt-verifier';
import { TrustedSubjects } from '../../../grants/trusted-issuers/trusted-subjects';
import { SingleUseMarks } from '../../../session/single-use-marks';
import type { TokenOutcome } from '../token-outcome';
import { CLOCK_TOLERANCE_SECONDS } from './exchange-tokens';
import { createdTokenBody, grantError, issuedOutcome, requireCreated } from './grant-outcome';

/**
 * JWT_BEARER (RFC 7523 §2.1, §3; authlete-api.md §7.5): Authlete checked the assertion's shape
 * but not its signature. The service finds the trusted issuer of `iss`, verifies the assertion
 * with jose (signature with the issuer's keys and algorithms, `aud` naming this issuer or its token
 * endpoint, `exp`, `nbf`, `iat`, a bounded lifetime, a `jti`), refuses a `jti` seen before within
 * its lifetime (shared store), maps `sub` to a user, and mints with `/auth/token/create`. Every
 * refusal is 400 `invalid_grant` (RFC 7523 §3.1).
 */
@Injectable()
export class JwtBearerGrant {
  private readonly audiences: string[];

  constructor(
    @Inject(appConfig.KEY) config: AppConfig,
    private readonly authlete: AuthleteService,
    private readonly issuers: TrustedIssuers,
    private readonly subjects: TrustedSubjects,
    private readonly marks: SingleUseMarks,
  ) {
    this.audiences = [config.issuer, `${config.issuer}/api/token`];
  }

  async grant(response: TokenResponse): Promise<TokenOutcome> {
    const refuse = (reason: string) => grantError(response, 'invalid_grant', reason);
    const clientId = response.clientId;
    if (clientId === undefined || clientId === 0) {
      throw grantError(response, 'invalid_request', 'Unidentified clients may not use assertions.');
    }
    const assertion = response.assertion ?? '';
    let iss: unknown;
    try {
      ({ iss } = decodeJwt(assertion));
    } catch {
      throw refuse('The assertion is not a signed JWT.');
    }
    const issuer = typeof iss === 'string' ? this.issuers.find(iss, 'jwt-bearer') : undefined;
    if (issuer === undefined) throw refuse('The issuer of the assertion is not trusted.');
    const now = Math.floor(Date.now() / 1000);
    const verified = await verifyTrustedJwt(
      assertion,
      issuer,
      {
        audiences: this.audiences,
        jtiRequired: true,
        clockToleranceSeconds: CLOCK_TOLERANCE_SECONDS,
      },
      now,
    );
    if (!verified.ok) throw refuse(verified.reason);
    const { claims } = verified;
    const lifetime = claims.exp - now + CLOCK_TOLERANCE_SECONDS;
    if (!(await this.marks.claim(`jwt-bearer:${issuer.issuer}`, String(claims.jti), lifetime))) {
      throw refuse('The assertion has already been used.');
    }
    const subject = await this.subjects.map(issuer, claims.sub);
    if (subject === undefined) throw refuse('The subject of the assertion is not known here.');
    const requested = response.scopes ?? [];
    const scopes =
      issuer.scopes === undefined ? requested : requested.filter((s) => issuer.scopes?.includes(s));
    const created = await this.authlete.call('tokenCreate', {
      grantType: 'JWT_BEARER',
      clientId,
      clientIdAliasUsed: response.clientIdAliasUsed,
      subject,
      scopes,
      resources: response.resources,
    });
    requireCreated(created, response);
    return issuedOutcome(createdTokenBody(created, false), response);
  }
}
