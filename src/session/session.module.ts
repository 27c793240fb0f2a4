import { Global, Logger, Module } from '@nestjs/common';
import type { SessionConfig } from '../config/session.config';
import { StoreErrorReporter } from '../common/observability-ports';
import { SessionStore } from './browser-session.store';
import { BrowserSessions } from './browser-sessions';
import { ConsentStore } from './consent.store';
import { InteractionStore } from './interaction.store';
import { KeyValueStore } from './key-value.store';
import { LoginAttemptLimiter } from './login-attempt.limiter';
import { MemoryStoreSpaces } from './memory-store-spaces';
import { NativeSsoSessions } from './native-sso-sessions';
import { RedisStoreSpaces } from './redis-store-spaces';
import { StoreSpaces } from './store-spaces';
import { SessionClientsStore } from './session-clients.store';
import { SessionExpirySchedule } from './session-expiry-schedule';
import { SingleUseMarks } from './single-use-marks';

/**
 * The store spaces the environment selects: in memory, or in Redis when `REDIS_URL` is set (what
 * the module provides when the host plugs in no `storeSpaces` of its own).
 */
export function storeSpacesFromEnvironment(
  config: SessionConfig,
  errors?: StoreErrorReporter,
): StoreSpaces {
  if (config.redisUrl === undefined) return new MemoryStoreSpaces();
  new Logger('SessionModule').log(`Sessions, consents and login limits are kept in Redis`);
  return new RedisStoreSpaces(config.redisUrl, config.keyPrefix, errors);
}

/**
 * Browser sessions, interactions, consents and login-attempt limits (design.md §2 `session/`):
 * in memory by default, in Redis when `REDIS_URL` is set so several instances share them. Each
 * kind of state has its own bounded key space ({@link StoreSpaces}, provided by the composition
 * root: the host's, or {@link storeSpacesFromEnvironment}); `KeyValueStore` itself is the
 * `general` space, for other features' records.
 */
@Global()
@Module({
  providers: [
    {
      provide: KeyValueStore,
      inject: [StoreSpaces],
      useFactory: (spaces: StoreSpaces) => spaces.space('general'),
    },
    SessionStore,
    BrowserSessions,
    InteractionStore,
    ConsentStore,
    LoginAttemptLimiter,
    SessionClientsStore,
    SessionExpirySchedule,
    SingleUseMarks,
    NativeSsoSessions,
  ],
  exports: [
    KeyValueStore,
    SessionStore,
    BrowserSessions,
    InteractionStore,
    ConsentStore,
    LoginAttemptLimiter,
    SessionClientsStore,
    SessionExpirySchedule,
    SingleUseMarks,
    NativeSsoSessions,
  ],
})
export class SessionModule {}
