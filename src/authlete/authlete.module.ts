import { HttpModule, HttpService } from '@nestjs/axios';
import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { AuthleteConnection } from './authlete-connection';
import { AuthleteService } from './authlete.service';
import { AuthleteTransport } from './authlete-transport';

/** Options for {@link AuthleteModule.forRoot}: providers that yield {@link AuthleteConnection}. */
export interface AuthleteModuleOptions {
  connectionProviders: Provider[];
}

/**
 * Provides {@link AuthleteService} over an axios instance with a keep-alive pool sized by
 * `AUTHLETE_MAX_SOCKETS` and the per-call timeout `AUTHLETE_TIMEOUT_MS` (design.md §5).
 */
@Module({})
export class AuthleteModule {
  static forRoot(options: AuthleteModuleOptions): DynamicModule {
    return {
      module: AuthleteModule,
      global: true,
      imports: [HttpModule],
      providers: [
        ...options.connectionProviders,
        {
          provide: AuthleteTransport,
          inject: [HttpService, AuthleteConnection],
          useFactory: (http: HttpService, connection: AuthleteConnection) => {
            const agentOptions = {
              keepAlive: true,
              maxSockets: connection.maxSockets,
              keepAliveMsecs: 1000,
            };
            Object.assign(http.axiosRef.defaults, {
              baseURL: connection.baseUrl,
              timeout: connection.timeoutMs,
              httpAgent: new HttpAgent(agentOptions),
              httpsAgent: new HttpsAgent(agentOptions),
              responseType: 'text',
              transformResponse: [(data: unknown) => data],
              validateStatus: () => true,
              maxRedirects: 0,
              maxContentLength: 10 * 1024 * 1024,
            });
            return new AuthleteTransport(http, connection);
          },
        },
        AuthleteService,
      ],
      exports: [AuthleteService, AuthleteConnection],
    };
  }
}
