import { HttpService } from '@nestjs/axios';
import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import axios from 'axios';
import { AuthleteConnection } from './authlete-connection';
import { AuthleteService } from './authlete.service';
import { AuthleteTransport } from './authlete-transport';
import { exchangeAxiosAdapter } from './exchange/exchange-axios-adapter';
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
 * Provides {@link AuthleteService} over @nestjs/axios whose adapter is an undici keep-alive pool
 * sized by `AUTHLETE_MAX_SOCKETS` (or, for the embedded engine, an in-process exchange), the
 * per-call timeout `AUTHLETE_TIMEOUT_MS` (design.md §5), and the
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
        {
          // A dedicated axios instance (never the global default one other code may share) with
          // only what the transport needs: no default headers to merge, no body transform (the
          // transport sends JSON text), every status resolved, no redirects (a JWKS 302 is the
          // answer, authlete-api.md §8.7), a 10 MiB answer cap, and the exchange as adapter.
          provide: HttpService,
          inject: [AuthleteConnection, AuthleteExchangeHolder],
          useFactory: (connection: AuthleteConnection, holder: AuthleteExchangeHolder) => {
            const instance = axios.create({
              adapter: exchangeAxiosAdapter(holder.exchange),
              timeout: connection.timeoutMs,
              responseType: 'text',
              transformRequest: [],
              transformResponse: [(data: unknown) => data],
              validateStatus: () => true,
              maxRedirects: 0,
              maxContentLength: 10 * 1024 * 1024,
            });
            instance.defaults.headers = { common: {} } as typeof instance.defaults.headers;
            return new HttpService(instance);
          },
        },
        AuthleteTransport,
        AuthleteService,
      ],
      exports: [AuthleteService, AuthleteConnection, AuthleteProbe, ResilientCaller],
    };
  }
}
