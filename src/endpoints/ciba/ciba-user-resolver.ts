import { Injectable } from '@nestjs/common';
import type {
  BackchannelAuthenticationFailReason,
  BackchannelAuthenticationResponse,
} from '../../authlete/types';
import { UserAuthenticator } from '../../users/user-authenticator';
import { CIBA_USER_CODE_CLAIM } from '../../users/internal-claims';

/** The identified user, or the `/fail` reason (CIBA Core §7.1, §13). */
export type Identification =
  | { ok: true; subject: string }
  | { ok: false; reason: BackchannelAuthenticationFailReason; description: string };

/**
 * Resolves the hint of a USER_IDENTIFICATION to a user through the {@link UserAuthenticator}
 * (CIBA Core §7.1): `login_hint` is a username (or, for stores without username lookup, a
 * subject); `id_token_hint` gives the `sub` Authlete verified. `login_hint_token` has no format
 * this server understands and is refused as an unknown user. Then `user_code` (§7.1) when the
 * client requires it: missing → MISSING_USER_CODE; the user's `ciba_user_code` claim must match.
 */
@Injectable()
export class CibaUserResolver {
  constructor(private readonly users: UserAuthenticator) {}

  async identify(response: BackchannelAuthenticationResponse): Promise<Identification> {
    const subject = await this.subjectOf(response);
    if (subject === undefined) {
      return {
        ok: false,
        reason: 'UNKNOWN_USER_ID',
        description: 'The user could not be identified.',
      };
    }
    if (response.userCodeRequired === true) {
      if (response.userCode === undefined || response.userCode === '') {
        return {
          ok: false,
          reason: 'MISSING_USER_CODE',
          description: 'The user code is required.',
        };
      }
      const claims = await this.users.claims(subject, [CIBA_USER_CODE_CLAIM], []);
      if (claims[CIBA_USER_CODE_CLAIM] !== response.userCode) {
        return { ok: false, reason: 'INVALID_USER_CODE', description: 'The user code is wrong.' };
      }
    }
    return { ok: true, subject };
  }

  private async subjectOf(
    response: BackchannelAuthenticationResponse,
  ): Promise<string | undefined> {
    const hint = response.hint ?? '';
    if (hint === '' || hint.length > 256) return undefined;
    switch (response.hintType) {
      case 'ID_TOKEN_HINT':
        return response.sub === undefined
          ? undefined
          : (await this.users.findBySubject(response.sub))?.subject;
      case 'LOGIN_HINT': {
        const byName = await this.users.findByUsername?.(hint);
        return (byName ?? (await this.users.findBySubject(hint)))?.subject;
      }
      case 'LOGIN_HINT_TOKEN':
      case undefined:
        return undefined;
    }
  }
}
