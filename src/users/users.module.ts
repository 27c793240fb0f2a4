import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { FileUserAuthenticator } from './file-user-authenticator';
import { PairwiseSubjects } from './pairwise-subjects';
import { UserAuthenticator } from './user-authenticator';

/**
 * Provides the {@link UserAuthenticator} port (the file-backed default, or the deployer's class;
 * design.md §6) and the pairwise subject calculator (OIDC Core §8.1).
 */
@Module({})
export class UsersModule {
  static forRoot(authenticator: Type<UserAuthenticator> = FileUserAuthenticator): DynamicModule {
    return {
      module: UsersModule,
      global: true,
      providers: [{ provide: UserAuthenticator, useClass: authenticator }, PairwiseSubjects],
      exports: [UserAuthenticator, PairwiseSubjects],
    };
  }
}
