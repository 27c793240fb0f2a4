import type { DeviceCompleteAction, DeviceVerificationAction } from '../../authlete/types';

/** What the verification page does with a `/device/verification` action (RFC 8628 §3.3). */
export interface VerificationStep {
  readonly status: number;
  /** `next`: go on to login or consent; `retry`: the code page again with a message; `error`. */
  readonly outcome: 'next' | 'notFound' | 'expired' | 'error';
}

/**
 * `/device/verification` action → page (Java `DeviceVerificationResponse.Action`): VALID goes on
 * to login and consent; NOT_EXIST shows the code page again (400) and counts against the guessing
 * limit; EXPIRED explains the code expired (400); SERVER_ERROR is a 500 page.
 */
export const DEVICE_VERIFICATION_STEPS: Readonly<
  Record<DeviceVerificationAction, VerificationStep>
> = {
  VALID: { status: 200, outcome: 'next' },
  NOT_EXIST: { status: 400, outcome: 'notFound' },
  EXPIRED: { status: 400, outcome: 'expired' },
  SERVER_ERROR: { status: 500, outcome: 'error' },
};

/** What the page says after `/device/complete`. */
export interface CompletionStep {
  readonly status: number;
  readonly outcome: 'done' | 'expired' | 'failed';
}

/**
 * `/device/complete` action → page (Java `DeviceCompleteResponse.Action`): SUCCESS tells the
 * person to return to the device (approved or denied); USER_CODE_EXPIRED and USER_CODE_NOT_EXIST
 * (the code ran out or was used meanwhile) are 400 pages; INVALID_REQUEST and SERVER_ERROR 500.
 */
export const DEVICE_COMPLETE_STEPS: Readonly<Record<DeviceCompleteAction, CompletionStep>> = {
  SUCCESS: { status: 200, outcome: 'done' },
  USER_CODE_EXPIRED: { status: 400, outcome: 'expired' },
  USER_CODE_NOT_EXIST: { status: 400, outcome: 'failed' },
  INVALID_REQUEST: { status: 500, outcome: 'failed' },
  SERVER_ERROR: { status: 500, outcome: 'failed' },
};
