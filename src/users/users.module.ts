import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { userStoreConfig } from '../config/user-store.config';
import { PairwiseSubjects } from './pairwise-subjects';

/**
 * The user side of the server (design.md §6): the shipped stores' settings and the pairwise
 * subject calculator (OIDC Core §8.1). The {@link UserAuthenticator} port itself is provided by
 * the composition root (`AuthorizationServerModule`): the host's, or the store `USER_STORE` selects.
 */
@Global()
@Module({
  imports: [ConfigModule.forFeature(userStoreConfig)],
  providers: [PairwiseSubjects],
  exports: [PairwiseSubjects],
})
export class UsersModule {}
