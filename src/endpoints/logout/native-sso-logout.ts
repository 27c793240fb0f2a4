import { Injectable, Logger } from '@nestjs/common';
import { AuthleteApiError } from '../../authlete/authlete-api.error';
import { AuthleteService } from '../../authlete/authlete.service';
import { NativeSsoSessions } from '../../session/native-sso-sessions';

/** How ending the Native SSO side of a login session went. */
export type NativeSsoLogoutOutcome = 'none' | 'ended' | 'tokens-kept';

/**
 * Ends the Native SSO session bound to a login session (OpenID Connect Native SSO for Mobile Apps
 * 1.0 §5, "logout from all applications"): its device secrets stop being accepted
 * ({@link NativeSsoSessions.end}) and Authlete's `/nativesso/logout` deletes the access and refresh
 * tokens issued in it. Nothing is called when the session never used Native SSO.
 */
@Injectable()
export class NativeSsoLogout {
  private readonly logger = new Logger(NativeSsoLogout.name);

  constructor(
    private readonly sessions: NativeSsoSessions,
    private readonly authlete: AuthleteService,
  ) {}

  async end(sid: string): Promise<NativeSsoLogoutOutcome> {
    if (!(await this.sessions.isOpen(sid))) return 'none';
    await this.sessions.end(sid);
    let response;
    try {
      response = await this.authlete.call('nativeSsoLogout', { sessionId: sid });
    } catch (error) {
      if (!(error instanceof AuthleteApiError)) throw error;
      this.logger.error(`/nativesso/logout failed: ${error.message}`);
      return 'tokens-kept';
    }
    switch (response.action) {
      case 'OK':
        this.logger.log(`Native SSO session ended; ${response.count ?? 0} token(s) deleted`);
        return 'ended';
      case 'CALLER_ERROR':
      case 'SERVER_ERROR':
        this.logger.error(`/nativesso/logout ${response.action} ${response.resultMessage ?? ''}`);
        return 'tokens-kept';
      default:
        this.logger.error(`/nativesso/logout: unknown action ${String(response.action)}`);
        return 'tokens-kept';
    }
  }
}
