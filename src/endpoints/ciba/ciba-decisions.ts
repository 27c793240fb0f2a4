import { Injectable, Logger } from '@nestjs/common';
import { AuthleteService } from '../../authlete/authlete.service';
import type {
  BackchannelAuthenticationCompleteAction,
  BackchannelAuthenticationCompleteRequest,
} from '../../authlete/types';
import { unexpectedAction } from '../../http/unexpected-action';
import type { LoginState } from '../../session/session.types';
import type { CibaRequest } from './authentication-device';
import { CibaNotifier } from './ciba-notifier';

/** What the service does with each `/backchannel/authentication/complete` action. */
export const BACKCHANNEL_COMPLETE_STEPS: Readonly<
  Record<BackchannelAuthenticationCompleteAction, 'notify' | 'nothing' | 'log'>
> = {
  NOTIFICATION: 'notify',
  NO_ACTION: 'nothing',
  SERVER_ERROR: 'log',
};

/**
 * The user's decision on a CIBA request (CIBA Core §8, §10): `/backchannel/authentication/complete`
 * with the subject, `authTime` and `acr` (or ACCESS_DENIED); on NOTIFICATION the ping or push body
 * goes to the client's notification endpoint; NO_ACTION (poll mode) needs nothing; SERVER_ERROR
 * (expired or unknown request) is logged. An unknown action is a logged 500.
 */
@Injectable()
export class CibaDecisions {
  private readonly logger = new Logger(CibaDecisions.name);

  constructor(
    private readonly authlete: AuthleteService,
    private readonly notifier: CibaNotifier,
  ) {}

  /** Reports the decision; true when Authlete accepted it. */
  async decide(
    request: CibaRequest,
    decision: 'approve' | 'deny',
    login: LoginState,
  ): Promise<boolean> {
    const body: BackchannelAuthenticationCompleteRequest =
      decision === 'approve'
        ? {
            ticket: request.ticket,
            result: 'AUTHORIZED',
            subject: login.subject,
            authTime: login.authTime,
            acr: login.acr,
          }
        : { ticket: request.ticket, result: 'ACCESS_DENIED', subject: login.subject };
    const response = await this.authlete.call('backchannelAuthenticationComplete', body);
    const step = Object.hasOwn(BACKCHANNEL_COMPLETE_STEPS, response.action)
      ? BACKCHANNEL_COMPLETE_STEPS[response.action]
      : unexpectedAction('backchannel/authentication/complete', response.action as never);
    if (step === 'log') {
      this.logger.warn(`CIBA completion for client ${request.clientId} refused by Authlete`);
      return false;
    }
    if (step === 'notify') {
      const endpoint = response.clientNotificationEndpoint;
      const token = response.clientNotificationToken;
      if (endpoint === undefined || token === undefined) {
        this.logger.warn(
          `CIBA notification for client ${request.clientId} has no endpoint or token`,
        );
      } else {
        // Not awaited: a slow receiver must not hold the user's page (the notifier never throws).
        void this.notifier.notify(
          endpoint,
          token,
          response.responseContent ?? '{}',
          request.clientId,
        );
      }
    }
    return true;
  }
}
