import { registerAs } from '@nestjs/config';
import { readInt } from './env-readers';

/**
 * Back-channel logout delivery (OpenID Connect Back-Channel Logout 1.0 §2.5, §2.8): each logout
 * request has a timeout and a bounded number of attempts; the sign-out page waits for the
 * deliveries at most `deadlineMs`, the rest finish in the background. Sessions that expire are
 * looked for every `expirySweepMs` and their relying parties notified too (§2.7).
 */
export const logoutConfig = registerAs('logout', () => ({
  /** Longest wait of the sign-out page for back-channel deliveries, in milliseconds. */
  deadlineMs: readInt('LOGOUT_BACKCHANNEL_DEADLINE_MS', 1500),
  /** Timeout of one logout request to one relying party, in milliseconds. */
  timeoutMs: readInt('LOGOUT_BACKCHANNEL_TIMEOUT_MS', 5000),
  /** Attempts per relying party (a network error or a 5xx is retried; a 4xx never). */
  attempts: readInt('LOGOUT_BACKCHANNEL_ATTEMPTS', 2),
  /** How often expired login sessions are looked for, to notify their relying parties (ms). */
  expirySweepMs: readInt('LOGOUT_EXPIRY_SWEEP_MS', 30_000),
}));

/** Resolved type of {@link logoutConfig}. */
export type LogoutConfig = ReturnType<typeof logoutConfig>;
