import { ConfigurableModuleBuilder } from '@nestjs/common';
import {
  AUTHORIZATION_SERVER_OPTIONS,
  type AuthorizationServerExtras,
  type AuthorizationServerOptions,
} from './authorization-server.options';
import { composeServer } from './compose-server';

/**
 * The `forRoot` / `forRootAsync` pair of `AuthorizationServerModule` (Nest's
 * ConfigurableModuleBuilder conventions); {@link composeServer} adds the server's own modules and
 * providers to either.
 */
export const { ConfigurableModuleClass, OPTIONS_TYPE, ASYNC_OPTIONS_TYPE } =
  new ConfigurableModuleBuilder<AuthorizationServerOptions>({
    moduleName: 'AuthorizationServer',
    optionsInjectionToken: AUTHORIZATION_SERVER_OPTIONS,
  })
    .setClassMethodName('forRoot')
    .setExtras<AuthorizationServerExtras>({}, composeServer)
    .build();
