import { registerAs } from '@nestjs/config';
import { readInt } from './env-readers';

/**
 * CIBA ping and push notification delivery (OpenID Connect CIBA Core §10.2, §10.3): each POST to a
 * client notification endpoint has a timeout, and a network error, timeout or 5xx is retried a
 * bounded number of times with doubling back-off.
 */
export const cibaConfig = registerAs('ciba', () => ({
  /** Timeout of one notification attempt, in milliseconds. */
  timeoutMs: readInt('CIBA_NOTIFICATION_TIMEOUT_MS', 5000),
  /** Attempts per notification (a 4xx is never retried). */
  attempts: readInt('CIBA_NOTIFICATION_ATTEMPTS', 3),
  /** Wait before the second attempt, doubled for each further one (ms). */
  backoffMs: readInt('CIBA_NOTIFICATION_BACKOFF_MS', 250),
}));

/** Resolved type of {@link cibaConfig}. */
export type CibaConfig = ReturnType<typeof cibaConfig>;
