import { Inject, Injectable } from '@nestjs/common';
import { decodeJwt } from 'jose';
import type { BackchannelAuthenticationFailReason } from '../../authlete/types';
import { appConfig, type AppConfig } from '../../config/app.config';
import { TrustedIssuers } from '../../grants/trusted-issuers/trusted-issuers';
import { verifyTrustedJwt } from '../../grants/trusted-issuers/trusted-jwt-verifier';
import { TrustedSubjects } from '../../grants/trusted-issuers/trusted-subjects';
import { UserAuthenticator } from '../../users/user-authenticator';

/** Allowed clock skew for `exp`, `nbf` and `iat`, in seconds. */
const CLOCK_TOLERANCE_SECONDS = 30;

/** The user a login hint token names, or the `/backchannel/authentication/fail` reason. */
export type LoginHintTokenResult =
  | { ok: true; subject: string }
  | { ok: false; reason: BackchannelAuthenticationFailReason; description: string };

/**
 * Resolves a CIBA `login_hint_token` (CIBA Core §7.1): a JWT of an issuer the trusted-issuers
 * file lists with the `ciba-login-hint-token` use, verified with jose (signature with the issuer's
 * keys and algorithms, `exp` required, `aud` naming this server's issuer, a bounded lifetime),
 * whose `sub` maps to a known user as for the JWT bearer grant. An expired token gives
 * EXPIRED_LOGIN_HINT_TOKEN (§13 `expired_login_hint_token`); anything else UNKNOWN_USER_ID.
 */
@Injectable()
export class LoginHintTokens {
  private readonly audiences: string[];

  constructor(
    @Inject(appConfig.KEY) config: AppConfig,
    private readonly issuers: TrustedIssuers,
    private readonly subjects: TrustedSubjects,
    private readonly users: UserAuthenticator,
  ) {
    this.audiences = [config.issuer];
  }

  async resolve(token: string): Promise<LoginHintTokenResult> {
    const unknown = (description: string): LoginHintTokenResult => ({
      ok: false,
      reason: 'UNKNOWN_USER_ID',
      description,
    });
    let iss: unknown;
    try {
      ({ iss } = decodeJwt(token));
    } catch {
      return unknown('The login_hint_token is not a signed JWT.');
    }
    const issuer =
      typeof iss === 'string' ? this.issuers.find(iss, 'ciba-login-hint-token') : undefined;
    if (issuer === undefined) return unknown('The issuer of the login_hint_token is not trusted.');
    const verified = await verifyTrustedJwt(token, issuer, {
      audiences: this.audiences,
      jtiRequired: false,
      clockToleranceSeconds: CLOCK_TOLERANCE_SECONDS,
    });
    if (!verified.ok) {
      return verified.expired === true
        ? { ok: false, reason: 'EXPIRED_LOGIN_HINT_TOKEN', description: verified.reason }
        : unknown(verified.reason);
    }
    const subject = await this.subjects.map(issuer, verified.claims.sub);
    const user = subject === undefined ? null : await this.users.findBySubject(subject);
    return user === null
      ? unknown('The user of the login_hint_token is not known here.')
      : { ok: true, subject: user.subject };
  }
}
