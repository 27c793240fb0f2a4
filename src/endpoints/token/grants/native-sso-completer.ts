import { Injectable, Logger } from '@nestjs/common';
import { AuthleteService } from '../../../authlete/authlete.service';
import type { TokenResponse } from '../../../authlete/types';
import { withRelayedFields } from '../../../http/response-headers';
import {
  type DeviceSecret,
  deviceSecretHashMatches,
  NativeSsoSessions,
} from '../../../session/native-sso-sessions';
import type { TokenOutcome } from '../token-outcome';
import { grantError } from './grant-outcome';

/**
 * NATIVE_SSO (OpenID Connect Native SSO for Mobile Apps 1.0; Java `TokenResponse` §NATIVE_SSO).
 * Checks the session and the device secret, then lets `/nativesso` write the token response with
 * the ID token (`sid`, `ds_hash`) and `device_secret`:
 * - code flow: opens the Native SSO session of the login; a valid presented device secret of that
 *   session is kept, otherwise a new one is issued (§4.1);
 * - refresh: the session must still be open;
 * - token exchange (§4.3): the session must be open, and the device secret (the actor token) must
 *   be one this server issued for that session, with the subject ID token's `ds_hash` its hash.
 */
@Injectable()
export class NativeSsoCompleter {
  private readonly logger = new Logger(NativeSsoCompleter.name);

  constructor(
    private readonly authlete: AuthleteService,
    private readonly sessions: NativeSsoSessions,
  ) {}

  async complete(response: TokenResponse): Promise<TokenOutcome> {
    const sessionId = response.sessionId;
    const accessToken = response.jwtAccessToken ?? response.accessToken;
    if (sessionId === undefined || accessToken === undefined) {
      throw grantError(response, 'invalid_grant', 'The request is not bound to a session.');
    }
    if (response.grantType === 'AUTHORIZATION_CODE') {
      await this.sessions.open(sessionId);
    } else if (!(await this.sessions.isOpen(sessionId))) {
      throw grantError(response, 'invalid_grant', 'The Native SSO session has ended.');
    }
    const secret = await this.deviceSecret(response, sessionId);
    const answer = await this.authlete.call('nativeSso', {
      accessToken,
      refreshToken: response.refreshToken,
      deviceSecret: secret.value,
      deviceSecretHash: secret.hash,
    });
    switch (answer.action) {
      case 'OK':
        return withRelayedFields<TokenOutcome>(
          { action: 'OK', responseContent: answer.responseContent },
          response,
        );
      case 'INTERNAL_SERVER_ERROR':
      case 'CALLER_ERROR':
        this.logger.error(`/nativesso answered ${answer.action}: ${answer.resultMessage ?? ''}`);
        throw grantError(response, 'server_error', 'The Native SSO response failed.', 500);
    }
  }

  /** The device secret to return: the presented one when valid, else a new one (§4.1, §4.3). */
  private async deviceSecret(response: TokenResponse, sessionId: string): Promise<DeviceSecret> {
    const presented = response.deviceSecret;
    const found = presented === undefined ? undefined : await this.sessions.find(presented);
    const hash = response.deviceSecretHash;
    const valid =
      found !== undefined &&
      found.sessionId === sessionId &&
      (hash === undefined || deviceSecretHashMatches(found, hash));
    if (valid) return found;
    if (hash !== undefined || response.grantType === 'TOKEN_EXCHANGE') {
      throw grantError(
        response,
        'invalid_grant',
        'The device secret is unknown, expired or not bound to the subject token.',
      );
    }
    // An invalid device_secret in a code or refresh request is ignored (§4.1): issue a new one.
    return this.sessions.issue(sessionId);
  }
}
