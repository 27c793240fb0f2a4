import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AuthleteConnection } from './authlete-connection';
import { AuthleteService } from './authlete.service';
import { AuthleteTransport } from './authlete-transport';
import { AuthleteExchangeHolder } from './exchange/authlete-exchange-holder';
import { opsConfig, type OpsConfig } from '../config/ops.config';
import { AuthleteProbe } from './resilience/authlete-probe';
import { RESILIENCE_OPTIONS, type ResilienceOptions } from './resilience/resilience-options';
import { ResilientCaller } from './resilience/resilient-caller';

/** Options for {@link AuthleteModule.forRoot}: providers that yield {@link AuthleteConnection}. */
export interface AuthleteModuleOptions {
  connectionProviders: Provider[];
}

/**
 * Provides {@link AuthleteService} over an {@link AuthleteExchange}: an undici keep-alive pool
 * sized by `AUTHLETE_MAX_SOCKETS` (or, for the embedded engine, the engine called in process),
 * with no HTTP client library in between; the per-call timeout `AUTHLETE_TIMEOUT_MS` and the
 * 10 MiB answer cap (design.md §5); and the
 * resilience layer: per-API circuit breakers and retries of safe calls (`BREAKER_*`,
 * `AUTHLETE_RETRY_*`). An `AuthleteCallObserver` provided globally (the operations module) receives
 * call durations, retries and breaker changes.
 */
@Module({})
export class AuthleteModule {
  static forRoot(options: AuthleteModuleOptions): DynamicModule {
    return {
      module: AuthleteModule,
      global: true,
      imports: [ConfigModule.forFeature(opsConfig)],
      providers: [
        ...options.connectionProviders,
        {
          provide: RESILIENCE_OPTIONS,
          inject: [opsConfig.KEY],
          useFactory: (ops: OpsConfig): ResilienceOptions => ({
            retry: ops.retry,
            breaker: ops.breaker,
            deadlineMs: ops.deadlineMs,
          }),
        },
        ResilientCaller,
        AuthleteProbe,
        {
          provide: AuthleteExchangeHolder,
          inject: [AuthleteConnection],
          useFactory: (connection: AuthleteConnection) => new AuthleteExchangeHolder(connection),
        },
        AuthleteTransport,
        AuthleteService,
      ],
      exports: [AuthleteService, AuthleteConnection, AuthleteProbe, ResilientCaller],
    };
  }
}
