import { Injectable } from '@nestjs/common';
import type {
  BackchannelAuthenticationFailReason,
  BackchannelAuthenticationResponse,
} from '../../authlete/types';
import { CIBA_USER_CODE_CLAIM } from '../../users/internal-claims';
import { UserAuthenticator } from '../../users/user-authenticator';
import { LoginHintTokens } from './login-hint-token';

/** The identified user, or the `/fail` reason (CIBA Core §7.1, §13). */
export type Identification =
  | { ok: true; subject: string }
  | { ok: false; reason: BackchannelAuthenticationFailReason; description: string };

/** Longest `login_hint` looked up; longer ones are unknown users. */
const MAX_LOGIN_HINT = 256;
/** Longest `login_hint_token` verified; longer ones are unknown users. */
const MAX_LOGIN_HINT_TOKEN = 8192;

const UNKNOWN: Identification = {
  ok: false,
  reason: 'UNKNOWN_USER_ID',
  description: 'The user could not be identified.',
};

/**
 * Resolves the hint of a USER_IDENTIFICATION to a user through the {@link UserAuthenticator}
 * (CIBA Core §7.1): `login_hint` is a username (or, for stores without username lookup, a
 * subject); `id_token_hint` gives the `sub` Authlete verified; `login_hint_token` is a trusted
 * issuer's signed JWT ({@link LoginHintTokens}). Then `user_code` (§7.1) when the client requires
 * it: missing → MISSING_USER_CODE; the user's `ciba_user_code` claim must match.
 */
@Injectable()
export class CibaUserResolver {
  constructor(
    private readonly users: UserAuthenticator,
    private readonly hintTokens: LoginHintTokens,
  ) {}

  async identify(response: BackchannelAuthenticationResponse): Promise<Identification> {
    const identified = await this.userOf(response);
    if (!identified.ok || response.userCodeRequired !== true) return identified;
    if (response.userCode === undefined || response.userCode === '') {
      return { ok: false, reason: 'MISSING_USER_CODE', description: 'The user code is required.' };
    }
    const claims = await this.users.claims(identified.subject, [CIBA_USER_CODE_CLAIM], []);
    if (claims[CIBA_USER_CODE_CLAIM] !== response.userCode) {
      return { ok: false, reason: 'INVALID_USER_CODE', description: 'The user code is wrong.' };
    }
    return identified;
  }

  private async userOf(response: BackchannelAuthenticationResponse): Promise<Identification> {
    const hint = response.hint ?? '';
    if (hint === '') return UNKNOWN;
    switch (response.hintType) {
      case 'ID_TOKEN_HINT':
        return this.known(response.sub && (await this.users.findBySubject(response.sub)));
      case 'LOGIN_HINT': {
        if (hint.length > MAX_LOGIN_HINT) return UNKNOWN;
        const byName = await this.users.findByUsername?.(hint);
        return this.known(byName ?? (await this.users.findBySubject(hint)));
      }
      case 'LOGIN_HINT_TOKEN':
        return hint.length > MAX_LOGIN_HINT_TOKEN ? UNKNOWN : this.hintTokens.resolve(hint);
      case undefined:
        return UNKNOWN;
    }
  }

  private known(user: { subject: string } | null | undefined | ''): Identification {
    return user ? { ok: true, subject: user.subject } : UNKNOWN;
  }
}
