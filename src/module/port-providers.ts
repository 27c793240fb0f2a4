import type { Provider } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { appConfig, type AppConfig } from '../config/app.config';
import { ServerFiles } from '../config/server-files';
import { sessionConfig, type SessionConfig } from '../config/session.config';
import { userStoreConfig, type UserStoreConfig } from '../config/user-store.config';
import { CredentialIssuancePolicy } from '../grants/credential-issuance-policy';
import { DefaultCredentialIssuancePolicy } from '../grants/default-credential-issuance-policy';
import { DefaultTokenExchangePolicy } from '../grants/default-token-exchange-policy';
import { TokenExchangePolicy } from '../grants/token-exchange-policy';
import { storeSpacesFromEnvironment } from '../session/session.module';
import { StoreSpaces } from '../session/store-spaces';
import { StoreErrorReporter } from '../common/observability-ports';
import { UserAuthenticator } from '../users/user-authenticator';
import { userStoreFromEnvironment } from '../users/user-store.factory';
import {
  AUTHORIZATION_SERVER_OPTIONS,
  type AuthorizationServerOptions,
} from './authorization-server.options';
import { resolvePort } from './port-spec';

type Options = AuthorizationServerOptions;

/**
 * The ports of the module (design.md §6), each the host's when given (class, instance or
 * `useExisting`) or the shipped default: the user store `USER_STORE` selects, the default
 * token-exchange policy (RFC 8693), the default credential issuance policy (OID4VCI 1.0), memory
 * or Redis store spaces.
 */
export const portProviders: Provider[] = [
  {
    provide: UserAuthenticator,
    inject: [
      AUTHORIZATION_SERVER_OPTIONS,
      ModuleRef,
      userStoreConfig.KEY,
      appConfig.KEY,
      ServerFiles,
    ],
    useFactory: (
      options: Options,
      moduleRef: ModuleRef,
      users: UserStoreConfig,
      app: AppConfig,
      files: ServerFiles,
    ) =>
      resolvePort(options.userAuthenticator, moduleRef, () =>
        userStoreFromEnvironment(users, app, files),
      ),
  },
  {
    provide: TokenExchangePolicy,
    inject: [AUTHORIZATION_SERVER_OPTIONS, ModuleRef],
    useFactory: (options: Options, moduleRef: ModuleRef) =>
      resolvePort(options.tokenExchangePolicy, moduleRef, () => new DefaultTokenExchangePolicy()),
  },
  {
    provide: CredentialIssuancePolicy,
    inject: [AUTHORIZATION_SERVER_OPTIONS, ModuleRef],
    useFactory: (options: Options, moduleRef: ModuleRef) =>
      resolvePort(options.credentialIssuancePolicy, moduleRef, () =>
        moduleRef.create(DefaultCredentialIssuancePolicy),
      ),
  },
  {
    provide: StoreSpaces,
    inject: [
      AUTHORIZATION_SERVER_OPTIONS,
      ModuleRef,
      sessionConfig.KEY,
      { token: StoreErrorReporter, optional: true },
    ],
    useFactory: (
      options: Options,
      moduleRef: ModuleRef,
      session: SessionConfig,
      errors?: StoreErrorReporter,
    ) =>
      resolvePort(options.storeSpaces, moduleRef, () =>
        storeSpacesFromEnvironment(session, errors),
      ),
  },
];
