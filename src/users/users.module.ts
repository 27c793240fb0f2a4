import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { appConfig } from '../config/app.config';
import { userStoreConfig } from '../config/user-store.config';
import { PairwiseSubjects } from './pairwise-subjects';
import { UserAuthenticator } from './user-authenticator';
import { userStoreFromEnvironment } from './user-store.factory';

/** The shipped store `USER_STORE` selects (file, PostgreSQL or LDAP; docs/users.md). */
const FROM_ENVIRONMENT: Provider = {
  provide: UserAuthenticator,
  inject: [userStoreConfig.KEY, appConfig.KEY],
  useFactory: userStoreFromEnvironment,
};

/**
 * Provides the {@link UserAuthenticator} port (design.md §6) — the host's provider, or the shipped
 * store `USER_STORE` selects — and the pairwise subject calculator (OIDC Core §8.1).
 */
@Module({})
export class UsersModule {
  /**
   * @param authenticator a provider for the `UserAuthenticator` token; omitted → from `USER_STORE`.
   * @param imports modules the provider's dependencies come from (the host's own services).
   */
  static forRoot(
    authenticator: Provider = FROM_ENVIRONMENT,
    imports: DynamicModule['imports'] = [],
  ): DynamicModule {
    return {
      module: UsersModule,
      global: true,
      imports: [ConfigModule.forFeature(userStoreConfig), ...imports],
      providers: [authenticator, PairwiseSubjects],
      exports: [UserAuthenticator, PairwiseSubjects],
    };
  }
}
