import { registerAs } from '@nestjs/config';
import { readInt, readString } from './env-readers';

/**
 * Browser sessions, consents and login-attempt limits (design.md §4, §6). `pairwiseSalt` is the
 * secret of pairwise subject identifiers (OIDC Core §8.1); when unset it is derived from
 * `SESSION_SECRET`, or is random per process in development.
 */
export const sessionConfig = registerAs('session', () => ({
  redisUrl: readString('REDIS_URL'),
  keyPrefix: readString('SESSION_KEY_PREFIX') ?? 'oauth:',
  ttlSeconds: readInt('SESSION_TTL_SECONDS', 8 * 3600),
  interactionTtlSeconds: readInt('SESSION_INTERACTION_TTL_SECONDS', 600),
  loginMaxPerUser: readInt('LOGIN_RATE_MAX_PER_USER', 5),
  loginMaxPerIp: readInt('LOGIN_RATE_MAX_PER_IP', 50),
  loginWindowSeconds: readInt('LOGIN_RATE_WINDOW_SECONDS', 900),
  loginPairFreeFailures: readInt('LOGIN_PAIR_FREE_FAILURES', 3),
  loginPairMaxDelaySeconds: readInt('LOGIN_PAIR_MAX_DELAY_SECONDS', 900),
  loginFailureResetSeconds: readInt('LOGIN_FAILURE_RESET_SECONDS', 43_200),
  loginUserMaxDelaySeconds: readInt('LOGIN_USER_MAX_DELAY_SECONDS', 60),
  pairwiseSalt: readString('PAIRWISE_SALT'),
  sessionSecret: readString('SESSION_SECRET'),
}));

/** Resolved type of {@link sessionConfig}. */
export type SessionConfig = ReturnType<typeof sessionConfig>;
