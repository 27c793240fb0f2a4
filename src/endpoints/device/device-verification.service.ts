import { Injectable } from '@nestjs/common';
import { AuthleteService } from '../../authlete/authlete.service';
import type { DeviceCompleteRequest, DeviceVerificationResponse } from '../../authlete/types';
import { unexpectedAction } from '../../http/unexpected-action';
import type { LoginState } from '../../session/session.types';
import { UserAuthenticator } from '../../users/user-authenticator';
import type { PendingDevice } from './device-interactions';
import { DEVICE_COMPLETE_STEPS, DEVICE_VERIFICATION_STEPS } from './device-verification.actions';
import { releasableClaimNames } from '../../users/internal-claims';

/** The result of looking a typed code up. */
export type Verification =
  | { kind: 'valid'; response: DeviceVerificationResponse; userCode: string }
  | { kind: 'notFound' | 'expired' | 'error'; status: number };

/**
 * The verification page's Authlete calls (RFC 8628 §3.3): `/device/verification` for a typed
 * code, `/device/complete` with the person's decision (subject, `authTime`, `acr` and the claims
 * the client asked for). Every action is mapped (device-verification.actions.ts); an unknown one
 * is a logged 500.
 */
@Injectable()
export class DeviceVerificationService {
  constructor(
    private readonly authlete: AuthleteService,
    private readonly users: UserAuthenticator,
  ) {}

  /** Looks a normalised user code up. */
  async verify(userCode: string): Promise<Verification> {
    const response = await this.authlete.call('deviceVerification', { userCode });
    const step = Object.hasOwn(DEVICE_VERIFICATION_STEPS, response.action)
      ? DEVICE_VERIFICATION_STEPS[response.action]
      : unexpectedAction('device/verification', response.action as never);
    if (step.outcome === 'next') return { kind: 'valid', response, userCode };
    return { kind: step.outcome, status: step.status };
  }

  /** Reports the decision; answers the status and outcome of the final page. */
  async complete(
    pending: PendingDevice,
    decision: 'approve' | 'deny',
    login: LoginState | undefined,
  ): Promise<{ status: number; outcome: 'approved' | 'denied' | 'expired' | 'failed' }> {
    const request: DeviceCompleteRequest =
      decision === 'approve' && login !== undefined
        ? {
            userCode: pending.userCode,
            result: 'AUTHORIZED',
            subject: login.subject,
            authTime: login.authTime,
            acr: login.acr,
            claims: await this.claims(pending, login),
          }
        : { userCode: pending.userCode, result: 'ACCESS_DENIED', subject: login?.subject };
    const response = await this.authlete.call('deviceComplete', request);
    const step = Object.hasOwn(DEVICE_COMPLETE_STEPS, response.action)
      ? DEVICE_COMPLETE_STEPS[response.action]
      : unexpectedAction('device/complete', response.action as never);
    if (step.outcome !== 'done') return { status: step.status, outcome: step.outcome };
    return { status: 200, outcome: request.result === 'AUTHORIZED' ? 'approved' : 'denied' };
  }

  private async claims(pending: PendingDevice, login: LoginState): Promise<string | undefined> {
    const names = releasableClaimNames(pending.claims);
    if (names.length === 0) return undefined;
    const values = await this.users.claims(login.subject, names, []);
    return JSON.stringify(values);
  }
}
