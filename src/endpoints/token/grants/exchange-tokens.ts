import { Inject, Injectable } from '@nestjs/common';
import { decodeJwt } from 'jose';
import type { AuthleteTokenInfo, AuthleteTokenType } from '../../../authlete/types';
import { appConfig, type AppConfig } from '../../../config/app.config';
import type { ExchangedToken } from '../../../grants/token-exchange-policy';
import { TrustedIssuers } from '../../../grants/trusted-issuers/trusted-issuers';
import { verifyTrustedJwt } from '../../../grants/trusted-issuers/trusted-jwt-verifier';
import { TrustedSubjects } from '../../../grants/trusted-issuers/trusted-subjects';

/** Allowed clock skew for JWTs of trusted issuers, in seconds. */
export const CLOCK_TOLERANCE_SECONDS = 30;

/** A presented token and what Authlete said about it. */
export interface PresentedToken {
  readonly token?: string;
  readonly type?: AuthleteTokenType;
  readonly info?: AuthleteTokenInfo;
}

/** A validated token, or why it is refused (an RFC 8693 §2.2.2 `invalid_request`). */
export type ExchangeTokenResult =
  | { ok: true; token: ExchangedToken; issuerScopes?: readonly string[] }
  | { ok: false; reason: string };

const refuse = (reason: string): ExchangeTokenResult => ({ ok: false, reason });

/**
 * Turns a `subject_token` or `actor_token` into the {@link ExchangedToken} the policy sees
 * (RFC 8693 §2.1): this server's access and refresh tokens through the TokenInfo Authlete returned
 * (they must name a user; an actor may be a client); this server's ID tokens as Authlete verified
 * them; JWTs and ID tokens of trusted issuers by signature, `iss`, `aud`, `exp`, `nbf`, `iat`
 * with jose, and `sub` through the issuer's subject mapping. Other types are refused.
 */
@Injectable()
export class ExchangeTokens {
  private readonly audiences: string[];

  constructor(
    @Inject(appConfig.KEY) private readonly config: AppConfig,
    private readonly issuers: TrustedIssuers,
    private readonly subjects: TrustedSubjects,
  ) {
    this.audiences = [config.issuer, `${config.issuer}/api/token`];
  }

  async validate(
    presented: PresentedToken,
    role: 'subject' | 'actor',
  ): Promise<ExchangeTokenResult> {
    const { token, type, info } = presented;
    if (token === undefined || type === undefined) return refuse(`The ${role} token is missing.`);
    switch (type) {
      case 'ACCESS_TOKEN':
      case 'REFRESH_TOKEN': {
        if (info === undefined) return refuse(`The ${role} token is not a token of this server.`);
        const subject = info.subject ?? (role === 'actor' ? info.clientIdAlias : undefined);
        if (subject === undefined) return refuse(`The ${role} token is not about a user.`);
        const scopes = (info.scopes ?? []).map((scope) => scope.name);
        const issuer = this.config.issuer;
        return {
          ok: true,
          token: { tokenType: type, subject, issuer, clientId: info.clientId, scopes },
        };
      }
      case 'JWT':
      case 'ID_TOKEN':
        return this.validateJwt(token, type, role);
      case 'SAML1':
      case 'SAML2':
      case 'DEVICE_SECRET':
        return refuse(`The ${role} token type is not accepted here.`);
    }
  }

  private async validateJwt(
    token: string,
    type: 'JWT' | 'ID_TOKEN',
    role: string,
  ): Promise<ExchangeTokenResult> {
    let iss: unknown;
    let sub: unknown;
    try {
      ({ iss, sub } = decodeJwt(token));
    } catch {
      return refuse(`The ${role} token is not a JWT.`);
    }
    if (type === 'ID_TOKEN' && iss === this.config.issuer && typeof sub === 'string') {
      // Authlete verified this server's own ID token (signature, exp) before TOKEN_EXCHANGE.
      return { ok: true, token: { tokenType: type, subject: sub, issuer: iss } };
    }
    const issuer = typeof iss === 'string' ? this.issuers.find(iss, 'token-exchange') : undefined;
    if (issuer === undefined) return refuse(`The issuer of the ${role} token is not trusted.`);
    const verified = await verifyTrustedJwt(token, issuer, {
      audiences: [...this.audiences, ...issuer.audiences],
      jtiRequired: false,
      clockToleranceSeconds: CLOCK_TOLERANCE_SECONDS,
    });
    if (!verified.ok) return refuse(`The ${role} token is refused: ${verified.reason}`);
    const subject = await this.subjects.map(issuer, verified.claims.sub);
    if (subject === undefined) return refuse(`The subject of the ${role} token is not known here.`);
    return {
      ok: true,
      token: { tokenType: type, subject, issuer: issuer.issuer },
      issuerScopes: issuer.scopes,
    };
  }
}
