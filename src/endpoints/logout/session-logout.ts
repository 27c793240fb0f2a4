import { Inject, Injectable, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthleteApiError } from '../../authlete/authlete-api.error';
import { AuthleteService } from '../../authlete/authlete.service';
import { logoutConfig, type LogoutConfig } from '../../config/logout.config';
import { BrowserSessions, type LoadedSession } from '../../session/browser-sessions';
import { type SessionClient, SessionClientsStore } from '../../session/session-clients.store';
import { BackchannelNotifier, type DeliveryOutcome } from './backchannel-notifier';
import { NativeSsoLogout } from './native-sso-logout';

/** What happened to each relying party of an ended session. */
export type NotifyOutcome = DeliveryOutcome | 'no-uri' | 'no-token';

/**
 * Ends a login session (OpenID Connect Back-Channel Logout 1.0 §2.7): deletes it and expires the
 * cookie, ends the Native SSO session bound to it ({@link NativeSsoLogout}), then asks Authlete for a logout token for every relying party of the session
 * (`/backchannel/logout/token`) and posts it to those with a `backchannel_logout_uri`, all in
 * parallel. The caller waits at most `LOGOUT_BACKCHANNEL_DEADLINE_MS`; slower deliveries finish in
 * the background, bounded by their own timeouts and attempts.
 */
@Injectable()
export class SessionLogout {
  private readonly logger = new Logger(SessionLogout.name);

  constructor(
    private readonly sessions: BrowserSessions,
    private readonly sessionClients: SessionClientsStore,
    private readonly authlete: AuthleteService,
    private readonly notifier: BackchannelNotifier,
    private readonly nativeSso: NativeSsoLogout,
    @Inject(logoutConfig.KEY) private readonly config: LogoutConfig,
  ) {}

  /** Ends the browser's session and notifies its relying parties (waiting up to the deadline). */
  async end(request: FastifyRequest, reply: FastifyReply, loaded: LoadedSession): Promise<void> {
    await this.sessions.end(request, reply);
    const login = loaded.session.login;
    if (login === undefined) return;
    await this.nativeSso.end(login.sid).catch((error: unknown) => {
      this.logger.error(`Native SSO logout failed: ${(error as Error).message}`);
    });
    const deliveries = this.notifyAll(login.sid).catch((error: unknown) => {
      this.logger.error(`back-channel logout failed: ${(error as Error).message}`);
    });
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, this.config.deadlineMs);
    });
    await Promise.race([deliveries, deadline]);
    clearTimeout(timer);
  }

  /**
   * Notifies every relying party of session `sid` (also usable by administrative tooling that ends
   * sessions); resolves when every delivery has finished.
   */
  async notifyAll(sid: string): Promise<NotifyOutcome[]> {
    const clients = await this.sessionClients.take(sid);
    return Promise.all(clients.map((client) => this.notify(client, sid)));
  }

  private async notify(client: SessionClient, sid: string): Promise<NotifyOutcome> {
    let response;
    try {
      response = await this.authlete.call('backchannelLogoutToken', {
        clientIdentifier: client.clientId,
        subject: client.sub,
        sessionId: sid,
      });
    } catch (error) {
      if (!(error instanceof AuthleteApiError)) throw error;
      this.logger.warn(`no logout token for client ${client.clientId}: ${error.message}`);
      return 'no-token';
    }
    switch (response.action) {
      case 'OK':
        if (response.logoutToken === undefined || !response.backchannelLogoutUri) return 'no-uri';
        return this.notifier.deliver(
          response.backchannelLogoutUri,
          response.logoutToken,
          client.clientId,
        );
      case 'CALLER_ERROR':
      case 'SERVER_ERROR':
        this.logger.error(
          `/backchannel/logout/token ${response.action} ${response.resultMessage ?? ''}`,
        );
        return 'no-token';
      default:
        this.logger.error(`/backchannel/logout/token: unknown action ${String(response.action)}`);
        return 'no-token';
    }
  }
}
