import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AuthleteModule } from './authlete/authlete.module';
import { appConfig } from './config/app.config';
import { authleteConfig } from './config/authlete.config';
import { sessionConfig } from './config/session.config';
import { validateEnvironment } from './config/validate-environment';
import { authleteConnectionProviders } from './embedded-engine';
import { EndpointsModule } from './endpoints/endpoints.module';
import { GrantsModule } from './grants/grants.module';
import type { TokenExchangePolicy } from './grants/token-exchange-policy';
import type { CredentialIssuancePolicy } from './grants/credential-issuance-policy';
import { HttpLayerModule } from './http/http.module';
import { OpsModule, type OpsModuleOptions } from './ops/ops.module';
import { SessionModule } from './session/session.module';
import { UserAuthenticator } from './users/user-authenticator';
import { UsersModule } from './users/users.module';

/** Options of the composition root. */
export interface AppModuleOptions extends OpsModuleOptions {
  /** Your user store (design.md §6); defaults to the file-backed demo store. */
  userAuthenticator?: Type<UserAuthenticator>;
  /** Your RFC 8693 decisions (docs/token-exchange.md); defaults to DefaultTokenExchangePolicy. */
  tokenExchangePolicy?: Type<TokenExchangePolicy>;
  /** Your credential issuance decisions (docs/vci.md); defaults to DefaultCredentialIssuancePolicy. */
  credentialIssuancePolicy?: Type<CredentialIssuancePolicy>;
}

/**
 * Composition root (design.md §2): configuration, the Authlete connection (real service or the
 * embedded engine when `AUTHLETE_BASE_URL` is unset), the shared HTTP layer and the endpoints
 * (listed in `EndpointsModule`).
 */
@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
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
        UsersModule.forRoot(
          options.userAuthenticator
            ? { provide: UserAuthenticator, useClass: options.userAuthenticator }
            : undefined,
        ),
        SessionModule,
        GrantsModule.forRoot(options.tokenExchangePolicy, options.credentialIssuancePolicy),
        EndpointsModule,
      ],
    };
  }
}
