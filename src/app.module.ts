import type { DynamicModule } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AuthleteModule } from './authlete/authlete.module';
import { appConfig } from './config/app.config';
import { authleteConfig } from './config/authlete.config';
import { sessionConfig } from './config/session.config';
import { validateEnvironment } from './config/validate-environment';
import { authleteConnectionProviders } from './embedded-engine';
import { EndpointsModule } from './endpoints/endpoints.module';
import { ProbeRoutesModule } from './endpoints/probe-routes.module';
import { GrantsModule } from './grants/grants.module';
import { HttpLayerModule } from './http/http.module';
import { OpsModule, type OpsModuleOptions } from './ops/ops.module';
import { SessionModule } from './session/session.module';
import { UsersModule } from './users/users.module';

/** Module imports of the composition root. */
export type ServerImports = NonNullable<DynamicModule['imports']>;

/**
 * What the server is made of (design.md §2): configuration, the Authlete connection (real service
 * or the embedded engine when `AUTHLETE_BASE_URL` is unset), the shared HTTP layer, the user,
 * session and grant building blocks, and the endpoints (listed in `EndpointsModule`).
 * `AuthorizationServerModule` (src/module/) imports these and provides the ports.
 */
export function serverModules(options: OpsModuleOptions = {}): ServerImports {
  return [
    ConfigModule.forRoot({
      isGlobal: true,
      ignoreEnvFile: true,
      cache: false,
      validate: validateEnvironment,
      load: [appConfig, authleteConfig, sessionConfig],
    }),
    OpsModule.forRoot({ logDestination: options.logDestination }),
    AuthleteModule.forRoot({ connectionProviders: authleteConnectionProviders }),
    HttpLayerModule,
    UsersModule,
    SessionModule,
    GrantsModule,
    EndpointsModule,
    ProbeRoutesModule,
  ];
}
