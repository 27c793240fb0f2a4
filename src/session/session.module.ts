import { Global, Logger, Module } from '@nestjs/common';
import { sessionConfig, type SessionConfig } from '../config/session.config';
import { StoreErrorReporter } from '../shared/observability-ports';
import { SessionStore } from './browser-session.store';
import { BrowserSessions } from './browser-sessions';
import { ConsentStore } from './consent.store';
import { InteractionStore } from './interaction.store';
import { KeyValueStore } from './key-value.store';
import { LoginAttemptLimiter } from './login-attempt.limiter';
import { MemoryKeyValueStore } from './memory-key-value.store';
import { NativeSsoSessions } from './native-sso-sessions';
import { RedisKeyValueStore } from './redis-key-value.store';
import { SessionClientsStore } from './session-clients.store';
import { SingleUseMarks } from './single-use-marks';

function createStore(config: SessionConfig, errors?: StoreErrorReporter): KeyValueStore {
  if (config.redisUrl === undefined) return new MemoryKeyValueStore();
  new Logger('SessionModule').log(`Sessions, consents and login limits are kept in Redis`);
  return new RedisKeyValueStore(config.redisUrl, config.keyPrefix, errors);
}

/**
 * Browser sessions, interactions, consents and login-attempt limits (design.md §2 `session/`):
 * in memory by default, in Redis when `REDIS_URL` is set so several instances share them.
 */
@Global()
@Module({
  providers: [
    {
      provide: KeyValueStore,
      inject: [sessionConfig.KEY, { token: StoreErrorReporter, optional: true }],
      useFactory: createStore,
    },
    SessionStore,
    BrowserSessions,
    InteractionStore,
    ConsentStore,
    LoginAttemptLimiter,
    SessionClientsStore,
    SingleUseMarks,
    NativeSsoSessions,
  ],
  exports: [
    SessionStore,
    BrowserSessions,
    InteractionStore,
    ConsentStore,
    LoginAttemptLimiter,
    SessionClientsStore,
    SingleUseMarks,
    NativeSsoSessions,
  ],
})
export class SessionModule {}
