import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { FileUserAuthenticator } from './file-user-authenticator';
import { UserAuthenticator } from './user-authenticator';

/**
 * Provides the {@link UserAuthenticator} port: the file-backed default, or the deployer's class
 * (design.md §6).
 */
@Module({})
export class UsersModule {
  static forRoot(authenticator: Type<UserAuthenticator> = FileUserAuthenticator): DynamicModule {
    return {
      module: UsersModule,
      global: true,
      providers: [{ provide: UserAuthenticator, useClass: authenticator }],
      exports: [UserAuthenticator],
    };
  }
}
